#include "ui/datasets/background_runner.h"

#include <exception>

namespace medlora::ui {

void BackgroundRunner::Control::progress(int64_t done, int64_t total) const {
  const auto now = std::chrono::steady_clock::now();
  if (done != total && now - last_ < std::chrono::milliseconds(50)) return;
  last_ = now;
  Q_EMIT runner_.progress(done, total);
}

BackgroundRunner::BackgroundRunner(QObject* parent) : QObject(parent) {}

BackgroundRunner::~BackgroundRunner() {
  if (!thread_) return;
  stop_.store(true);
  thread_->wait();
  delete thread_;
}

bool BackgroundRunner::start(Job job) {
  if (thread_) return false;
  stop_.store(false);
  error_.clear();
  thread_ = QThread::create([this, job = std::move(job)] {
    try {
      Control control(*this);
      job(control);
    } catch (const std::exception& e) {
      error_ = QString::fromStdString(e.what());
      if (error_.isEmpty()) error_ = tr("unknown error");
    }
  });
  thread_->setObjectName("datasets-background");
  const int serial = ++serial_;
  connect(
      thread_, &QThread::finished, this,
      [this, serial] {
        // wait() may have handled this job already, and another may run by now.
        if (serial == serial_) on_thread_finished();
      },
      Qt::QueuedConnection);
  thread_->start();
  return true;
}

void BackgroundRunner::wait() {
  if (!thread_) return;
  thread_->wait();
  on_thread_finished();
}

void BackgroundRunner::on_thread_finished() {
  if (!thread_) return;
  thread_->wait();  // finished() is emitted just before the thread really ends
  delete thread_;
  thread_ = nullptr;
  Q_EMIT finished(error_, stop_.load());
}

}  // namespace medlora::ui
