#include "ui/review/server_queue_watch.h"

#include <QTimer>

#include <exception>

#include "core/review_server/server_review_queue.h"

namespace medlora::ui {

ServerQueueWatch::ServerQueueWatch(review_server::ServerReviewQueue& queue, QObject* parent, int interval_ms)
    : QObject(parent), queue_(queue), timer_(new QTimer(this)) {
  timer_->setInterval(interval_ms);
  connect(timer_, &QTimer::timeout, this, &ServerQueueWatch::poll);
  timer_->start();
  const auto state = queue_.state();
  online_ = state.online;
  unsent_ = state.unsent;
}

void ServerQueueWatch::poll() {
  auto state = queue_.state();
  const bool retried = !state.online || state.unsent > 0;
  if (retried) {
    try {
      queue_.retry();
    } catch (const std::exception& e) {
      emit refused(QString::fromUtf8(e.what()).simplified());
    }
    state = queue_.state();
  }
  // After a retry always: the screen may have seen the connection drop before this watch did.
  if (!retried && state.online == online_ && state.unsent == unsent_) return;
  online_ = state.online;
  unsent_ = state.unsent;
  emit state_changed(online_, unsent_);
}

}  // namespace medlora::ui
