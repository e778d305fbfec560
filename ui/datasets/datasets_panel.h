#pragma once
// The Datasets panel: choose a dataset of the workspace, browse its records in a lazily paged
// table with search and filters, read / edit / approve one record at a time in the side pane
// (with keyboard shortcuts and its history), act on a selection in bulk, run the cleaning,
// dedup, PII, tagging and term tools with a preview, chart category coverage and token
// lengths, and import / export with progress and Cancel. All data work is core's: this panel
// only calls the repositories and core/data.
//
// Keyboard (anywhere in the panel): Ctrl+Return approve, Ctrl+Shift+R reject, Ctrl+Shift+E
// needs edit (each saves pending edits first and moves to the next record), Ctrl+S save,
// Alt+Down / Alt+Up next / previous record, Ctrl+F search, Delete (in the table) deletes the
// selection after asking.
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QTableView>
#include <QTabWidget>
#include <QTreeWidget>

#include <memory>
#include <vector>

#include "core/store/dataset_repository.h"
#include "core/store/workspace.h"
#include "ui/shell/empty_state.h"
#include "ui/shell/panel.h"

namespace medlora::ui {

class CoverageChart;
class DatasetTableModel;
class ExportDialog;
class ImportDialog;
class PlanDialog;
class RecordEditor;
class RecordFilterBar;
class TokenHistogram;

class DatasetsPanel : public Panel {
  Q_OBJECT

 public:
  enum class Tool { Clean, Dedup, Pii, Tag, Terms };

  // Opens `workspace_file` (creating it when new); an empty name or a file that cannot be
  // opened leaves the panel showing why.
  explicit DatasetsPanel(const QString& workspace_file, QWidget* parent = nullptr);
  ~DatasetsPanel() override;

  QString panel_title() const override;
  QIcon panel_icon() const override;

  // Switches to another workspace file; returns false (and shows why) when it cannot be opened.
  bool open_workspace(const QString& file);
  const QString& workspace_file() const { return workspace_file_; }
  store::Workspace* workspace() const { return workspace_.get(); }
  store::DatasetRepository* repository() const { return repository_.get(); }

  // Re-reads the dataset list and counts, keeping the chosen dataset when it still exists.
  void refresh_datasets();
  bool select_dataset(int64_t dataset_id);
  int64_t current_dataset_id() const;
  bool delete_current_dataset(bool ask = true);

  // Who decisions and edits are recorded under (defaults to the login name).
  void set_reviewer(const QString& name);
  QString reviewer() const;

  // --- one record ---
  bool select_row(int row);
  int64_t current_record_id() const;
  // Saves the editor's changes as a new version (the old one is kept). False when nothing
  // changed or it failed (said in the status bar).
  bool save_current_record();
  // Records the decision with the editor's note on the current record (saving pending edits
  // first) and moves on to the next record.
  bool decide(data::ReviewStatus status);

  // --- the selection ---
  std::vector<int64_t> selected_record_ids() const;
  int64_t bulk_set_status(data::ReviewStatus status);
  int64_t bulk_set_category(const QString& category);
  int64_t bulk_add_flag(const QString& flag);
  int64_t bulk_delete();

  // --- tools and dialogs (opened window-modal, deleted when closed) ---
  PlanDialog* open_tool(Tool tool);
  ImportDialog* open_import_dialog();
  ExportDialog* open_export_dialog();
  // Redraws the coverage chart and the history list from the workspace.
  void refresh_charts();

  QComboBox* dataset_combo() const { return dataset_combo_; }
  QTableView* table_view() const { return table_; }
  // Shown while the workspace has no dataset: says to import one, with the Import button.
  EmptyState* empty_state() const { return empty_state_; }
  DatasetTableModel* table_model() const { return model_; }
  RecordFilterBar* filter_bar() const { return filter_bar_; }
  RecordEditor* editor() const { return editor_; }
  CoverageChart* coverage_chart() const { return coverage_; }
  TokenHistogram* token_histogram() const { return tokens_; }
  QTreeWidget* history_tree() const { return operations_; }
  QTabWidget* tabs() const { return tabs_; }
  QLabel* problem_label() const { return problem_; }
  QLineEdit* reviewer_edit() const { return reviewer_; }
  QAction* approve_action() const { return approve_; }
  QAction* reject_action() const { return reject_; }
  QAction* needs_edit_action() const { return needs_edit_; }
  QAction* save_action() const { return save_; }
  QAction* next_action() const { return next_; }
  QAction* previous_action() const { return previous_; }
  QAction* bulk_approve_action() const { return bulk_approve_; }
  QAction* bulk_reject_action() const { return bulk_reject_; }
  QAction* bulk_delete_action() const { return bulk_delete_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void build_actions();
  void build_layout();
  void retranslate();
  void update_enabled();
  void show_problem(const QString& message);
  void on_dataset_chosen();
  void on_filter_changed();
  void on_current_row_changed();
  void load_editor(int64_t record_id);
  // Pending edits before leaving a record: save, discard, or stay (false).
  bool settle_pending_edits();
  // After any write: counts, rows, editor and charts read again.
  void after_write(const QString& message);
  void refresh_categories();
  void update_selection_label();
  bool report_failure(const QString& what, const std::exception& e);

  QString workspace_file_;
  std::unique_ptr<store::Workspace> workspace_;
  std::unique_ptr<store::DatasetRepository> repository_;
  std::vector<store::DatasetSummary> datasets_;
  int64_t editor_loading_ = 0;

  QLabel* problem_;
  QLabel* dataset_label_;
  QComboBox* dataset_combo_;
  QLabel* reviewer_label_;
  QLineEdit* reviewer_;
  QTabWidget* tabs_;
  RecordFilterBar* filter_bar_;
  DatasetTableModel* model_;
  QTableView* table_;
  EmptyState* empty_state_ = nullptr;
  QLabel* selection_label_;
  RecordEditor* editor_;
  CoverageChart* coverage_;
  TokenHistogram* tokens_;
  QTreeWidget* operations_;
  QWidget* bulk_bar_;

  QAction* import_ = nullptr;
  QAction* export_ = nullptr;
  QAction* delete_dataset_ = nullptr;
  QAction* clean_ = nullptr;
  QAction* dedup_ = nullptr;
  QAction* pii_ = nullptr;
  QAction* tag_ = nullptr;
  QAction* terms_ = nullptr;
  QAction* save_ = nullptr;
  QAction* approve_ = nullptr;
  QAction* reject_ = nullptr;
  QAction* needs_edit_ = nullptr;
  QAction* next_ = nullptr;
  QAction* previous_ = nullptr;
  QAction* find_ = nullptr;
  QAction* bulk_approve_ = nullptr;
  QAction* bulk_reject_ = nullptr;
  QAction* bulk_needs_edit_ = nullptr;
  QAction* bulk_category_ = nullptr;
  QAction* bulk_flag_ = nullptr;
  QAction* bulk_delete_ = nullptr;
};

}  // namespace medlora::ui
