#pragma once
// Keeps a server queue's connection in view for the scoring screen: a timer looks at the queue's
// state and, while it is offline or has unsent writes, calls retry() (reconnect, then send the
// outbox oldest first, each entry once). state_changed tells the screen what to show.
//
// The queue's connection belongs to the GUI thread (Qt SQL's rule), so the retry runs there; a
// retry against a server that is down returns at once when the host refuses, and after libpq's
// connect_timeout (10 s unless the address says otherwise) when the network does not answer.
#include <QObject>
#include <QString>

class QTimer;

namespace medlora::review_server {
class ServerReviewQueue;
}

namespace medlora::ui {

class ServerQueueWatch : public QObject {
  Q_OBJECT

 public:
  static constexpr int kDefaultIntervalMs = 2000;

  // `queue` must outlive the watch's last poll (make the watch a child of the queue's screen).
  ServerQueueWatch(review_server::ServerReviewQueue& queue, QObject* parent, int interval_ms = kDefaultIntervalMs);

  // One look now: a retry when needed, then state_changed after a retry or when the state changed.
  void poll();

 signals:
  void state_changed(bool online, int unsent);
  // A queued write the server refused for good (say, the study was closed meanwhile).
  void refused(const QString& message);

 private:
  review_server::ServerReviewQueue& queue_;
  QTimer* timer_;
  bool online_ = true;
  int unsent_ = 0;
};

}  // namespace medlora::ui
