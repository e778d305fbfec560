// The lead pulls a server study's results into the workspace: the report is then the one the
// same scores give when entered locally, and pulling again adds only what is new.
#include <gtest/gtest.h>

#include <functional>

#include "core/review/score_csv.h"
#include "core/review_server/study_pull.h"
#include "core/store/reviewer_queue.h"
#include "tests/core/review_server/published_study_fixture.h"

namespace medlora::review_server {
namespace {

using testing::score_of;

// One reviewer's whole queue, through the interface both stores implement: scores depend on the
// answer text and the reviewer, with a skip, a revision, harmful flags and comments on fixed
// positions (the same in two workspaces made alike).
void score_queue(store::ReviewQueue& queue, int reviewer) {
  while (const auto next = queue.next_unscored()) {
    const auto item = *queue.load(*next);
    if (item.position == reviewer + 2) {
      queue.skip(*next, "unsure about item at " + std::to_string(item.position));
      continue;
    }
    const int h = static_cast<int>(std::hash<std::string>{}(item.answer + std::to_string(reviewer)) % 1000);
    const bool harmful = item.position % 4 == 0;
    const auto scores = score_of(1 + h % 5, 1 + (h / 5) % 5, 1 + (h / 25) % 5, 1 + (h / 125) % 5, harmful,
                                 harmful ? 1 + h % 3 : 0, item.position % 3 == 0 ? "note " + std::to_string(h) : "");
    queue.submit(*next, scores);
    if (item.position == 5) {
      auto changed = scores;
      changed.accuracy = 6 - *scores.accuracy;
      queue.revise(*next, changed, "second look");
    }
  }
}

std::string report_text(store::Workspace& ws, const store::ReviewerAccount& lead, int64_t study) {
  const auto data = store::ReviewStudyRepository(ws).report_data(lead, study);
  std::string text = review::format_raw_scores_csv(data.scores, data.comments);
  text += "submitted " + std::to_string(data.design.submitted) + "\n";
  for (const auto& e : data.design.exclusions)
    text += "excluded " + e.item + " " + e.system + " " + e.reviewer + " " + e.reason + "\n";
  for (const auto& f : data.flagged) {
    text += "flagged " + f.item + " " + f.system + ":";
    for (const auto& r : f.reviews) text += " " + r.reviewer + "/" + std::to_string(r.severity) + "/" + r.comment;
    text += "\n";
  }
  return text;
}

class ServerPull : public testing::PublishedStudyTest {};

TEST_F(ServerPull, GivesTheReportOfTheSameScoresEnteredLocally) {
  publish();
  testing::LeadWorkspace scored_here((dir_ / "local.medlora").string(), names_);
  for (int r = 0; r < 3; ++r) {
    store::ReviewerQueue local(*scored_here.ws, scored_here.doctors.at(names_[r]), scored_here.study);
    score_queue(local, r);
  }

  // Two doctors first, a pull, then the third, a pull, and a pull with nothing new.
  for (int r = 0; r < 2; ++r) score_queue(*doctor(static_cast<size_t>(r)).queue, r);
  const auto first = pull_study(*local_->ws, *local_->lead, local_->study, *lead_connection_);
  EXPECT_EQ(first.scores, 2 * 11 + 2);        // 11 submitted each, one revision each
  EXPECT_EQ(first.revisions, 2);
  EXPECT_EQ(first.skips, 2);                  // one skip each
  EXPECT_EQ(first.audit_entries, 1 + 2 * 12 + 2);  // publish, 11 submits + 1 skip each, 2 revisions
  score_queue(*doctor(2).queue, 2);
  const auto second = pull_study(*local_->ws, *local_->lead, local_->study, *lead_connection_);
  EXPECT_EQ(second.scores, 12);
  EXPECT_EQ(second.revisions, 1);
  EXPECT_EQ(second.skips, 1);
  EXPECT_EQ(second.audit_entries, 13);
  const auto third = pull_study(*local_->ws, *local_->lead, local_->study, *lead_connection_);
  EXPECT_EQ(third.scores, 0);
  EXPECT_EQ(third.audit_entries, 0);
  EXPECT_EQ(third.status_changes, 0);

  // Progress, then the closed study's report: the same in both workspaces.
  const auto pulled_progress = store::ReviewStudyRepository(*local_->ws).progress(*local_->lead, local_->study);
  const auto local_progress = store::ReviewStudyRepository(*scored_here.ws).progress(*scored_here.lead, scored_here.study);
  ASSERT_EQ(pulled_progress.reviewers.size(), local_progress.reviewers.size());
  for (size_t i = 0; i < local_progress.reviewers.size(); ++i) {
    EXPECT_EQ(pulled_progress.reviewers[i].submitted, local_progress.reviewers[i].submitted);
    EXPECT_EQ(pulled_progress.reviewers[i].skipped, local_progress.reviewers[i].skipped);
    EXPECT_EQ(pulled_progress.reviewers[i].pending, 0);
  }
  store::ReviewStudyRepository(*local_->ws).close(*local_->lead, local_->study);
  store::ReviewStudyRepository(*scored_here.ws).close(*scored_here.lead, scored_here.study);
  const std::string pulled = report_text(*local_->ws, *local_->lead, local_->study);
  EXPECT_EQ(pulled, report_text(*scored_here.ws, *scored_here.lead, scored_here.study));
  EXPECT_NE(pulled.find("excluded"), std::string::npos);  // the skips, with their reasons
  EXPECT_NE(pulled.find("flagged"), std::string::npos);
  // The server's trail is in the workspace's audit log, by reviewer, with local assignment ids.
  const auto audit = store::ReviewStudyRepository(*local_->ws).audit_log(*local_->lead, local_->study);
  int revisions = 0;
  for (const auto& entry : audit)
    if (entry.action == "revise" && entry.detail.find("second look") != std::string::npos) ++revisions;
  EXPECT_EQ(revisions, 3);
}

TEST_F(ServerPull, RefusesAWorkspaceWhoseStudyIsNotThePublishedOne) {
  publish();
  testing::LeadWorkspace other((dir_ / "other.medlora").string(), {names_[1], names_[0], names_[2]});
  EXPECT_THROW(pull_study(*other.ws, *other.lead, other.study, *lead_connection_), store::StoreError);
}

}  // namespace
}  // namespace medlora::review_server
