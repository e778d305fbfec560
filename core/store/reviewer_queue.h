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

#include "core/store/review_queue.h"
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

class ReviewerQueue : public ReviewQueue {
 public:
  // Checks that `reviewer` is an account of this workspace (StoreError otherwise). A study in
  // which the reviewer has no assignment gives an empty queue.
  ReviewerQueue(Workspace& workspace, const ReviewerAccount& reviewer, int64_t study_id);

  // The studies `reviewer` has assignments in, open ones first.
  static std::vector<ReviewerStudy> studies_of(Workspace& workspace, const ReviewerAccount& reviewer);

  // The ReviewQueue calls (documented there). Writes throw StoreError for an assignment that is
  // not this reviewer's or a closed study; submit() and revise() never return 0 here.
  bool study_open() const override;
  std::vector<QueueEntry> queue() const override;
  std::optional<int64_t> next_unscored() const override;
  std::optional<ScreenItem> load(int64_t assignment_id) const override;
  QueueProgress progress() const override;
  void save_draft(int64_t assignment_id, const ScoreEntry& draft) override;
  int submit(int64_t assignment_id, const ScoreEntry& scores) override;
  int revise(int64_t assignment_id, const ScoreEntry& scores, const std::string& reason) override;
  void skip(int64_t assignment_id, const std::string& reason) override;

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
// A revision's or a skip's reason, which must not be blank; std::invalid_argument(`refusal`) otherwise.
void require_reason(const std::string& reason, const char* refusal);

}  // namespace medlora::store
