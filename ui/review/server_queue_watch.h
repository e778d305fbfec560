#pragma once
// Keeps a server queue's connection in view for the scoring screen: a timer looks at the queue's
// state; while it is offline, a plain TCP probe of the server runs off the GUI thread
// (review_server::server_port_answers), and only once the server answers does retry() reconnect
// and send the outbox (oldest first, each entry once) here. Unsent writes while online are retried
// at once. state_changed tells the screen what to show.
//
// The queue's connection belongs to the GUI thread (Qt SQL's rule), so the retry runs there; the
// queue is set to reconnect only in retry(), so no scoring call waits on a network that does not
// answer (libpq's connect_timeout, 10 s unless the address says otherwise).
#include <QObject>
#include <QString>

#include "core/review_server/server_address.h"

class QTimer;

namespace medlora::review_server {
class ServerReviewQueue;
}

namespace medlora::ui {

class ServerQueueWatch : public QObject {
  Q_OBJECT

 public:
  static constexpr int kDefaultIntervalMs = 2000;
  static constexpr int kProbeTimeoutMs = 3000;

  // `queue` (on `address`) must outlive the watch's last poll (make the watch a child of the
  // queue's screen). Sets the queue to reconnect only in retry().
  ServerQueueWatch(review_server::ServerReviewQueue& queue, review_server::ServerAddress address, QObject* parent,
                   int interval_ms = kDefaultIntervalMs);

  // One look now: offline, a probe off the GUI thread (then a retry when the server answers);
  // unsent writes while online, a retry; state_changed after a retry or when the state changed.
  void poll();
  bool probing() const { return probing_; }

 signals:
  void state_changed(bool online, int unsent);
  // A queued write the server refused for good (say, the study was closed meanwhile).
  void refused(const QString& message);

 private:
  void retry_and_report();
  void report_if_changed();

  review_server::ServerReviewQueue& queue_;
  review_server::ServerAddress address_;
  QTimer* timer_;
  bool online_ = true;
  int unsent_ = 0;
  bool probing_ = false;
};

}  // namespace medlora::ui
