// ChatPanel: starting jobs on the worker and taking their results in (the chat's transcript,
// side by side, test sets). Layout, workspace and dialogs are in chat_panel.cpp.
#include <QMessageBox>

#include "core/chat/answer_metadata.h"
#include "core/store/chat_transcripts.h"
#include "core/store/workspace.h"
#include "ui/chat/chat_panel.h"
#include "ui/chat/chat_worker.h"
#include "ui/chat/configuration_picker.h"
#include "ui/chat/conversation_view.h"
#include "ui/chat/generation_settings_form.h"
#include "ui/chat/side_by_side_view.h"
#include "ui/chat/test_set_page.h"
#include "ui/chat/transcript_list.h"

namespace medlora::ui {

std::optional<JobContext> ChatPanel::make_context(QString* error) {
  const QString settings_problem = form_->validation_error();
  if (!settings_problem.isEmpty()) {
    *error = settings_problem;
    return std::nullopt;
  }
  JobContext context;
  context.job_id = ++next_job_id_;
  context.workspace_file = workspace_ ? workspace_file_ : QString();
  context.device = settings_.device;
  context.dtype = settings_.dtype;
  context.threads = settings_.threads;
  context.settings = form_->settings();
  context.grounding = picker_->grounding();
  context.grounding_top_k = picker_->grounding_top_k();
  if (context.grounding && !workspace_) {
    *error = tr("Grounding needs the workspace's knowledge base, and no workspace is open.");
    return std::nullopt;
  }
  if (safety_on_->isChecked()) context.safety = safety_rules_;
  context.routing = routing_rules_;
  return context;
}

void ChatPanel::set_running(JobKind kind, qint64 job_id) {
  running_kind_ = kind;
  running_job_ = job_id;
  failure_.clear();
  update_buttons();
  emit busy_changed(kind != JobKind::None);
}

void ChatPanel::stop() {
  if (!busy()) return;
  worker_->stop(running_job_);
  stop_->setEnabled(false);
  set_status(tr("Stopping..."));
}

bool ChatPanel::send() {
  if (!ask(question_->toPlainText().trimmed())) return false;
  question_->clear();
  return true;
}

bool ChatPanel::ask(const QString& question) {
  if (busy() || question.trimmed().isEmpty()) return false;
  const ChatConfiguration configuration = picker_->chat_configuration();
  if (const QString problem = configuration.problem(); !problem.isEmpty()) {
    show_problem(tr("Chat"), problem);
    return false;
  }
  ensure_chat(question, configuration);
  Turn turn{QStringLiteral("user"), question, -1};
  if (workspace_ && chat_id_ > 0) {
    try {
      store::ChatTranscripts(*workspace_).append_message(chat_id_, "user", question.toStdString());
      turn.seq = next_seq_++;
    } catch (const std::exception& e) {
      set_status(tr("The question could not be saved: %1").arg(e.what()));
    }
  }
  turns_.push_back(turn);
  conversation_->add_question(question);
  tabs_->setCurrentIndex(0);
  return start_chat_answer(static_cast<int>(turns_.size()) - 1, configuration);
}

qint64 ChatPanel::ensure_chat(const QString& question, const ChatConfiguration& configuration) {
  if (!workspace_) return 0;
  try {
    store::ChatTranscripts transcripts(*workspace_);
    const std::string model_json = configuration.to_json().toStdString();
    const std::string settings_json = form_->settings().to_json().toStdString();
    if (chat_id_ <= 0) {
      const QString title = question.simplified().left(48);
      chat_id_ = transcripts.create_chat(title.toStdString(), model_json, settings_json);
      next_seq_ = 0;
      transcripts_->refresh();
      transcripts_->mark_current(chat_id_);
    } else {
      transcripts.set_model(chat_id_, model_json);  // what answers from now on
      transcripts.set_settings(chat_id_, settings_json);
    }
  } catch (const std::exception& e) {
    set_status(tr("The chat could not be saved: %1").arg(e.what()));
  }
  return chat_id_;
}

std::vector<std::pair<std::string, std::string>> ChatPanel::history_before(int entry) const {
  std::vector<std::pair<std::string, std::string>> history;
  for (int i = 0; i + 1 < entry && i + 1 < static_cast<int>(turns_.size()); ++i) {
    // A question followed by its answer is a turn; a question whose answer failed is left out.
    if (turns_[i].role == "user" && turns_[i + 1].role == "assistant" && !turns_[i + 1].text.isEmpty())
      history.emplace_back(turns_[i].text.toStdString(), turns_[i + 1].text.toStdString());
  }
  return history;
}

bool ChatPanel::start_chat_answer(int question_entry, const ChatConfiguration& configuration) {
  QString error;
  auto context = make_context(&error);
  if (!context) {
    show_problem(tr("Chat"), error);
    return false;
  }
  ChatJob job{*context, {configuration}, history_before(question_entry), turns_[question_entry].text};
  conversation_->begin_answer(configuration.label);
  set_running(JobKind::Chat, job.context.job_id);
  set_status(tr("Generating..."));
  QMetaObject::invokeMethod(worker_, [worker = worker_, job] { worker->answer(job); }, Qt::QueuedConnection);
  return true;
}

bool ChatPanel::regenerate(int entry) {
  if (busy() || entry <= 0 || entry > static_cast<int>(turns_.size()) || turns_[entry - 1].role != "user") return false;
  if (entry + 1 < static_cast<int>(turns_.size()) &&
      QMessageBox::question(this, tr("Regenerate"),
                            tr("Regenerating this answer removes the messages after it from the chat. Go on?")) !=
          QMessageBox::Yes)
    return false;
  // Drop the answer and everything after it, in the store and on screen.
  for (int i = entry; i < static_cast<int>(turns_.size()); ++i) {
    if (turns_[i].seq < 0 || !workspace_ || chat_id_ <= 0) continue;
    try {
      store::ChatTranscripts(*workspace_).truncate(chat_id_, turns_[i].seq);
      next_seq_ = turns_[i].seq;
    } catch (const std::exception& e) {
      set_status(tr("The old answer could not be removed from the saved chat: %1").arg(e.what()));
    }
    break;
  }
  turns_.resize(entry);
  conversation_->remove_from(entry);
  const ChatConfiguration configuration = picker_->chat_configuration();
  if (const QString problem = configuration.problem(); !problem.isEmpty()) {
    show_problem(tr("Chat"), problem);
    return false;
  }
  ensure_chat(turns_[entry - 1].text, configuration);
  return start_chat_answer(entry - 1, configuration);
}

void ChatPanel::new_chat() {
  if (busy()) return;
  chat_id_ = 0;
  next_seq_ = 0;
  turns_.clear();
  conversation_->clear();
  transcripts_->mark_current(0);
  question_->setFocus();
  set_status(tr("New chat"));
}

bool ChatPanel::open_chat(qint64 chat_id) {
  if (busy() || !workspace_) return false;
  std::optional<store::Chat> chat;
  try {
    chat = store::ChatTranscripts(*workspace_).load(chat_id);
  } catch (const std::exception& e) {
    show_problem(tr("Open chat"), QString::fromStdString(e.what()));
    return false;
  }
  if (!chat) return false;
  chat_id_ = chat_id;
  turns_.clear();
  conversation_->clear();
  next_seq_ = 0;
  for (const auto& message : chat->messages) {
    const QString text = QString::fromStdString(message.content);
    next_seq_ = message.seq + 1;
    if (message.role == "system") continue;
    turns_.push_back({QString::fromStdString(message.role), text, message.seq});
    if (message.role == "user") {
      conversation_->add_question(text);
      continue;
    }
    chat::AnswerMetadata metadata;
    QString status = QStringLiteral("done");
    try {
      metadata = chat::AnswerMetadata::from_json(message.metadata_json);
      status = answer_status(metadata.finish_reason);
    } catch (const std::exception&) {
      // An answer without readable metadata still shows its text.
    }
    conversation_->add_answer(QString::fromStdString(metadata.configuration), text, metadata, status);
  }
  transcripts_->mark_current(chat_id_);
  tabs_->setCurrentIndex(0);
  set_status(tr("Opened \"%1\"").arg(QString::fromStdString(chat->summary.title)));
  return true;
}

bool ChatPanel::compare(const QString& question) {
  if (busy() || question.trimmed().isEmpty()) return false;
  if (const QString problem = picker_->comparison_problem(); !problem.isEmpty()) {
    show_problem(tr("Side by side"), problem);
    return false;
  }
  QString error;
  auto context = make_context(&error);
  if (!context) {
    show_problem(tr("Side by side"), error);
    return false;
  }
  ChatJob job{*context, picker_->comparison(), {}, question.trimmed()};
  QStringList labels;
  for (const ChatConfiguration& c : job.configurations) labels << c.label;
  side_by_side_->reset(labels);
  tabs_->setCurrentIndex(1);
  set_running(JobKind::SideBySide, job.context.job_id);
  set_status(tr("Comparing %n configuration(s)...", nullptr, static_cast<int>(labels.size())));
  QMetaObject::invokeMethod(worker_, [worker = worker_, job] { worker->side_by_side(job); }, Qt::QueuedConnection);
  return true;
}

bool ChatPanel::run_test_set(TestSetJob job, bool use_compared_configurations) {
  if (busy()) return false;
  if (!workspace_) {
    show_problem(tr("Test sets"), tr("Test sets are stored in the workspace, and no workspace is open."));
    return false;
  }
  if (job.resume_run_id <= 0) {
    if (use_compared_configurations) {
      if (const QString problem = picker_->comparison_problem(); !problem.isEmpty()) {
        show_problem(tr("Test sets"), problem);
        return false;
      }
      job.configurations = picker_->comparison();
    } else {
      const ChatConfiguration configuration = picker_->chat_configuration();
      if (const QString problem = configuration.problem(); !problem.isEmpty()) {
        show_problem(tr("Test sets"), problem);
        return false;
      }
      job.configurations = {configuration};
    }
  }
  QString error;
  auto context = make_context(&error);
  if (!context) {
    show_problem(tr("Test sets"), error);
    return false;
  }
  job.context = *context;
  tabs_->setCurrentIndex(2);
  set_running(JobKind::TestSet, job.context.job_id);
  set_status(tr("Starting the test set..."));
  QMetaObject::invokeMethod(worker_, [worker = worker_, job] { worker->run_test_set(job); }, Qt::QueuedConnection);
  return true;
}

void ChatPanel::on_reply(const ChatAnswer& answer) {
  if (answer.job_id != running_job_) return;
  if (running_kind_ == JobKind::SideBySide) {
    side_by_side_->finish(answer);
  } else if (running_kind_ == JobKind::TestSet) {
    test_page_->answer_arrived(answer);
  } else if (running_kind_ == JobKind::Chat) {
    conversation_->finish_streaming(answer);
    if (answer.status != "error") store_answer(answer);
    else turns_.push_back({QStringLiteral("assistant"), QString(), -1});
    const auto& m = answer.metadata;
    set_status(answer.status == "error"
                   ? tr("No answer: %1").arg(answer.error)
                   : tr("%1 tokens/s, %n token(s), %2", nullptr, static_cast<int>(m.tokens))
                         .arg(QString::number(m.tokens_per_second, 'f', 1))
                         .arg(AnswerView::finish_text(m.finish_reason)));
  }
}

void ChatPanel::store_answer(const ChatAnswer& answer) {
  Turn turn{QStringLiteral("assistant"), answer.text, -1};
  if (workspace_ && chat_id_ > 0) {
    try {
      store::ChatTranscripts(*workspace_)
          .append_message(chat_id_, "assistant", answer.text.toStdString(), answer_metadata_json(answer));
      turn.seq = next_seq_++;
      transcripts_->refresh();
    } catch (const std::exception& e) {
      set_status(tr("The answer could not be saved: %1").arg(e.what()));
    }
  }
  turns_.push_back(turn);
}

void ChatPanel::on_failed(qint64 job_id, const QString& message) {
  if (job_id != running_job_) return;
  failure_ = message;
  if (running_kind_ == JobKind::Chat) {
    conversation_->fail_streaming(message);
    turns_.push_back({QStringLiteral("assistant"), QString(), -1});
  }
  set_status(tr("Generation failed: %1").arg(message));
}

void ChatPanel::on_job_finished(qint64 job_id, bool cancelled) {
  if (job_id != running_job_) return;
  const JobKind kind = running_kind_;
  const QString failure = failure_;
  if (kind == JobKind::SideBySide && (cancelled || !failure.isEmpty()))
    side_by_side_->finish_all(failure.isEmpty() ? tr("Stopped") : tr("Failed"));
  set_running(JobKind::None, 0);
  if (kind == JobKind::TestSet) test_page_->run_finished(cancelled, failure);
  if (kind == JobKind::SideBySide && failure.isEmpty()) set_status(cancelled ? tr("Stopped") : tr("Comparison done"));
  if (kind == JobKind::Chat) question_->setFocus();
}

}  // namespace medlora::ui
