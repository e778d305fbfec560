// ScoringScreen: loading answers, moving between them, and what its buttons write through
// its store::ReviewQueue (the widgets are built in scoring_screen.cpp).
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringList>
#include <QTextBrowser>
#include <QTimer>

#include <algorithm>
#include <stdexcept>

#include "core/review_server/server_error.h"
#include "core/store/workspace.h"
#include "ui/review/score_scale.h"
#include "ui/review/scoring_screen.h"

namespace medlora::ui {
namespace {

QString local_time(const std::string& utc_iso) {
  QDateTime time = QDateTime::fromString(QString::fromStdString(utc_iso), Qt::ISODateWithMs);
  if (!time.isValid()) return QString::fromStdString(utc_iso);
  return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

}  // namespace

// --- loading ---

void ScoringScreen::show_item(const store::ScreenItem& item) {
  autosave_->stop();
  item_ = item;
  dirty_ = false;
  position_->setText(tr("Answer %1 of %2").arg(item.position).arg(item.total));
  question_->setPlainText(QString::fromStdString(item.question));
  answer_->setPlainText(QString::fromStdString(item.answer));
  show_message({}, false);
  reason_->clear();

  bool open = true;
  try {
    open = queue_->study_open();
  } catch (const std::exception& e) {
    if (!went_offline(e)) throw;  // offline: the server says whether it closed once it is back
  }
  if (item.latest) {
    const store::SubmittedScore& latest = *item.latest;
    fill_fields(latest.scores);
    set_status([this, latest] {
      if (latest.revision > 1)
        return tr("Revision %1, submitted on %2. Reason: %3")
            .arg(latest.revision)
            .arg(local_time(latest.submitted_at), QString::fromStdString(latest.reason));
      return tr("Submitted on %1.").arg(local_time(latest.submitted_at));
    });
    set_mode(open ? Mode::Submitted : Mode::Closed);
  } else {
    fill_fields(item.draft.value_or(store::ScoreEntry{}));
    if (item.status == store::kAssignmentSkipped)
      set_status([this, reason = QString::fromStdString(item.skip_reason)] {
        return tr("Skipped: %1. You can still score it.").arg(reason);
      });
    else if (item.draft)
      set_status([this] { return tr("Draft restored: not submitted yet."); });
    else
      set_status({});
    set_mode(open ? Mode::Scoring : Mode::Closed);
  }
  if (!open) show_message(tr("This study is closed: scores can no longer change."), false);
  dirty_ = false;
}

void ScoringScreen::show_finished() {
  autosave_->stop();
  item_.reset();
  dirty_ = false;
  fill_fields(store::ScoreEntry{});
  question_->clear();
  set_status({});
  set_mode(Mode::Finished);
  show_finished_texts();
  previous_->setFocus(Qt::OtherFocusReason);
}

void ScoringScreen::show_finished_texts() {
  store::QueueProgress p;
  try {
    p = queue_->progress();
  } catch (const std::exception& e) {
    if (!went_offline(e)) throw;
    p.total = 1;  // offline: not "no answers for you"
  }
  position_->setText(tr("Done"));
  answer_->setPlainText(p.total == 0 ? tr("There are no answers for you in this study.")
                                     : tr("Every answer is scored or skipped. Thank you!\n\nTo look at an answer "
                                          "again, go back with Previous (Alt+Left)."));
}

// --- navigation ---

std::optional<int64_t> ScoringScreen::neighbour(int step) const {
  std::vector<store::QueueEntry> entries;
  try {
    entries = queue_->queue();
  } catch (const review_server::ServerError& e) {
    if (!e.connection_lost()) throw;
    return std::nullopt;  // offline: no moving until the server is back
  }
  if (entries.empty()) return std::nullopt;
  if (!item_) return step < 0 ? std::optional<int64_t>(entries.back().assignment_id) : std::nullopt;
  const auto here = std::find_if(entries.begin(), entries.end(),
                                 [this](const store::QueueEntry& e) { return e.assignment_id == item_->assignment_id; });
  if (here == entries.end()) return std::nullopt;
  const auto index = (here - entries.begin()) + step;
  if (index < 0 || index >= static_cast<std::ptrdiff_t>(entries.size())) return std::nullopt;
  return entries[static_cast<size_t>(index)].assignment_id;
}

bool ScoringScreen::leave() {
  autosave_->stop();
  if (!item_ || !dirty_ || item_->latest || !(mode_ == Mode::Scoring || mode_ == Mode::Skipping)) return true;
  try {
    queue_->save_draft(item_->assignment_id, entry_on_screen());
    dirty_ = false;
    item_->status = store::kAssignmentDraft;
    return true;
  } catch (const std::exception& e) {
    return report_failure(e);
  }
}

bool ScoringScreen::open_assignment(int64_t assignment_id) {
  if (!leave()) return false;
  try {
    const auto item = queue_->load(assignment_id);
    if (!item) {
      show_message(tr("That answer is not in your queue."), true);
      return false;
    }
    show_item(*item);
    update_progress();
    return true;
  } catch (const std::exception& e) {
    return report_failure(e);
  }
}

bool ScoringScreen::go_next() {
  const auto id = neighbour(+1);
  return id && open_assignment(*id);
}

bool ScoringScreen::go_previous() {
  const auto id = neighbour(-1);
  return id && open_assignment(*id);
}

bool ScoringScreen::go_next_unscored() {
  if (!leave()) return false;
  std::optional<int64_t> id;
  try {
    id = queue_->next_unscored();
  } catch (const std::exception& e) {
    if (!went_offline(e)) throw;
    return false;  // offline: the answer on screen stays
  }
  if (!id) {
    show_finished();
    update_progress();
    return false;
  }
  return open_assignment(*id);
}

// --- actions ---

bool ScoringScreen::went_offline(const std::exception& e) {
  const auto* server = dynamic_cast<const review_server::ServerError*>(&e);
  if (!server || !server->connection_lost()) return false;
  set_connection_state(false, unsent_);
  return true;
}

void ScoringScreen::hold_until_sent(const QString& what) {
  autosave_->stop();
  dirty_ = false;
  set_status([what] { return what; });
  set_mode(Mode::Waiting);
}

void ScoringScreen::move_on_after_write() {
  if (go_next_unscored() || mode_ == Mode::Finished) return;
  // The write reached the outbox but the next answer cannot be read: nothing on screen stays editable.
  if (!online_) hold_until_sent(tr("Sent when the connection returns."));
}

void ScoringScreen::set_connection_state(bool online, int unsent) {
  const bool back = online && !online_;
  online_ = online;
  unsent_ = unsent;
  show_connection_texts();
  if (!online || unsent > 0) return;
  if (mode_ == Mode::Waiting) {
    show_message({}, false);
    go_next_unscored();
  } else if (back) {
    update_progress();
  }
}

void ScoringScreen::show_connection_texts() {
  connection_->setVisible(!online_);
  if (online_) return;
  connection_->setText(unsent_ > 0 ? tr("Offline, will retry: %n change(s) not sent yet, kept on this computer.", "",
                                        unsent_)
                                   : tr("Offline, will retry."));
}

bool ScoringScreen::report_failure(const std::exception& e) {
  if (went_offline(e)) {
    show_message(tr("Offline, will retry: %1").arg(QString::fromUtf8(e.what())), true);
    return false;
  }
  show_message(tr("Not saved: %1").arg(QString::fromUtf8(e.what())), true);
  emit status_message(message_->text());
  if (item_ && !queue_->study_open()) set_mode(Mode::Closed);
  return false;
}

bool ScoringScreen::check_complete(const store::ScoreEntry& entry) {
  QStringList missing;
  int first_missing = -1;
  for (size_t axis = 0; axis < scales_.size(); ++axis) {
    if (entry.axis(axis)) continue;
    missing << ScoreScale::axis_title(static_cast<int>(axis));
    if (first_missing < 0) first_missing = static_cast<int>(axis);
  }
  if (first_missing >= 0) {
    show_message(tr("Score all four axes first. Missing: %1.").arg(missing.join(QStringLiteral(", "))), true);
    scales_[static_cast<size_t>(first_missing)]->setFocus(Qt::OtherFocusReason);
    return false;
  }
  if (entry.harmful && entry.severity == 0) {
    show_message(tr("Choose how severe the harm is: minor, moderate or severe."), true);
    severity_->setFocus(Qt::OtherFocusReason);
    return false;
  }
  return true;
}

bool ScoringScreen::submit() {
  switch (mode_) {
    case Mode::Scoring: return submit_first();
    case Mode::Revising: return submit_revision();
    case Mode::Skipping: return confirm_skip();
    default: return false;
  }
}

bool ScoringScreen::submit_first() {
  const store::ScoreEntry entry = entry_on_screen();
  if (!item_ || !check_complete(entry)) return false;
  int revision = 0;
  try {
    revision = queue_->submit(item_->assignment_id, entry);
  } catch (const std::exception& e) {
    return report_failure(e);
  }
  autosave_->stop();
  dirty_ = false;
  if (revision == 0) {  // a server queue offline: the submission waits in its outbox
    set_connection_state(false, unsent_);
    hold_until_sent(tr("Submitted on this computer: sent when the connection returns."));
    emit status_message(tr("Answer %1 waits to be sent.").arg(item_->position));
    return true;
  }
  emit status_message(tr("Answer %1 submitted.").arg(item_->position));
  update_progress();
  move_on_after_write();
  return true;
}

bool ScoringScreen::save_draft() {
  if (!item_ || !(mode_ == Mode::Scoring || mode_ == Mode::Skipping)) {
    show_message(tr("Only an answer not yet submitted is kept as a draft; change a submitted one with Revise…."),
                 true);
    return false;
  }
  autosave_->stop();
  try {
    queue_->save_draft(item_->assignment_id, entry_on_screen());
  } catch (const std::exception& e) {
    return report_failure(e);
  }
  dirty_ = false;
  item_->status = store::kAssignmentDraft;
  item_->skip_reason.clear();
  set_status([this, at = QTime::currentTime()] { return tr("Draft saved at %1.").arg(QLocale().toString(at, QLocale::ShortFormat)); });
  update_progress();
  return true;
}

void ScoringScreen::begin_skip() {
  if (mode_ != Mode::Scoring) return;
  show_message(tr("Why do you skip this answer? Enter confirms, Escape goes back."), false);
  set_mode(Mode::Skipping);
}

bool ScoringScreen::confirm_skip() {
  const QString reason = reason_->text().trimmed();
  if (reason.isEmpty()) {
    show_message(tr("Give a reason to skip this answer (e.g. outside my specialty)."), true);
    reason_->setFocus(Qt::OtherFocusReason);
    return false;
  }
  try {
    // Scores already entered are kept as a draft for when the answer is taken up again.
    if (dirty_) queue_->save_draft(item_->assignment_id, entry_on_screen());
    dirty_ = false;
    queue_->skip(item_->assignment_id, reason.toStdString());
  } catch (const std::exception& e) {
    return report_failure(e);
  }
  emit status_message(tr("Answer %1 skipped.").arg(item_->position));
  update_progress();
  move_on_after_write();
  return true;
}

void ScoringScreen::begin_revise() {
  if (mode_ != Mode::Submitted) return;
  show_message(tr("Change the scores, give a reason, then Submit revision (Enter). The earlier revision is kept."),
               false);
  set_mode(Mode::Revising);
}

bool ScoringScreen::submit_revision() {
  const store::ScoreEntry entry = entry_on_screen();
  if (!item_ || !check_complete(entry)) return false;
  const QString reason = reason_->text().trimmed();
  if (reason.isEmpty()) {
    show_message(tr("A revision needs a reason: say why the score changes."), true);
    reason_->setFocus(Qt::OtherFocusReason);
    return false;
  }
  int revision = 0;
  try {
    revision = queue_->revise(item_->assignment_id, entry, reason.toStdString());
  } catch (const std::exception& e) {
    return report_failure(e);
  }
  dirty_ = false;
  if (revision == 0) {
    set_connection_state(false, unsent_);
    hold_until_sent(tr("Revision kept on this computer: sent when the connection returns."));
    emit status_message(tr("The revision waits to be sent."));
    return true;
  }
  const auto reloaded = queue_->load(item_->assignment_id);
  if (reloaded) show_item(*reloaded);
  show_message(tr("Revision %1 saved.").arg(revision), false);
  emit status_message(message_->text());
  update_progress();
  return true;
}

void ScoringScreen::cancel_reason() {
  if (!item_ || !(mode_ == Mode::Revising || mode_ == Mode::Skipping)) return;
  if (mode_ == Mode::Revising) {
    // Back to the submitted scores as they are.
    if (const auto reloaded = queue_->load(item_->assignment_id)) show_item(*reloaded);
    return;
  }
  reason_->clear();
  show_message({}, false);
  set_mode(Mode::Scoring);
}

}  // namespace medlora::ui
