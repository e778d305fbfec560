#include "ui/chat/chat_panel.h"

#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

#include "core/model/model_catalog.h"
#include "core/store/model_registry.h"
#include "core/store/workspace.h"
#include "ui/chat/chat_rules_files.h"
#include "ui/chat/chat_worker.h"
#include "ui/chat/configuration_picker.h"
#include "ui/chat/conversation_view.h"
#include "ui/chat/generation_settings_form.h"
#include "ui/chat/knowledge_base_dialog.h"
#include "ui/chat/routing_rules_dialog.h"
#include "ui/chat/safety_rules_dialog.h"
#include "ui/chat/side_by_side_view.h"
#include "ui/chat/test_set_page.h"
#include "ui/chat/transcript_list.h"
#include "ui/shell/empty_state.h"

namespace medlora::ui {

ChatPanel::ChatPanel(const QString& workspace_file, QWidget* parent)
    : Panel(parent),
      worker_(new ChatWorker),
      transcripts_(new TranscriptList(this)),
      tabs_(new QTabWidget(this)),
      conversation_(new ConversationView(this)),
      no_model_(new EmptyState(this)),
      question_(new QPlainTextEdit(this)),
      send_(new QPushButton(QIcon(":/icons/generate.png"), QString(), this)),
      stop_(new QPushButton(QIcon(":/icons/stop.png"), QString(), this)),
      status_(new QLabel(this)),
      side_by_side_(new SideBySideView(this)),
      test_page_(new TestSetPage(this)),
      picker_(new ConfigurationPicker(this)),
      form_(new GenerationSettingsForm(this)),
      safety_on_(new QCheckBox(this)),
      routing_button_(new QPushButton(this)),
      safety_button_(new QPushButton(this)),
      knowledge_button_(new QPushButton(this)),
      workspace_problem_(new QLabel(this)) {
  setObjectName("chat_panel");
  settings_.models_dir = QString::fromStdString(model::ModelCatalog::default_models_dir().string());
  worker_->moveToThread(&worker_thread_);
  connect(&worker_thread_, &QThread::finished, worker_, &QObject::deleteLater);
  worker_thread_.setObjectName("chat-generation");
  worker_thread_.start();

  QString problem;
  routing_rules_ = load_routing_rules(&problem);
  if (!problem.isEmpty()) set_status(problem);
  safety_rules_ = load_safety_rules(&problem);
  if (!problem.isEmpty()) set_status(problem);

  build_layout();
  connect_worker();
  retranslate();
  open_workspace(workspace_file);
}

ChatPanel::~ChatPanel() { prepare_to_close(); }

QString ChatPanel::panel_title() const { return tr("Chat"); }

QIcon ChatPanel::panel_icon() const {
  return QIcon::fromTheme("internet-chat", style()->standardIcon(QStyle::SP_MessageBoxInformation));
}

void ChatPanel::build_layout() {
  question_->setObjectName("question_edit");
  question_->setTabChangesFocus(true);
  question_->setMaximumHeight(80);
  send_->setObjectName("send_button");
  send_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
  stop_->setObjectName("stop_button");
  stop_->setShortcut(QKeySequence(Qt::Key_Escape));
  status_->setObjectName("chat_status");
  status_->setWordWrap(true);
  safety_on_->setChecked(true);
  workspace_problem_->setWordWrap(true);
  workspace_problem_->setStyleSheet("color: #b00020;");
  workspace_problem_->hide();

  auto* chat_page = new QWidget(this);
  auto* ask_row = new QHBoxLayout;
  ask_row->addWidget(question_, 1);
  auto* ask_buttons = new QVBoxLayout;
  ask_buttons->addWidget(send_);
  ask_buttons->addWidget(stop_);
  ask_buttons->addStretch(1);
  ask_row->addLayout(ask_buttons);
  auto* chat_layout = new QVBoxLayout(chat_page);
  no_model_->setObjectName("no_model_state");
  no_model_->hide();
  chat_layout->addWidget(no_model_);
  chat_layout->addWidget(conversation_, 1);
  chat_layout->addLayout(ask_row);
  chat_layout->addWidget(status_);

  auto* compare_page = new QWidget(this);
  auto* compare_layout = new QVBoxLayout(compare_page);
  compare_layout->addWidget(side_by_side_, 1);
  compare_layout->addWidget(picker_->comparison_box());

  tabs_->addTab(chat_page, QString());
  tabs_->addTab(compare_page, QString());
  tabs_->addTab(test_page_, QString());

  auto* settings_column = new QWidget(this);
  auto* settings_layout = new QVBoxLayout(settings_column);
  settings_layout->addWidget(picker_);
  settings_layout->addWidget(form_);
  settings_layout->addWidget(safety_on_);
  for (QPushButton* b : {routing_button_, safety_button_, knowledge_button_}) settings_layout->addWidget(b);
  settings_layout->addStretch(1);
  auto* settings_scroll = new QScrollArea(this);
  settings_scroll->setWidget(settings_column);
  settings_scroll->setWidgetResizable(true);
  settings_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  // Wide enough for the form: only the height scrolls.
  settings_scroll->setMinimumWidth(settings_column->minimumSizeHint().width() +
                                   settings_scroll->verticalScrollBar()->sizeHint().width() + 4);

  auto* left = new QWidget(this);
  auto* left_layout = new QVBoxLayout(left);
  left_layout->setContentsMargins(0, 0, 0, 0);
  left_layout->addWidget(workspace_problem_);
  left_layout->addWidget(transcripts_, 1);

  auto* splitter = new QSplitter(this);
  splitter->addWidget(left);
  splitter->addWidget(tabs_);
  splitter->addWidget(settings_scroll);
  splitter->setStretchFactor(1, 1);
  splitter->setSizes({200, 760, 420});
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);

  connect(no_model_, &EmptyState::action_requested, picker_, [this] { picker_->choose_model_folder(); });
  connect(send_, &QPushButton::clicked, this, &ChatPanel::send);
  connect(stop_, &QPushButton::clicked, this, &ChatPanel::stop);
  connect(question_, &QPlainTextEdit::textChanged, this, &ChatPanel::update_buttons);
  connect(conversation_, &ConversationView::regenerate_requested, this, &ChatPanel::regenerate);
  connect(transcripts_, &TranscriptList::chat_chosen, this, &ChatPanel::open_chat);
  connect(transcripts_, &TranscriptList::new_chat_requested, this, &ChatPanel::new_chat);
  connect(side_by_side_, &SideBySideView::compare_requested, this, &ChatPanel::compare);
  connect(side_by_side_, &SideBySideView::stop_requested, this, &ChatPanel::stop);
  connect(test_page_, &TestSetPage::run_requested, this, &ChatPanel::run_test_set);
  connect(test_page_, &TestSetPage::stop_requested, this, &ChatPanel::stop);
  connect(test_page_, &TestSetPage::status_message, this, &Panel::status_message);
  connect(picker_, &ConfigurationPicker::configuration_changed, this, &ChatPanel::update_buttons);
  connect(picker_, &ConfigurationPicker::model_folder_added, this, [this](const ModelChoice& m) {
    if (!workspace_) return;
    try {
      store::ModelRegistry(*workspace_).register_model(m.name.toStdString(), m.path.toStdString(), m.kind.toStdString());
    } catch (const std::exception& e) {
      set_status(tr("The model folder could not be registered in the workspace: %1").arg(e.what()));
    }
  });
  connect(picker_, &ConfigurationPicker::adapter_folder_added, this, [this](const ChatAdapter& a) {
    if (!workspace_) return;
    try {
      std::optional<int64_t> model_id;
      if (const auto model = store::ModelRegistry(*workspace_).find_model_by_path(picker_->model_dir().toStdString()))
        model_id = model->id;
      store::ModelRegistry(*workspace_).register_adapter(a.name.toStdString(), a.dir.toStdString(), model_id);
    } catch (const std::exception& e) {
      set_status(tr("The adapter folder could not be registered in the workspace: %1").arg(e.what()));
    }
  });
  connect(routing_button_, &QPushButton::clicked, this, &ChatPanel::edit_routing_rules);
  connect(safety_button_, &QPushButton::clicked, this, &ChatPanel::edit_safety_rules);
  connect(knowledge_button_, &QPushButton::clicked, this, &ChatPanel::open_knowledge_base);
}

void ChatPanel::connect_worker() {
  connect(worker_, &ChatWorker::loading, this, [this](qint64 job, const QString& what) {
    if (job == running_job_) set_status(tr("Loading %1 (the first answer of a model takes a while)...").arg(what));
  });
  connect(worker_, &ChatWorker::configuration_started, this, [this](qint64 job, int configuration) {
    if (job != running_job_) return;
    if (running_kind_ == JobKind::SideBySide) side_by_side_->mark_started(configuration);
    if (running_kind_ != JobKind::TestSet) set_status(tr("Generating..."));
  });
  connect(worker_, &ChatWorker::piece, this, [this](qint64 job, int configuration, const QString& text) {
    if (job != running_job_) return;
    if (running_kind_ == JobKind::Chat) conversation_->append_piece(text);
    else if (running_kind_ == JobKind::SideBySide) side_by_side_->append(configuration, text);
  });
  connect(worker_, &ChatWorker::reply_finished, this, &ChatPanel::on_reply);
  connect(worker_, &ChatWorker::test_run_started, this, [this](qint64 job, qint64 run_id, qint64 total) {
    if (job == running_job_) test_page_->run_started(run_id, total);
  });
  connect(worker_, &ChatWorker::progress, this, [this](qint64 job, qint64 done, qint64 total) {
    if (job != running_job_) return;
    test_page_->run_progress(done, total);
    set_status(tr("Test set: %1 of %2 answers").arg(done).arg(total));
  });
  connect(worker_, &ChatWorker::failed, this, &ChatPanel::on_failed);
  connect(worker_, &ChatWorker::job_finished, this, &ChatPanel::on_job_finished);
}

bool ChatPanel::open_workspace(const QString& file) {
  if (busy()) stop();
  workspace_.reset();
  workspace_file_ = file;
  chat_id_ = 0;
  turns_.clear();
  conversation_->clear();
  QString problem;
  if (file.isEmpty()) {
    problem = tr("No workspace is open: open one with File > Open workspace to save chats.");
  } else {
    try {
      workspace_ = std::make_unique<store::Workspace>(file.toStdString());
    } catch (const std::exception& e) {
      problem = tr("The workspace %1 cannot be opened: %2").arg(file, QString::fromStdString(e.what()));
    }
  }
  workspace_problem_->setText(problem);
  workspace_problem_->setVisible(!problem.isEmpty());
  transcripts_->set_workspace(workspace_.get());
  test_page_->set_workspace(workspace_.get(), workspace_ ? file : QString());
  refresh_models();
  update_buttons();
  return workspace_ != nullptr;
}

void ChatPanel::set_models_dir(const QString& dir) {
  settings_.models_dir = dir;
  refresh_models();
}

void ChatPanel::configure(const WorkbenchSettings& settings) {
  settings_ = settings;
  refresh_models();
}

void ChatPanel::refresh_models() {
  QList<ModelChoice> models;
  QStringList seen;
  auto add = [&](const QString& name, const QString& path, const QString& kind) {
    const QString key = QDir::cleanPath(QDir(path).absolutePath());
    if (seen.contains(key)) return;
    seen << key;
    models << ModelChoice{name, key, kind};
  };
  QList<ChatAdapter> adapters;
  if (workspace_) {
    try {
      store::ModelRegistry registry(*workspace_);
      for (const auto& m : registry.models())
        if (QDir(QString::fromStdString(m.path)).exists())
          add(QString::fromStdString(m.name), QString::fromStdString(m.path), QString::fromStdString(m.kind));
      for (const auto& a : registry.adapters())
        if (QDir(QString::fromStdString(a.path)).exists())
          adapters << ChatAdapter{QString::fromStdString(a.name), QString::fromStdString(a.path)};
    } catch (const std::exception& e) {
      set_status(tr("The workspace's registered models could not be read: %1").arg(e.what()));
    }
  }
  model::ModelCatalog catalog(settings_.effective_models_dir().toStdString());
  for (const QString& dir : settings_.added_model_folders) {
    try {
      catalog.add_folder(dir.toStdString());
    } catch (const std::exception&) {
      // The Models panel says why an added folder is unusable.
    }
  }
  for (const auto& entry : catalog.scan())
    if (entry.usable() && entry.has_tokenizer)
      add(QString::fromStdString(entry.name), QString::fromStdString(entry.path.string()), QStringLiteral("base"));
  // Folders added in this panel stay offered even when not registered (no workspace).
  for (const ModelChoice& m : picker_->models()) add(m.name, m.path, m.kind);
  for (const ChatAdapter& a : picker_->adapters())
    if (!adapters.contains(a)) adapters << a;
  picker_->set_models(models);
  picker_->set_adapters(adapters);
  update_buttons();
}

void ChatPanel::edit_routing_rules() {
  QStringList names{QStringLiteral("base")};
  for (const ChatAdapter& a : picker_->adapters()) names << a.name;
  // The shared load-edit-save flow: it reports a broken rules file and keeps the dialog open
  // when saving fails.
  if (const auto rules = medlora::ui::edit_routing_rules(names, this)) {
    routing_rules_ = *rules;
    set_status(tr("Routing rules saved to %1").arg(routing_rules_path()));
  }
}

void ChatPanel::edit_safety_rules() {
  if (const auto rules = medlora::ui::edit_safety_rules(this)) {
    safety_rules_ = *rules;
    set_status(tr("Safety rules saved to %1").arg(safety_rules_path()));
  }
}

void ChatPanel::open_knowledge_base() {
  if (!workspace_) {
    show_problem(tr("Knowledge base"), workspace_problem_->text());
    return;
  }
  try {
    KnowledgeBaseDialog dialog(workspace_file_, this);
    dialog.exec();
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Knowledge base"), QString::fromStdString(e.what()));
  }
}

bool ChatPanel::prepare_to_close() {
  if (!worker_thread_.isRunning()) return true;
  worker_->stop(next_job_id_);
  QMetaObject::invokeMethod(worker_, &ChatWorker::release, Qt::QueuedConnection);
  worker_thread_.quit();
  worker_thread_.wait();  // a stopped generation ends after its current token
  running_kind_ = JobKind::None;
  return true;
}

void ChatPanel::set_status(const QString& text) {
  status_->setText(text);
  emit status_message(text);
}

void ChatPanel::show_problem(const QString& title, const QString& problem) {
  set_status(problem);
  QMessageBox::warning(this, title, problem);
}

void ChatPanel::update_buttons() {
  const bool idle = !busy();
  send_->setEnabled(idle && !question_->toPlainText().trimmed().isEmpty());
  stop_->setEnabled(busy());
  side_by_side_->set_busy(busy());
  test_page_->set_busy(busy());
  conversation_->set_busy(busy());
  transcripts_->setEnabled(idle);
  picker_->setEnabled(idle);
  picker_->comparison_box()->setEnabled(idle);
  form_->setEnabled(idle);
  for (QWidget* w : std::initializer_list<QWidget*>{safety_on_, routing_button_, safety_button_, knowledge_button_})
    w->setEnabled(idle);
  no_model_->setVisible(picker_->models().isEmpty());
}

void ChatPanel::retranslate() {
  tabs_->setTabText(0, tr("C&hat"));
  tabs_->setTabText(1, tr("Side &by side"));
  tabs_->setTabText(2, tr("&Test sets"));
  question_->setPlaceholderText(tr("Type a question, e.g. 头痛发烧怎么办? (Ctrl+Enter sends)"));
  send_->setText(tr("S&end"));
  send_->setToolTip(tr("Send the question (Ctrl+Enter)"));
  stop_->setText(tr("&Stop"));
  stop_->setToolTip(tr("Stop generating (Esc); the answer so far is kept"));
  safety_on_->setText(tr("Check answers with the sa&fety rules"));
  safety_on_->setToolTip(tr("Flag dangerous advice and emergencies beside the answer; the answer is never changed"));
  routing_button_->setText(tr("Routing r&ules..."));
  routing_button_->setToolTip(tr("Which adapter answers which question (keywords, in priority order)"));
  safety_button_->setText(tr("Safety ru&les..."));
  safety_button_->setToolTip(tr("Dangerous-advice patterns, emergency symptoms, notice and disclaimer"));
  knowledge_button_->setText(tr("&Knowledge base..."));
  knowledge_button_->setToolTip(tr("Documents that grounded answers cite"));
  no_model_->set_texts(tr("No model to chat with yet. Add a model folder (an HF checkpoint: config.json, "
                          "model.safetensors and a tokenizer), or make the bundled demonstration model with ./dev run "
                          "or \"medlora make-base-model\"."),
                       tr("Add model folder..."));
  if (!busy() && status_->text().isEmpty()) status_->setText(tr("Ready"));
}

void ChatPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  Panel::changeEvent(event);
}

}  // namespace medlora::ui
