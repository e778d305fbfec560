#pragma once
// The Models panel: the models in the models folder and any added folders, the details of the
// chosen one, and a box to try a prompt on it.
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QThread>

#include "core/model/model_catalog.h"
#include "ui/settings/workbench_settings.h"
#include "ui/shell/panel.h"

namespace medlora::ui {

class BundledModelNotice;
class EmptyState;
class GenerationWorker;
class ModelDetailsView;
class ModelListModel;
class PromptTryout;

class ModelsPanel : public Panel {
  Q_OBJECT

 public:
  explicit ModelsPanel(QWidget* parent = nullptr);
  ~ModelsPanel() override;

  QString panel_title() const override;
  QIcon panel_icon() const override;

  // Takes the models folder, the added folders and the compute settings; rescans.
  void configure(const WorkbenchSettings& settings);
  // Adds a folder to the list; returns false and says why (message box unless quiet) if not.
  bool add_folder(const QString& dir, bool quiet = false);
  void add_folder_with_dialog();
  // Forgets the selected added folder (never deletes anything on disk).
  void remove_selected();
  // Opens the export dialog (GGUF, GGUF LoRA, merged folder) on the selected model.
  void export_selected();
  void refresh();
  bool select_model(const QString& path);
  // Stops generation and the worker thread; called before the window closes.
  void shut_down();

  QListView* model_list() const { return list_; }
  ModelListModel* list_model() const { return model_; }
  ModelDetailsView* details() const { return details_; }
  PromptTryout* tryout() const { return tryout_; }
  BundledModelNotice* bundled_notice() const { return bundled_notice_; }
  // Shown while no model is found: says where models come from, with Add model folder.
  EmptyState* empty_state() const { return empty_state_; }
  GenerationWorker* worker() const { return worker_; }
  QPushButton* export_button() const { return export_; }

 signals:
  void added_folders_changed(const QStringList& folders);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void on_selection_changed();
  QStringList added_folder_strings() const;

  model::ModelCatalog catalog_;
  ModelListModel* model_;
  QListView* list_;
  QLabel* list_heading_;
  QLabel* folder_hint_;
  EmptyState* empty_state_;
  QPushButton* refresh_;
  QPushButton* add_;
  QPushButton* remove_;
  QPushButton* export_;
  ModelDetailsView* details_;
  BundledModelNotice* bundled_notice_;
  PromptTryout* tryout_;
  QThread worker_thread_;
  GenerationWorker* worker_;
};

}  // namespace medlora::ui
