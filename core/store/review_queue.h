#pragma once
// What a reviewer's scoring front end (the GUI scoring screen, `medlora review score`) needs from
// a queue of answers to score, whichever store holds it: ReviewerQueue (the local SQLite
// workspace) or review_server::ServerReviewQueue (a PostgreSQL review server). Front ends hold a
// ReviewQueue& and run unchanged on either.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store/review_types.h"

namespace medlora::store {

struct QueueEntry {
  int64_t assignment_id = 0;  // opaque: says nothing about the system
  int position = 0;           // 1-based place in this reviewer's order
  std::string status;         // pending | draft | submitted | skipped
};

struct SubmittedScore {
  ScoreEntry scores;  // all four axes set
  int revision = 1;
  std::string reason;  // empty for revision 1
  std::string submitted_at;
};

// What the scoring screen shows for one answer.
struct ScreenItem {
  int64_t assignment_id = 0;
  int position = 0;  // n of `total`
  int total = 0;
  std::string question;
  std::string answer;
  std::string status;
  std::string skip_reason;
  std::optional<ScoreEntry> draft;        // the saved draft, when there is one
  std::optional<SubmittedScore> latest;   // the latest submitted revision, when submitted
};

struct QueueProgress {
  int total = 0;
  int pending = 0;
  int draft = 0;
  int submitted = 0;
  int skipped = 0;
  int done() const { return submitted + skipped; }
};

// One reviewer's queue in one study. Writes throw for an assignment that is not this reviewer's or
// a closed study (StoreError locally, review_server::ServerError on a server), and
// std::invalid_argument for values out of range.
class ReviewQueue {
 public:
  virtual ~ReviewQueue() = default;

  virtual bool study_open() const = 0;
  virtual std::vector<QueueEntry> queue() const = 0;  // in this reviewer's order
  // The first pending or draft answer in order (skipped ones are not offered again here).
  virtual std::optional<int64_t> next_unscored() const = 0;
  // std::nullopt when the assignment is not this reviewer's (or does not exist).
  virtual std::optional<ScreenItem> load(int64_t assignment_id) const = 0;
  virtual QueueProgress progress() const = 0;

  // Keeps the screen's state (any axes may be unset); not for submitted answers (use revise).
  virtual void save_draft(int64_t assignment_id, const ScoreEntry& draft) = 0;
  // First submission (revision 1); drops the draft. Also for a skipped answer. Returns 1, or 0
  // when a server queue is offline and the submission waits in its outbox (sent on reconnect).
  virtual int submit(int64_t assignment_id, const ScoreEntry& scores) = 0;
  // A new revision of a submitted answer; `reason` must not be blank. Returns its number (0: in
  // the outbox, as for submit).
  virtual int revise(int64_t assignment_id, const ScoreEntry& scores, const std::string& reason) = 0;
  // Not for submitted answers; `reason` must not be blank. A draft is kept for later.
  virtual void skip(int64_t assignment_id, const std::string& reason) = 0;
};

}  // namespace medlora::store
