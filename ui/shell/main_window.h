#pragma once
// The workbench window: a side bar of panels beside a stack that shows the chosen one, the
// menus, and a status bar with the compute settings. It hosts panels and nothing else.
#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QStackedWidget>
#include <memory>

#include "ui/settings/workbench_settings.h"

class QSettings;

namespace medlora::ui {

class ComputeStatusWidget;
class LanguageManager;
class ModelsPanel;
class TrainingPanel;
class ChatPanel;
class ServePanel;
class Panel;
class SampleWorkspaceOffer;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  // `store` holds the settings (read now, written when the user changes them); `languages`
  // switches the translation. Neither is owned.
  MainWindow(QSettings& store, LanguageManager& languages, QWidget* parent = nullptr);
  ~MainWindow() override;

  // Appends a panel to the side bar (Ctrl+<n> selects it) and takes ownership.
  void add_panel(Panel* panel);
  int panel_count() const { return stack_->count(); }
  Panel* current_panel() const;
  void show_panel(int index);

  ModelsPanel* models_panel() const { return models_panel_; }
  TrainingPanel* training_panel() const { return training_panel_; }
  ChatPanel* chat_panel() const { return chat_panel_; }
  SampleWorkspaceOffer* sample_offer() const { return sample_offer_; }
  QListWidget* side_bar() const { return side_bar_; }
  ComputeStatusWidget* compute_status() const { return compute_status_; }
  const WorkbenchSettings& settings() const { return settings_; }

  // Applies and stores new settings (as the Settings dialog does).
  void apply_settings(const WorkbenchSettings& settings);
  // A models folder for this session only (--models-dir); not written to the settings.
  void use_models_dir_for_session(const QString& dir);
  // Switches the language and remembers the choice ("" = system).
  void switch_language(const QString& code);
  // Opens (creating when missing) the workspace every panel works in. A file that cannot be
  // used (newer schema, not a workspace) is reported and the current workspace stays. With
  // `remember`, the choice is saved in the settings. Returns whether the switch happened.
  bool open_workspace(const QString& file, bool remember = true);
  const QString& workspace_file() const { return workspace_file_; }

 signals:
  void workspace_changed(const QString& file);

 public slots:
  void open_settings();
  void open_about();
  void choose_workspace();

 protected:
  void changeEvent(QEvent* event) override;
  void closeEvent(QCloseEvent* event) override;

 private:
  void build_menus();
  void use_settings(const WorkbenchSettings& settings);
  void retranslate();
  void update_language_checks();

  QSettings& store_;
  LanguageManager& languages_;
  WorkbenchSettings settings_;
  QString session_models_dir_;
  QString workspace_file_;
  QLabel* workspace_label_;
  QListWidget* side_bar_;
  QStackedWidget* stack_;
  ComputeStatusWidget* compute_status_;
  ModelsPanel* models_panel_ = nullptr;
  TrainingPanel* training_panel_ = nullptr;
  ChatPanel* chat_panel_ = nullptr;
  ServePanel* serve_panel_ = nullptr;
  SampleWorkspaceOffer* sample_offer_ = nullptr;
  QList<QAction*> panel_actions_;

  QMenu* file_menu_ = nullptr;
  QMenu* view_menu_ = nullptr;
  QMenu* language_menu_ = nullptr;
  QMenu* help_menu_ = nullptr;
  QAction* add_model_action_ = nullptr;
  QAction* open_workspace_action_ = nullptr;
  QAction* settings_action_ = nullptr;
  QAction* quit_action_ = nullptr;
  QAction* about_action_ = nullptr;
  QAction* system_language_action_ = nullptr;
  QList<QAction*> language_actions_;
};

}  // namespace medlora::ui
