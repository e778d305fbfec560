#pragma once
// Every training run in the workspace: status (a "running" run whose process is gone shows as
// interrupted), when, how long, steps, final train loss, best eval loss, adapter and tags; notes
// and tags editing; and the actions on the selection — overlay, config diff, resume, delete
// with files, CSV export, register the adapter.
#include <QList>
#include <QString>
#include <QWidget>

#include <optional>

#include "core/store/run_repository.h"
#include "ui/training/config_diff.h"

class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

#include "ui/shell/empty_state.h"

namespace medlora::store {
class Workspace;
}

namespace medlora::ui {

class ModelExportDialog;

class RunHistory : public QWidget {
  Q_OBJECT

 public:
  enum Column { Name, Status, Started, Duration, Steps, FinalLoss, BestEval, Adapter, Tags, ColumnCount };

  explicit RunHistory(QWidget* parent = nullptr);

  void set_workspace(store::Workspace* workspace);
  void refresh();

  // "running", "interrupted" (status running, process gone), "finished", "stopped", "failed".
  static QString display_status(const store::TrainingRun& run);

  QList<qint64> selected_run_ids() const;
  void select_runs(const QList<qint64>& ids);
  std::optional<store::TrainingRun> run(qint64 id) const;

  QList<ConfigDifference> diff(qint64 left, qint64 right) const;
  // Saves the notes and tags of the single selected run; false with a reason otherwise.
  bool save_notes_and_tags(QString* error = nullptr);
  // Deletes the rows and the run folder (only a folder that is a run folder). `confirm`: ask first.
  bool delete_run(qint64 id, bool confirm, QString* error = nullptr);
  // step,loss,learning_rate,grad_norm,tokens_per_second,epoch,eval_loss,eval_perplexity, and for
  // a distillation run also kl_loss,ce_loss,teacher_agreement
  bool export_csv(qint64 id, const QString& file, QString* error = nullptr) const;
  static QString metrics_csv(const store::RunRepository& runs, qint64 id);
  // Registers output_dir/adapter (and its base model) in the workspace; returns the adapter id.
  std::optional<qint64> register_adapter(qint64 id, QString* error = nullptr);
  // The export dialog (GGUF, GGUF LoRA, merged folder) on the run's base model and adapter;
  // nullptr when the run has no adapter yet.
  ModelExportDialog* open_model_export(qint64 id);

  QTableWidget* table() const { return table_; }
  QPushButton* export_model_button() const { return export_model_; }
  // Shown while the workspace has no run: says to start one, with a button for it.
  EmptyState* empty_state() const { return empty_state_; }
  QPlainTextEdit* notes_edit() const { return notes_; }
  QLineEdit* tags_edit() const { return tags_; }

 Q_SIGNALS:
  void show_requested(qint64 run_id);
  void overlay_requested(const QList<qint64>& run_ids);
  void resume_requested(qint64 run_id);
  void runs_changed();
  void message(const QString& text);
  void first_run_requested();  // the empty state's button: the panel shows its run form

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void on_selection_changed();
  void show_diff_dialog();
  void export_with_dialog();
  void delete_selected();
  void register_selected();

  store::Workspace* workspace_ = nullptr;
  EmptyState* empty_state_ = nullptr;
  QTableWidget* table_;
  QPlainTextEdit* notes_;
  QLineEdit* tags_;
  QPushButton *save_notes_, *overlay_, *diff_, *resume_, *delete_, *export_, *register_, *export_model_;
};

}  // namespace medlora::ui
