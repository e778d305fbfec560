#pragma once
// One reviewer's view of one study: their queue in their own randomised order, one answer at a
// time for the scoring screen, drafts, submissions, revisions and skips.
//
// Blinding and access: everything this class returns is built from the question, the answer
// text and this reviewer's own rows; it never reads a system's name, code, kind or metadata, nor
// another reviewer's anything. Every SQL statement here filters by this reviewer's account id,
// so another reviewer's assignment id finds nothing (load() returns std::nullopt; writes throw).
// Submitted scores are immutable: a change is a new revision with a reason. Each submit, revise
// and skip commits together with its audit-log entry, so a killed program loses at most the
// answer on screen. Same thread rule as Workspace.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store/review_types.h"
#include "core/store/reviewer_accounts.h"

namespace medlora::store {

class Workspace;

// A study the signed-in reviewer has assignments in.
struct ReviewerStudy {
  int64_t id = 0;
  std::string name;
  bool open = true;
  int total = 0;
  int done = 0;  // submitted or skipped
};

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

class ReviewerQueue {
 public:
  // Checks that `reviewer` is an account of this workspace (StoreError otherwise). A study in
  // which the reviewer has no assignment gives an empty queue.
  ReviewerQueue(Workspace& workspace, const ReviewerAccount& reviewer, int64_t study_id);

  // The studies `reviewer` has assignments in, open ones first.
  static std::vector<ReviewerStudy> studies_of(Workspace& workspace, const ReviewerAccount& reviewer);

  bool study_open() const;
  std::vector<QueueEntry> queue() const;  // in this reviewer's order
  // The first pending or draft answer in order (skipped ones are not offered again here).
  std::optional<int64_t> next_unscored() const;
  // std::nullopt when the assignment is not this reviewer's (or does not exist).
  std::optional<ScreenItem> load(int64_t assignment_id) const;
  QueueProgress progress() const;

  // Writes below throw StoreError for an assignment that is not this reviewer's or a closed
  // study, std::invalid_argument for values out of range.
  // Keeps the screen's state (any axes may be unset); not for submitted answers (use revise).
  void save_draft(int64_t assignment_id, const ScoreEntry& draft);
  // First submission (revision 1); drops the draft. Also for a skipped answer. Returns 1.
  int submit(int64_t assignment_id, const ScoreEntry& scores);
  // A new revision of a submitted answer; `reason` must not be blank. Returns its number.
  int revise(int64_t assignment_id, const ScoreEntry& scores, const std::string& reason);
  // Not for submitted answers; `reason` must not be blank. A draft is kept for later.
  void skip(int64_t assignment_id, const std::string& reason);

  const ReviewerAccount& reviewer() const { return reviewer_; }
  int64_t study_id() const { return study_id_; }

 private:
  // The assignment's status when it is this reviewer's in this study; StoreError otherwise.
  std::string owned_status(int64_t assignment_id) const;
  void require_open() const;
  int insert_revision(int64_t assignment_id, const ScoreEntry& scores, const std::string& reason);

  Workspace& ws_;
  ReviewerAccount reviewer_;
  int64_t study_id_;
};

// Throws std::invalid_argument unless all four axes are 1..5 and severity is 1..3 when harmful,
// 0 otherwise. `draft`: axes may be unset (set ones must still be 1..5; severity may be 0).
void validate_scores(const ScoreEntry& scores, bool draft = false);

}  // namespace medlora::store
