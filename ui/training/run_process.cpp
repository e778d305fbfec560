#include "ui/training/run_process.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <cerrno>
#include <csignal>

#include <signal.h>

namespace medlora::ui {

RunProcess::RunProcess(QString medlora_executable, QObject* parent)
    : QObject(parent), executable_(std::move(medlora_executable)) {
  timer_.setInterval(kPollIntervalMs);
  connect(&timer_, &QTimer::timeout, this, &RunProcess::poll);
}

RunProcess::~RunProcess() = default;

QString RunProcess::console_file(const QString& run_dir) { return QDir(run_dir).filePath("console.jsonl"); }
QString RunProcess::error_log_file(const QString& run_dir) { return QDir(run_dir).filePath("console.log"); }

bool RunProcess::process_alive(qint64 pid, bool check_command) {
  if (pid <= 0) return false;
  if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno != EPERM) return false;
  // A zombie has exited; a pid whose command is not ours was recycled.
  QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
  if (stat.open(QIODevice::ReadOnly)) {
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    if (close > 0 && close + 2 < text.size() && text.at(close + 2) == 'Z') return false;
  }
  if (!check_command) return true;
  QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
  if (cmdline.open(QIODevice::ReadOnly)) return cmdline.readAll().contains("medlora");
  return true;  // no /proc: trust kill()
}

bool RunProcess::launch(const QStringList& arguments, const QString& run_dir, QString* error) {
  auto fail = [&](const QString& why) {
    if (error) *error = why;
    return false;
  };
  if (following_) return fail(tr("A run is already being followed; stop it or wait for it to end."));
  if (!QFileInfo(executable_).isExecutable())
    return fail(tr("The trainer %1 is missing or not executable; check the installation.").arg(executable_));
  if (!QDir().mkpath(run_dir)) return fail(tr("Cannot create the run folder %1.").arg(run_dir));
  QProcess process;
  process.setProgram(executable_);
  process.setArguments(arguments);
  process.setWorkingDirectory(run_dir);
  process.setStandardInputFile(QProcess::nullDevice());
  process.setStandardOutputFile(console_file(run_dir), QIODevice::Append);
  process.setStandardErrorFile(error_log_file(run_dir), QIODevice::Append);
  qint64 pid = 0;
  if (!process.startDetached(&pid) || pid <= 0)
    return fail(tr("Could not start %1: %2").arg(executable_, process.errorString()));
  run_dir_ = run_dir;
  follow(console_file(run_dir), pid);
  since_launch_.start();
  Q_EMIT started(pid);
  return true;
}

bool RunProcess::start(const QString& config_file, const QString& run_dir, const QString& workspace_file,
                       qint64 max_steps, QString* error) {
  QStringList args{"train", "--config", config_file, "--workspace", workspace_file};
  if (max_steps > 0) args << "--max-steps" << QString::number(max_steps);
  return launch(args, run_dir, error);
}

bool RunProcess::resume(const QString& run_dir, const QString& workspace_file, qint64 max_steps, QString* error) {
  if (!QFileInfo::exists(QDir(run_dir).filePath("run_config.json"))) {
    if (error) *error = tr("%1 holds no run_config.json: it is not a run folder that can be resumed.").arg(run_dir);
    return false;
  }
  QStringList args{"train", "--resume", run_dir, "--workspace", workspace_file};
  if (max_steps > 0) args << "--max-steps" << QString::number(max_steps);
  return launch(args, run_dir, error);
}

bool RunProcess::attach(const QString& run_dir, qint64 pid) {
  if (following_ || !process_alive(pid)) return false;
  run_dir_ = run_dir;
  const QString console = console_file(run_dir);
  follow(QFileInfo::exists(console) ? console : QDir(run_dir).filePath("metrics.jsonl"), pid);
  return true;
}

void RunProcess::follow(const QString& file, qint64 pid) {
  pid_ = pid;
  following_ = true;
  since_launch_.invalidate();
  outcome_.clear();
  message_.clear();
  finish_reason_.clear();
  saw_finished_ = saw_error_ = false;
  tail_ = JsonLinesTail(file);
  Q_EMIT restarted();
  timer_.start();
}

void RunProcess::stop() {
  if (following_ && pid_ > 0 && process_alive(pid_)) ::kill(static_cast<pid_t>(pid_), SIGTERM);
}

void RunProcess::detach() {
  timer_.stop();
  following_ = false;
}

void RunProcess::poll() {
  if (!following_) return;
  // Liveness first: lines written before the process died are then all in the file.
  // Our own child may still be between fork and exec for a moment; the pid is surely ours then.
  const bool just_launched = since_launch_.isValid() && since_launch_.elapsed() < 10000;
  const bool alive = process_alive(pid_, !just_launched);
  bool restarted_file = false;
  const auto lines = tail_.read_new(&restarted_file);
  if (restarted_file) Q_EMIT restarted();
  for (const auto& line : lines) dispatch(line);
  if (!alive) finish();
}

void RunProcess::dispatch(const QJsonObject& line) {
  Q_EMIT line_received(line);
  const QString event = line.value("event").toString();
  if (!event.isEmpty()) {
    if (event == "finished") {
      saw_finished_ = true;
      finish_reason_ = line.value("reason").toString();
    } else if (event == "error") {
      saw_error_ = true;
      message_ = line.value("message").toString();
    } else if (event == "started") {
      saw_finished_ = saw_error_ = false;  // a resumed segment starts afresh
    }
    Q_EMIT event_received(event, line);
  } else if (line.contains("eval_loss")) {
    Q_EMIT eval_metrics(line);
  } else if (line.contains("loss")) {
    Q_EMIT train_metrics(line);
  }
}

void RunProcess::finish() {
  timer_.stop();
  following_ = false;
  if (saw_error_) {
    outcome_ = "failed";
  } else if (saw_finished_) {
    outcome_ = finish_reason_ == "cancelled" ? "stopped" : "finished";
  } else {
    // No closing line: killed, or it failed before printing (the reason is then on stderr).
    QFile log(error_log_file(run_dir_));
    QString tail;
    if (log.open(QIODevice::ReadOnly)) {
      if (log.size() > 2000) log.seek(log.size() - 2000);
      tail = QString::fromUtf8(log.readAll()).trimmed();
    }
    outcome_ = "interrupted";
    message_ = tail.isEmpty() ? tr("The trainer process ended without finishing (killed?). Resume continues from the last "
                                   "checkpoint.")
                              : tail.section('\n', -3);
  }
  Q_EMIT ended(outcome_, message_);
}

}  // namespace medlora::ui
