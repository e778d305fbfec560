#include "ui/shell/main_window.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include "core/store/workspace.h"
#include "ui/shell/sample_workspace_offer.h"
#include "ui/about/about_dialog.h"
#include "ui/chat/chat_panel.h"
#include "ui/datasets/datasets_panel.h"
#include "ui/models/models_panel.h"
#include "ui/review/review_panel.h"
#include "ui/serve/serve_panel.h"
#include "ui/settings/settings_dialog.h"
#include "ui/training/training_data_offer.h"
#include "ui/training/training_panel.h"
#include "ui/shell/compute_status_widget.h"
#include "ui/shell/language_manager.h"
#include "ui/shell/panel.h"

namespace medlora::ui {

MainWindow::MainWindow(QSettings& store, LanguageManager& languages, QWidget* parent)
    : QMainWindow(parent),
      store_(store),
      languages_(languages),
      side_bar_(new QListWidget(this)),
      stack_(new QStackedWidget(this)),
      workspace_label_(new QLabel(this)),
      compute_status_(new ComputeStatusWidget(this)) {
  setObjectName("main_window");
  setWindowIcon(QIcon(":/icons/models.png"));
  QString settings_error;
  try {
    settings_ = WorkbenchSettings::load(store_);
  } catch (const std::exception& e) {
    settings_error = QString::fromStdString(e.what());
  }

  side_bar_->setObjectName("side_bar");
  side_bar_->setIconSize(QSize(32, 32));
  side_bar_->setFixedWidth(150);
  side_bar_->setSpacing(2);
  side_bar_->setFocusPolicy(Qt::StrongFocus);
  connect(side_bar_, &QListWidget::currentRowChanged, stack_, &QStackedWidget::setCurrentIndex);

  auto* central = new QWidget(this);
  auto* layout = new QHBoxLayout(central);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(side_bar_);
  layout->addWidget(stack_, 1);
  setCentralWidget(central);
  workspace_label_->setObjectName("workspace_label");
  statusBar()->addPermanentWidget(workspace_label_);
  statusBar()->addPermanentWidget(compute_status_);

  build_menus();

  // The panels, in side-bar order. A new panel is one line here.
  models_panel_ = new ModelsPanel(this);
  add_panel(models_panel_);
  workspace_file_ = QFileInfo(settings_.effective_workspace_file()).absoluteFilePath();
  QDir().mkpath(QFileInfo(workspace_file_).absolutePath());
  auto* datasets = new DatasetsPanel(workspace_file_, this);
  add_panel(datasets);
  connect(this, &MainWindow::workspace_changed, datasets, [datasets](const QString& file) { datasets->open_workspace(file); });
  // Runs are `medlora train` processes: the CLI sits next to the workbench executable.
  training_panel_ = new TrainingPanel(workspace_file_, QDir(QCoreApplication::applicationDirPath()).filePath("medlora"), this);
  add_panel(training_panel_);
  connect(this, &MainWindow::workspace_changed, training_panel_,
          [this](const QString& file) { training_panel_->open_workspace(file); });
  chat_panel_ = new ChatPanel(workspace_file_, this);
  add_panel(chat_panel_);
  connect(this, &MainWindow::workspace_changed, chat_panel_,
          [this](const QString& file) { chat_panel_->open_workspace(file); });
  // The New run form's data offer: an imported sample dataset shows in Datasets too; without
  // the sample data installed, its button is the Datasets panel's Import.
  connect(training_panel_->data_offer(), &TrainingDataOffer::sample_imported, datasets, &DatasetsPanel::refresh_datasets);
  connect(training_panel_->data_offer(), &TrainingDataOffer::import_data_requested, this, [this, datasets] {
    show_panel(stack_->indexOf(datasets));
    datasets->open_import_dialog();
  });
  auto* review = new ReviewPanel(workspace_file_, this);
  add_panel(review);
  connect(this, &MainWindow::workspace_changed, review, [review](const QString& file) { review->open_workspace(file); });
  serve_panel_ = new ServePanel(workspace_file_, this);
  add_panel(serve_panel_);
  connect(this, &MainWindow::workspace_changed, serve_panel_,
          [serve = serve_panel_](const QString& file) { serve->open_workspace(file); });

  connect(models_panel_, &ModelsPanel::added_folders_changed, this, [this](const QStringList& folders) {
    settings_.added_model_folders = folders;
    settings_.save(store_);
  });
  connect(add_model_action_, &QAction::triggered, this, [this] {
    show_panel(stack_->indexOf(models_panel_));
    models_panel_->add_folder_with_dialog();
  });

  // The first start on a new, empty workspace offers the sample workspace (asked once per file).
  sample_offer_ = new SampleWorkspaceOffer(store_, this);
  connect(this, &MainWindow::workspace_changed, sample_offer_, &SampleWorkspaceOffer::maybe_offer);
  connect(sample_offer_, &SampleWorkspaceOffer::set_up, this, [this](const QString& file, const QString& summary) {
    if (file == workspace_file_) emit workspace_changed(file);  // the panels reload what was made
    auto* box = new QMessageBox(QMessageBox::Information, tr("Sample workspace"), summary, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->show();
  });
  connect(sample_offer_, &SampleWorkspaceOffer::failed, this, [this](const QString&, const QString& message) {
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Sample workspace"),
                                tr("The sample workspace could not be set up:\n%1").arg(message), QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->show();
  });
  QTimer::singleShot(0, this, [this] { sample_offer_->maybe_offer(workspace_file_); });

  use_settings(settings_);  // not saved: bad stored values stay for the user to see and fix
  show_panel(0);
  retranslate();
  resize(1100, 720);

  if (!settings_error.isEmpty()) {
    QTimer::singleShot(0, this, [this, settings_error] {
      QMessageBox::warning(this, tr("Settings"),
                           tr("The stored settings could not be used, so the defaults are in force "
                              "until you save new ones:\n%1")
                               .arg(settings_error));
    });
  }
}

MainWindow::~MainWindow() = default;

void MainWindow::build_menus() {
  file_menu_ = menuBar()->addMenu(QString());
  add_model_action_ = file_menu_->addAction(QIcon(":/icons/add_folder.png"), QString());
  add_model_action_->setShortcut(QKeySequence::Open);
  open_workspace_action_ = file_menu_->addAction(QString(), this, &MainWindow::choose_workspace);
  open_workspace_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
  settings_action_ = file_menu_->addAction(QIcon(":/icons/settings.png"), QString(), this, &MainWindow::open_settings);
  settings_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
  settings_action_->setMenuRole(QAction::PreferencesRole);
  file_menu_->addSeparator();
  quit_action_ = file_menu_->addAction(QString(), this, &QWidget::close);
  quit_action_->setShortcut(QKeySequence::Quit);
  quit_action_->setMenuRole(QAction::QuitRole);

  view_menu_ = menuBar()->addMenu(QString());
  language_menu_ = view_menu_->addMenu(QString());
  auto* group = new QActionGroup(this);
  system_language_action_ = language_menu_->addAction(QString());
  system_language_action_->setCheckable(true);
  group->addAction(system_language_action_);
  connect(system_language_action_, &QAction::triggered, this, [this] { switch_language(QString()); });
  for (const QString& code : LanguageManager::available()) {
    QAction* action = language_menu_->addAction(LanguageManager::native_name(code));
    action->setCheckable(true);
    action->setData(code);
    group->addAction(action);
    connect(action, &QAction::triggered, this, [this, code] { switch_language(code); });
    language_actions_.append(action);
  }
  view_menu_->addSeparator();

  help_menu_ = menuBar()->addMenu(QString());
  about_action_ = help_menu_->addAction(QIcon(":/icons/about.png"), QString(), this, &MainWindow::open_about);
  about_action_->setShortcut(QKeySequence::HelpContents);
  about_action_->setMenuRole(QAction::AboutRole);
}

void MainWindow::add_panel(Panel* panel) {
  panel->setParent(stack_);
  stack_->addWidget(panel);
  auto* item = new QListWidgetItem(panel->panel_icon(), panel->panel_title(), side_bar_);
  item->setSizeHint(QSize(140, 56));
  const int index = stack_->count() - 1;
  auto* action = new QAction(this);
  if (index < 9) action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + index)));
  connect(action, &QAction::triggered, this, [this, index] { show_panel(index); });
  view_menu_->addAction(action);
  panel_actions_.append(action);
  action->setText(panel->panel_title());
  connect(panel, &Panel::status_message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
}

Panel* MainWindow::current_panel() const { return qobject_cast<Panel*>(stack_->currentWidget()); }

void MainWindow::show_panel(int index) {
  if (index < 0 || index >= stack_->count()) return;
  side_bar_->setCurrentRow(index);
  stack_->setCurrentIndex(index);
}

void MainWindow::apply_settings(const WorkbenchSettings& settings) {
  settings.save(store_);
  use_settings(settings);
}

void MainWindow::use_settings(const WorkbenchSettings& settings) {
  settings_ = settings;
  compute_status_->show_settings(settings_);
  WorkbenchSettings effective = settings_;
  if (!session_models_dir_.isEmpty()) effective.models_dir = session_models_dir_;
  models_panel_->configure(effective);
  training_panel_->set_models_dir(effective.effective_models_dir());
  chat_panel_->configure(effective);
  serve_panel_->configure(effective);  // device, dtype and threads of the model it serves
}

void MainWindow::use_models_dir_for_session(const QString& dir) {
  session_models_dir_ = dir;
  WorkbenchSettings effective = settings_;
  effective.models_dir = dir;
  models_panel_->configure(effective);
  training_panel_->set_models_dir(dir);
  chat_panel_->configure(effective);
  serve_panel_->configure(effective);  // device, dtype and threads of the model it serves
}

void MainWindow::switch_language(const QString& code) {
  try {
    languages_.apply(code);
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Language"), QString::fromStdString(e.what()));
    return;
  }
  settings_.language = code;
  settings_.save(store_);
  update_language_checks();
}

void MainWindow::update_language_checks() {
  system_language_action_->setChecked(settings_.language.isEmpty());
  for (QAction* action : language_actions_)
    action->setChecked(!settings_.language.isEmpty() && action->data().toString() == settings_.language);
}

void MainWindow::open_settings() {
  SettingsDialog dialog(settings_, this);
  if (dialog.exec() != QDialog::Accepted) return;
  const WorkbenchSettings chosen = dialog.settings();
  const bool language_changed = chosen.language != settings_.language;
  try {
    apply_settings(chosen);
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Settings"), QString::fromStdString(e.what()));
    return;
  }
  if (language_changed) switch_language(chosen.language);
}

bool MainWindow::open_workspace(const QString& file, bool remember) {
  const QString path = QFileInfo(file).absoluteFilePath();
  try {
    QDir().mkpath(QFileInfo(path).absolutePath());
    store::Workspace probe(path.toStdString());  // creates, migrates, or says why it cannot
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Workspace"), QString::fromStdString(e.what()));
    return false;
  }
  workspace_file_ = path;
  workspace_label_->setText(tr("Workspace: %1").arg(QFileInfo(path).fileName()));
  workspace_label_->setToolTip(path);
  if (remember) {
    settings_.workspace_file = path;
    settings_.save(store_);
  }
  emit workspace_changed(path);
  return true;
}

void MainWindow::choose_workspace() {
  const QString file = QFileDialog::getSaveFileName(
      this, tr("Open or create a workspace"), workspace_file_, tr("MedLoRA workspaces (*.medlora *.mlw);;All files (*)"),
      nullptr, QFileDialog::DontConfirmOverwrite);
  if (!file.isEmpty()) open_workspace(file);
}

void MainWindow::open_about() {
  AboutDialog dialog(this);
  dialog.exec();
}

void MainWindow::retranslate() {
  setWindowTitle(tr("MedLoRA Workbench"));
  file_menu_->setTitle(tr("&File"));
  add_model_action_->setText(tr("&Add model folder..."));
  open_workspace_action_->setText(tr("Open or create &workspace..."));
  workspace_label_->setText(tr("Workspace: %1").arg(QFileInfo(workspace_file_).fileName()));
  workspace_label_->setToolTip(workspace_file_);
  settings_action_->setText(tr("&Settings..."));
  quit_action_->setText(tr("&Quit"));
  view_menu_->setTitle(tr("&View"));
  language_menu_->setTitle(tr("&Language"));
  system_language_action_->setText(tr("Follow the system"));
  help_menu_->setTitle(tr("&Help"));
  about_action_->setText(tr("&About MedLoRA Workbench"));
  for (int i = 0; i < stack_->count(); ++i) {
    auto* panel = qobject_cast<Panel*>(stack_->widget(i));
    side_bar_->item(i)->setText(panel->panel_title());
    panel_actions_[i]->setText(panel->panel_title());
  }
  update_language_checks();
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!training_panel_->prepare_to_close() || !chat_panel_->prepare_to_close()) {
    event->ignore();
    return;
  }
  models_panel_->shut_down();
  event->accept();
}

}  // namespace medlora::ui
