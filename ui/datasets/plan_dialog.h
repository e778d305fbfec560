#pragma once
// The shape every dataset tool dialog shares: options, then Preview (the dataset is read and
// the plan is made on a background thread, nothing is written), then Apply (the plan is
// written on a background thread with its own workspace connection, in one transaction, and
// logged in the dataset's history). Changing an option drops the preview, so what is applied
// is always what was shown.
#include <QDialog>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>

#include <memory>

#include "core/store/workspace.h"
#include "ui/datasets/background_runner.h"
#include "ui/datasets/dataset_snapshot.h"

namespace medlora::ui {

class ChangePreviewModel;

class PlanDialog : public QDialog {
  Q_OBJECT

 public:
  // `workspace_file` is opened again by the background jobs; `editor` is who the edits are
  // recorded under.
  PlanDialog(const QString& workspace_file, int64_t dataset_id, const QString& editor, QWidget* parent = nullptr);
  ~PlanDialog() override;

  // Reads the dataset and makes the plan in the background; preview_ready() or failed() follows.
  void preview();
  // Writes the previewed plan in the background; applied() or failed() follows. Does nothing
  // without a fresh preview.
  void apply();
  bool busy() const { return runner_.busy(); }
  bool has_plan() const { return has_plan_; }
  // Blocks until the running job (if any) is done and its signal is emitted.
  void wait_until_idle() { runner_.wait(); }

  QPushButton* preview_button() const { return preview_; }
  QPushButton* apply_button() const { return apply_; }
  QPushButton* stop_button() const { return stop_; }
  QLabel* summary_label() const { return summary_; }
  const QString& last_error() const { return last_error_; }

 Q_SIGNALS:
  void preview_ready();
  void applied(const QString& summary);
  void failed(const QString& message);

 protected:
  // Called on the GUI thread before the plan job starts: copy the options into members that
  // plan() reads (plan() must not touch widgets).
  virtual void capture_options() {}
  // Background thread: make the plan over `snapshot` (read-only).
  virtual void plan(const DatasetSnapshot& snapshot, const BackgroundRunner::Control& control) = 0;
  // GUI thread, after plan(): fill the preview widgets and return a one-line summary.
  // Return an empty string when the plan changes nothing (Apply stays disabled).
  virtual QString show_plan() = 0;
  // Background thread, own connection, inside one transaction committed afterwards: write the
  // plan. Returns the summary shown afterwards.
  virtual QString apply_plan(store::Workspace& workspace, const DatasetSnapshot& snapshot) = 0;
  // GUI thread: clear the preview widgets (options changed, or a new preview starts).
  virtual void clear_plan() = 0;
  // Sets the subclass's texts; run again on QEvent::LanguageChange (after the shared buttons'),
  // so every tool dialog retranslates live. Subclasses call it once from their constructor too.
  virtual void retranslate() {}

  // The preview's read-only tables, set up alike in every tool dialog: `name` is the object name
  // tests find them by; the header stretches every column or only the last.
  enum class StretchColumns { All, Last };
  static void set_up_preview_table(QTableWidget* table, const char* name, StretchColumns stretch);
  // The before/after view of edited fields ("changes").
  static void set_up_changes_view(QTableView* view, ChangePreviewModel* model);

  // Puts the subclass's option and preview widgets into the dialog.
  void set_content(QWidget* options, QWidget* preview);
  // Call when an option changes: the preview no longer matches.
  void invalidate_plan();
  int64_t dataset_id() const { return dataset_id_; }
  const QString& editor() const { return editor_; }
  // The records the current preview was made from (GUI thread, once the preview is ready).
  const DatasetSnapshot& snapshot() const { return *snapshot_; }

  void changeEvent(QEvent* event) override;
  void reject() override;

 private:
  enum class Stage { Idle, Planning, Applying };
  void retranslate_base();
  void on_finished(const QString& error, bool stopped);
  void update_buttons();

  QString workspace_file_;
  int64_t dataset_id_;
  QString editor_;
  BackgroundRunner runner_;
  Stage stage_ = Stage::Idle;
  std::shared_ptr<DatasetSnapshot> snapshot_;
  bool has_plan_ = false;
  bool plan_has_changes_ = false;
  bool options_changed_while_busy_ = false;
  QString apply_summary_;
  QString last_error_;
  QPushButton* preview_;
  QPushButton* stop_;
  QPushButton* apply_;
  QPushButton* close_;
  QProgressBar* progress_;
  QLabel* summary_;
};

}  // namespace medlora::ui
