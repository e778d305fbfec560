#pragma once
// Runs one job at a time on its own thread, so that planning over a large dataset (cleaning,
// dedup, PII, token counts) never blocks the GUI. A job polls the stop flag and reports
// progress through its Control; finished() arrives on the runner's (GUI) thread. A job must
// not touch widgets, and opens its own Workspace if it needs the database (Qt SQL rule).
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>

namespace medlora::ui {

class BackgroundRunner : public QObject {
  Q_OBJECT

 public:
  class Control {
   public:
    explicit Control(BackgroundRunner& runner) : runner_(runner) {}
    bool stop_requested() const { return runner_.stop_.load(); }
    // Reported at most every 50 ms (and always when done == total).
    void progress(int64_t done, int64_t total) const;

   private:
    BackgroundRunner& runner_;
    mutable std::chrono::steady_clock::time_point last_{};
  };
  using Job = std::function<void(const Control&)>;

  explicit BackgroundRunner(QObject* parent = nullptr);
  // Asks a running job to stop and waits for it.
  ~BackgroundRunner() override;

  bool busy() const { return thread_ != nullptr; }
  // Starts `job` on a new thread; returns false (and does nothing) while another job runs.
  bool start(Job job);
  void request_stop() { stop_.store(true); }
  // Blocks until the running job is done and finished() has been emitted (tests, shutdown).
  void wait();

 Q_SIGNALS:
  void progress(qint64 done, qint64 total);
  // `error` is empty when the job returned normally (it holds the exception's message
  // otherwise); `stopped` says whether a stop was requested while it ran.
  void finished(const QString& error, bool stopped);

 private:
  void on_thread_finished();

  QThread* thread_ = nullptr;
  int serial_ = 0;  // of the job started last
  std::atomic<bool> stop_{false};
  QString error_;  // written by the job's thread before it ends, read after
};

}  // namespace medlora::ui
