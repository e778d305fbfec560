#pragma once
// One `medlora train` child process, followed through its JSON lines (docs/architecture.md, process model).
// The child is started detached with stdout appended to RUN_DIR/console.jsonl (stderr to
// RUN_DIR/console.log) and the file is read on a 4 Hz timer: so the run survives the GUI when
// the user chooses to keep it going, and a reopened GUI re-attaches by replaying the same file.
#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

#include "ui/training/json_lines_tail.h"

namespace medlora::ui {

class RunProcess : public QObject {
  Q_OBJECT

 public:
  static constexpr int kPollIntervalMs = 250;

  explicit RunProcess(QString medlora_executable, QObject* parent = nullptr);
  // Stops following; never stops the child (closing the GUI may keep a run going).
  ~RunProcess() override;

  // `medlora train --config CONFIG --workspace W [--max-steps N]` for the run folder `run_dir`
  // (the config's output_dir). False with a reason when it cannot start.
  bool start(const QString& config_file, const QString& run_dir, const QString& workspace_file, qint64 max_steps = 0,
             QString* error = nullptr);
  // `medlora train --resume RUN_DIR --workspace W`: continues from the last checkpoint. The
  // output is replayed from the beginning (restarted() first), so the curves show the whole run.
  bool resume(const QString& run_dir, const QString& workspace_file, qint64 max_steps = 0, QString* error = nullptr);
  // Follows a run that is already going (started by an earlier GUI or the CLI), replaying its
  // console.jsonl (or metrics.jsonl when the CLI started it).
  bool attach(const QString& run_dir, qint64 pid);
  // SIGTERM: the trainer ends the current step, writes a checkpoint and prints "finished".
  void stop();
  // Stops following without touching the process.
  void detach();

  bool is_running() const { return following_; }
  qint64 pid() const { return pid_; }
  const QString& run_dir() const { return run_dir_; }
  // After ended(): finished, stopped, failed or interrupted (the process vanished mid-run).
  const QString& outcome() const { return outcome_; }
  const QString& message() const { return message_; }
  // Reads the output now (the timer does it otherwise).
  void poll();

  // A live `medlora` process with this pid (not a zombie, not a recycled pid). With
  // `check_command` false, any live process counts (a just-started child may not have exec'd yet).
  static bool process_alive(qint64 pid, bool check_command = true);
  static QString console_file(const QString& run_dir);
  static QString error_log_file(const QString& run_dir);

 Q_SIGNALS:
  void started(qint64 pid);
  // The output is read again from its start: forget what was shown of this run.
  void restarted();
  void line_received(const QJsonObject& line);
  void train_metrics(const QJsonObject& line);  // {"step","epoch","loss","learning_rate",...}
  void eval_metrics(const QJsonObject& line);   // {"step","eval_loss","eval_perplexity"}
  void event_received(const QString& name, const QJsonObject& line);
  void ended(const QString& outcome, const QString& message);

 private:
  bool launch(const QStringList& arguments, const QString& run_dir, QString* error);
  void follow(const QString& file, qint64 pid);
  void dispatch(const QJsonObject& line);
  void finish();

  QString executable_;
  QString run_dir_;
  qint64 pid_ = 0;
  bool following_ = false;
  JsonLinesTail tail_;
  QTimer timer_;
  QElapsedTimer since_launch_;  // invalid when attached to a run someone else started
  QString outcome_, message_;
  QString finish_reason_;
  bool saw_finished_ = false;
  bool saw_error_ = false;
};

}  // namespace medlora::ui
