#pragma once
// One reviewer's queue of one published study on a review server: the ReviewQueue that the
// scoring screen and `medlora review score --server` use instead of the workspace's
// store::ReviewerQueue. The reviewer is the connection's role; the database's row-level security
// is what keeps other reviewers' rows out of reach (the queries here filter by that role too).
//
// Going offline: every write is first put in the Outbox (a file), then sent. When the connection
// is lost, a write keeps its entry there and returns (submit/revise return 0: "will be sent"),
// and state() says offline. Every later call, and retry(), reconnects by itself and sends the
// outbox, oldest first, before doing anything else; the server keeps the first copy of each
// submission id, so nothing is stored twice. Reads need the server: offline, they throw
// ServerError with connection_lost() true once `patience` is used up (default: no waiting).
//
// A front end without signals (core has no widgets) polls: show state() ("offline, will retry:
// 2 unsent"), call retry() on a timer until it returns true.
//
// Same thread rule as the connection.
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "core/review_server/outbox.h"
#include "core/review_server/server_connection.h"
#include "core/store/review_queue.h"
#include "core/store/reviewer_queue.h"

namespace medlora::review_server {

struct QueueConnectionState {
  bool online = true;
  int unsent = 0;          // entries waiting in the outbox
  std::string last_error;  // why the last attempt failed (empty when online)
};

class ServerReviewQueue : public store::ReviewQueue {
 public:
  // The connection's role's queue in the study named `study_name`; sends what `outbox` holds
  // from an earlier session first. ServerError when the role has no assignment in such a study.
  // `patience`: see set_patience().
  ServerReviewQueue(ServerConnection& connection, const std::string& study_name, Outbox outbox = Outbox(),
                    std::chrono::milliseconds patience = std::chrono::milliseconds(0));

  // The published studies the connection's role has assignments in, open ones first.
  static std::vector<store::ReviewerStudy> studies_of(ServerConnection& connection);

  // How long one call keeps reconnecting (1 s, 2 s, ... apart) before it gives up.
  void set_patience(std::chrono::milliseconds patience) { patience_ = patience; }
  QueueConnectionState state() const;
  // When on, a lost connection is reconnected only by retry(): every other call fails at once
  // while offline (writes wait in the outbox, reads throw), so a front end can probe the server
  // elsewhere (server_probe.h) and retry only once it answers.
  void set_reconnect_in_retry_only(bool only) { reconnect_in_retry_only_ = only; }
  // One reconnect (when offline) and one pass over the outbox; true when nothing is left unsent.
  // A refused entry (say, the study closed meanwhile) leaves the outbox and is rethrown.
  bool retry();

  int64_t server_study_id() const { return study_id_; }
  const Outbox& outbox() const { return outbox_; }

  bool study_open() const override;
  std::vector<store::QueueEntry> queue() const override;
  std::optional<int64_t> next_unscored() const override;
  std::optional<store::ScreenItem> load(int64_t assignment_id) const override;
  store::QueueProgress progress() const override;
  void save_draft(int64_t assignment_id, const store::ScoreEntry& draft) override;
  int submit(int64_t assignment_id, const store::ScoreEntry& scores) override;
  int revise(int64_t assignment_id, const store::ScoreEntry& scores, const std::string& reason) override;
  void skip(int64_t assignment_id, const std::string& reason) override;

 private:
  // Runs `body` online: reconnects when needed, sends the outbox, then `body`; on a lost
  // connection tries again until `patience_` is used up.
  template <class Body>
  auto online(Body&& body) const;
  // Queues a write, tries to send it; the acknowledged revision, or 0 while it waits.
  int write(OutboxEntry::Kind kind, int64_t assignment_id, const store::ScoreEntry& scores,
            const std::string& reason);
  void send_outbox() const;
  int send(const OutboxEntry& entry) const;

  ServerConnection& connection_;
  int64_t study_id_ = 0;
  bool reconnect_in_retry_only_ = false;
  mutable bool retrying_ = false;
  mutable Outbox outbox_;
  mutable QueueConnectionState state_;
  mutable std::map<std::string, int> acknowledged_;  // submission id -> revision
  std::string writing_;  // the entry the current write queued: its refusal is thrown, even a draft's
  std::chrono::milliseconds patience_{0};
};

}  // namespace medlora::review_server
