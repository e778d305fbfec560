#include "ui/review/server_queue_watch.h"

#include <QTimer>

#include <chrono>
#include <exception>

#include "core/review_server/server_probe.h"
#include "core/review_server/server_review_queue.h"
#include "ui/shell/off_thread_job.h"

namespace medlora::ui {

ServerQueueWatch::ServerQueueWatch(review_server::ServerReviewQueue& queue, review_server::ServerAddress address,
                                   QObject* parent, int interval_ms)
    : QObject(parent), queue_(queue), address_(std::move(address)), timer_(new QTimer(this)) {
  queue_.set_reconnect_in_retry_only(true);
  timer_->setInterval(interval_ms);
  connect(timer_, &QTimer::timeout, this, &ServerQueueWatch::poll);
  timer_->start();
  const auto state = queue_.state();
  online_ = state.online;
  unsent_ = state.unsent;
}

void ServerQueueWatch::poll() {
  const auto state = queue_.state();
  if (state.online) {
    if (state.unsent > 0) retry_and_report();
    else report_if_changed();
    return;
  }
  report_if_changed();  // the screen may have seen the connection drop before this watch did
  if (probing_) return;
  probing_ = true;
  const review_server::ServerAddress address = address_;
  run_off_gui_thread<bool>(
      this,
      [address] { return review_server::server_port_answers(address, std::chrono::milliseconds(kProbeTimeoutMs)); },
      [this](const bool& answers) {
        probing_ = false;
        if (answers) retry_and_report();
      },
      [this](const QString&) { probing_ = false; });
}

void ServerQueueWatch::retry_and_report() {
  try {
    queue_.retry();
  } catch (const std::exception& e) {
    emit refused(QString::fromUtf8(e.what()).simplified());
  }
  // After a retry always, so the screen's "unsent" count follows the outbox.
  const auto state = queue_.state();
  online_ = state.online;
  unsent_ = state.unsent;
  emit state_changed(online_, unsent_);
}

void ServerQueueWatch::report_if_changed() {
  const auto state = queue_.state();
  if (state.online == online_ && state.unsent == unsent_) return;
  online_ = state.online;
  unsent_ = state.unsent;
  emit state_changed(online_, unsent_);
}

}  // namespace medlora::ui
