#pragma once
// The Training panel: a run form (New run), the run history (History), and a monitor with the
// live curves, progress (steps, epoch, ETA) and Stop / Resume for the followed run. Runs are
// `medlora train` child processes (RunProcess); the workspace is the record of every run.
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>

#include <memory>
#include <optional>

#include "ui/shell/panel.h"

namespace medlora::store {
class Workspace;
}

namespace medlora::ui {

class LiveCurves;
class RunForm;
class RunHistory;
class RunProcess;
class TrainingDataOffer;

class TrainingPanel : public Panel {
  Q_OBJECT

 public:
  TrainingPanel(const QString& workspace_file, const QString& medlora_executable, QWidget* parent = nullptr);
  ~TrainingPanel() override;

  QString panel_title() const override;
  QIcon panel_icon() const override;

  // Opens (or switches to) a workspace; re-attaches to a run whose process is still alive.
  void open_workspace(const QString& workspace_file);
  void set_models_dir(const QString& dir);

  // Starts the run the form describes (exporting the chosen dataset first). `max_steps` > 0
  // passes --max-steps. False with a reason (also shown in the status line).
  bool launch(QString* error = nullptr, qint64 max_steps = 0);
  void stop_run();
  bool resume_run(qint64 run_id, QString* error = nullptr, qint64 max_steps = 0);
  // Shows a recorded run's curves (from the workspace) in the monitor.
  void show_run(qint64 run_id);
  void overlay_runs(const QList<qint64>& run_ids);

  // Before the window closes: when a run is being followed, asks whether to keep it running in
  // the background, stop it, or cancel closing. False: do not close.
  bool prepare_to_close();
  // Without asking: keep_running detaches (the run goes on), otherwise stops it.
  void shut_down(bool keep_running);

  RunForm* form() const { return form_; }
  RunHistory* history() const { return history_; }
  // The New run tab's empty state: shown while the run has no training data.
  TrainingDataOffer* data_offer() const { return data_offer_; }
  LiveCurves* curves() const { return curves_; }
  RunProcess* process() const { return process_; }
  QProgressBar* progress_bar() const { return progress_; }
  QPushButton* stop_button() const { return stop_; }
  QPushButton* resume_button() const { return resume_; }
  QLabel* status_label() const { return status_; }
  std::optional<qint64> followed_run_id() const { return followed_run_id_; }
  store::Workspace* workspace() const { return workspace_.get(); }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void on_started_following();
  void on_train_line(const QJsonObject& line);
  void on_eval_line(const QJsonObject& line);
  void on_event(const QString& name, const QJsonObject& line);
  void on_ended(const QString& outcome, const QString& message);
  void find_followed_run();
  void update_buttons();
  void set_status(const QString& text);
  void export_plot_with_dialog();

  QString workspace_file_;
  QString executable_;
  std::unique_ptr<store::Workspace> workspace_;
  RunProcess* process_;
  RunForm* form_;
  TrainingDataOffer* data_offer_;
  RunHistory* history_;
  LiveCurves* curves_;
  QTabWidget* tabs_;
  QLabel* run_title_;
  QLabel* status_;
  QProgressBar* progress_;
  QPushButton* launch_;
  QPushButton* stop_;
  QPushButton* resume_;
  QPushButton* export_plot_;
  std::optional<qint64> followed_run_id_;  // the workspace row of the followed run, once known
  std::optional<qint64> shown_run_id_;     // the run whose curves the monitor shows
  QString followed_dir_;
  qint64 total_steps_ = 0, start_step_ = 0, steps_per_epoch_ = 0;
  double start_seconds_ = -1;
};

}  // namespace medlora::ui
