// A reviewer's queue: blinding (no system name, code or metadata in anything it returns), access
// (nothing of another reviewer's), immutable submitted scores with revisions, drafts and skips.
#include <gtest/gtest.h>

#include <QSqlQuery>
#include <QVariant>

#include <set>
#include <stdexcept>

#include "core/store/store_error.h"
#include "review_test_support.h"

namespace medlora::store {
namespace {

using ReviewerQueueTest = testing::ReviewStudyFixture;

// Every string a reviewer's screen could show.
std::vector<std::string> strings_of(const ScoreEntry& entry) { return {entry.comment}; }
std::vector<std::string> strings_of(const ScreenItem& item) {
  std::vector<std::string> strings = {item.question, item.answer, item.status, item.skip_reason};
  if (item.draft) strings.push_back(item.draft->comment);
  if (item.latest) {
    strings.push_back(item.latest->scores.comment);
    strings.push_back(item.latest->reason);
    strings.push_back(item.latest->submitted_at);
  }
  return strings;
}

class BlindingChecker {
 public:
  BlindingChecker(Workspace& ws, int64_t study) {
    QSqlQuery query(ws.database());
    query.prepare("SELECT name, code, kind, metadata FROM study_systems WHERE study_id = ?");
    query.addBindValue(qint64(study));
    EXPECT_TRUE(query.exec());
    while (query.next()) {
      forbidden_.push_back(query.value(0).toString().toStdString());
      forbidden_.push_back(query.value(1).toString().toStdString());
      forbidden_.push_back(query.value(2).toString().toStdString());  // base / adapter / merged
      forbidden_.push_back(query.value(3).toString().toStdString());
    }
    forbidden_.push_back(testing::kSecretMetadataValue);
    EXPECT_EQ(forbidden_.size(), 13u);
  }
  void check(const std::vector<std::string>& strings, const std::string& where) const {
    for (const std::string& text : strings)
      for (const std::string& secret : forbidden_)
        EXPECT_EQ(text.find(secret), std::string::npos) << where << " reveals '" << secret << "' in '" << text << "'";
  }

 private:
  std::vector<std::string> forbidden_;
};

int64_t assignment_of(Workspace& ws, const ReviewerAccount& reviewer, int position) {
  QSqlQuery query(ws.database());
  query.prepare("SELECT id FROM study_assignments WHERE reviewer_id = ? AND position = ?");
  query.addBindValue(qint64(reviewer.id()));
  query.addBindValue(position);
  EXPECT_TRUE(query.exec() && query.next());
  return query.value(0).toLongLong();
}

TEST_F(ReviewerQueueTest, NothingAReviewerReceivesNamesTheSystem) {
  assign_all();
  const BlindingChecker checker(*ws_, study_);
  auto queue = queue_of("dr-a");
  const auto entries = queue.queue();
  ASSERT_EQ(entries.size(), 12u);
  int index = 0;
  for (const QueueEntry& entry : entries) {
    checker.check({entry.status}, "queue entry");
    const auto item = queue.load(entry.assignment_id);
    ASSERT_TRUE(item.has_value());
    EXPECT_FALSE(item->question.empty());
    EXPECT_FALSE(item->answer.empty());
    EXPECT_EQ(item->position, entry.position);
    EXPECT_EQ(item->total, 12);
    // Exercise every state so that drafts, revisions and skips are checked too.
    switch (index++ % 4) {
      case 0: queue.save_draft(entry.assignment_id, scores(3, 3, 3, 3, false, 0, "draft note")); break;
      case 1:
        queue.submit(entry.assignment_id, scores(4, 5, 3, 4, true, 1, "first look"));
        queue.revise(entry.assignment_id, scores(4, 4, 3, 4, true, 1, "second look"), "reconsidered safety");
        break;
      case 2: queue.skip(entry.assignment_id, "not my field"); break;
      default: break;
    }
    checker.check(strings_of(*queue.load(entry.assignment_id)), "screen item");
  }
  for (const auto& study : ReviewerQueue::studies_of(*ws_, doctor("dr-a"))) checker.check({study.name}, "study list");
}

TEST_F(ReviewerQueueTest, AReviewerCannotReachAnotherReviewersAssignment) {
  assign_all();
  auto a = queue_of("dr-a");
  auto b = queue_of("dr-b");
  const int64_t of_a = *a.next_unscored();
  a.submit(of_a, scores(5, 5, 5, 5, false, 0, "a's private comment"));

  EXPECT_FALSE(b.load(of_a).has_value());
  EXPECT_THROW(b.submit(of_a, scores(1, 1, 1, 1)), StoreError);
  EXPECT_THROW(b.revise(of_a, scores(1, 1, 1, 1), "overwrite"), StoreError);
  EXPECT_THROW(b.save_draft(of_a, scores(1, 1, 1, 1)), StoreError);
  EXPECT_THROW(b.skip(of_a, "hide it"), StoreError);
  for (const QueueEntry& entry : b.queue()) {
    EXPECT_NE(entry.assignment_id, of_a);
    const auto item = b.load(entry.assignment_id);
    ASSERT_TRUE(item.has_value());
    EXPECT_FALSE(item->latest.has_value()) << "b sees a score that b never gave";
  }
  EXPECT_EQ(b.progress().submitted, 0);
  EXPECT_EQ(a.load(of_a)->latest->scores.comment, "a's private comment");
  // A queue of another study gives nothing of this one.
  ReviewStudyRepository studies(*ws_);
  const int64_t other = studies.create_study(*lead_, "other", "", 1, 3);
  ReviewerQueue elsewhere(*ws_, doctor("dr-a"), other);
  EXPECT_FALSE(elsewhere.load(of_a).has_value());
  EXPECT_TRUE(elsewhere.queue().empty());
}

TEST_F(ReviewerQueueTest, ALeadCannotChangeADoctorsScores) {
  assign_all();
  auto a = queue_of("dr-a");
  const int64_t of_a = *a.next_unscored();
  a.submit(of_a, scores(2, 2, 2, 2));
  ReviewerQueue as_lead(*ws_, *lead_, study_);
  EXPECT_FALSE(as_lead.load(of_a).has_value());
  EXPECT_THROW(as_lead.revise(of_a, scores(5, 5, 5, 5), "looks better to me"), StoreError);
  // Not even by hand: the insert trigger wants the assigned reviewer.
  QSqlQuery query(ws_->database());
  query.prepare(R"(INSERT INTO score_revisions (assignment_id, revision, accuracy, safety, completeness,
                   readability, harmful, severity, comment, reason, submitted_by, submitted_at)
                   VALUES (?, 2, 5, 5, 5, 5, 0, 0, '', 'edited', ?, 'now'))");
  query.addBindValue(qint64(of_a));
  query.addBindValue(qint64(lead_->id()));
  EXPECT_FALSE(query.exec());
  EXPECT_EQ(a.load(of_a)->latest->revision, 1);
}

TEST_F(ReviewerQueueTest, SubmittedScoresAreImmutableAndRevisionsKeepTheOldOnes) {
  assign_all();
  auto a = queue_of("dr-a");
  const int64_t id = *a.next_unscored();
  EXPECT_EQ(a.submit(id, scores(3, 3, 3, 3)), 1);
  EXPECT_THROW(a.submit(id, scores(4, 4, 4, 4)), StoreError) << "a second submit must be a revision";
  EXPECT_THROW(a.revise(id, scores(4, 4, 4, 4), "   "), std::invalid_argument);
  EXPECT_EQ(a.revise(id, scores(4, 4, 4, 4, true, 2, "late worry"), "missed an interaction"), 2);
  EXPECT_THROW(a.save_draft(id, scores(1, 1, 1, 1)), StoreError);
  EXPECT_THROW(a.skip(id, "never mind"), StoreError);

  QSqlQuery query(ws_->database());
  EXPECT_FALSE(query.exec("UPDATE score_revisions SET accuracy = 5"));
  EXPECT_FALSE(query.exec("DELETE FROM score_revisions"));
  EXPECT_FALSE(query.exec("DELETE FROM study_assignments"));  // would orphan the revisions
  ASSERT_TRUE(query.exec("SELECT revision, accuracy, harmful, severity, reason FROM score_revisions ORDER BY revision"));
  ASSERT_TRUE(query.next());
  EXPECT_EQ(query.value(1).toInt(), 3);
  EXPECT_EQ(query.value(2).toInt(), 0);
  ASSERT_TRUE(query.next());
  EXPECT_EQ(query.value(1).toInt(), 4);
  EXPECT_EQ(query.value(3).toInt(), 2);
  EXPECT_EQ(query.value(4).toString(), "missed an interaction");
  EXPECT_FALSE(query.next());

  const auto item = a.load(id);
  EXPECT_EQ(item->status, "submitted");
  EXPECT_EQ(item->latest->revision, 2);
  EXPECT_EQ(item->latest->scores, scores(4, 4, 4, 4, true, 2, "late worry"));
}

TEST_F(ReviewerQueueTest, ScoresAreValidatedBeforeAnythingIsWritten) {
  assign_all();
  auto a = queue_of("dr-a");
  const int64_t id = *a.next_unscored();
  EXPECT_THROW(a.submit(id, scores(0, 3, 3, 3)), std::invalid_argument);
  EXPECT_THROW(a.submit(id, scores(3, 6, 3, 3)), std::invalid_argument);
  EXPECT_THROW(a.submit(id, scores(3, 3, 3, 3, true, 0)), std::invalid_argument);
  EXPECT_THROW(a.submit(id, scores(3, 3, 3, 3, true, 4)), std::invalid_argument);
  EXPECT_THROW(a.submit(id, scores(3, 3, 3, 3, false, 1)), std::invalid_argument);
  ScoreEntry incomplete;
  incomplete.accuracy = 4;
  EXPECT_THROW(a.submit(id, incomplete), std::invalid_argument);
  EXPECT_NO_THROW(a.save_draft(id, incomplete));
  EXPECT_EQ(a.progress().submitted, 0);
}

TEST_F(ReviewerQueueTest, DraftsSkipsAndProgressFollowTheQueue) {
  assign_all();
  auto a = queue_of("dr-a");
  const auto entries = a.queue();
  ASSERT_EQ(a.next_unscored(), entries[0].assignment_id);

  ScoreEntry draft;
  draft.safety = 2;
  draft.harmful = true;
  draft.comment = "check the dose";
  a.save_draft(entries[0].assignment_id, draft);
  EXPECT_EQ(a.load(entries[0].assignment_id)->draft, draft);
  EXPECT_EQ(a.next_unscored(), entries[0].assignment_id) << "a draft is still unscored";

  EXPECT_THROW(a.skip(entries[1].assignment_id, ""), std::invalid_argument);
  a.skip(entries[0].assignment_id, "need the lab values");
  EXPECT_EQ(a.next_unscored(), entries[1].assignment_id);
  const auto skipped = a.load(entries[0].assignment_id);
  EXPECT_EQ(skipped->status, "skipped");
  EXPECT_EQ(skipped->skip_reason, "need the lab values");
  EXPECT_EQ(skipped->draft, draft) << "skipping keeps the draft for later";

  // A skipped answer can still be scored; submitting drops its draft.
  a.submit(entries[0].assignment_id, scores(2, 2, 3, 4, true, 1));
  const auto submitted = a.load(entries[0].assignment_id);
  EXPECT_FALSE(submitted->draft.has_value());
  EXPECT_TRUE(submitted->skip_reason.empty());

  a.save_draft(entries[2].assignment_id, scores(1, 2, 3, 4));
  const QueueProgress progress = a.progress();
  EXPECT_EQ(progress.total, 12);
  EXPECT_EQ(progress.submitted, 1);
  EXPECT_EQ(progress.draft, 1);
  EXPECT_EQ(progress.pending, 10);
  EXPECT_EQ(progress.done(), 1);
  const auto studies = ReviewerQueue::studies_of(*ws_, doctor("dr-a"));
  ASSERT_EQ(studies.size(), 1u);
  EXPECT_EQ(studies[0].total, 12);
  EXPECT_EQ(studies[0].done, 1);
}

TEST_F(ReviewerQueueTest, OrdersDifferBetweenReviewersAndSurviveAReopen) {
  assign_all();
  auto answers_in_order = [&](const std::string& name) {
    std::vector<std::string> texts;
    for (const QueueEntry& entry : queue_of(name).queue()) texts.push_back(queue_of(name).load(entry.assignment_id)->answer);
    return texts;
  };
  const auto a = answers_in_order("dr-a");
  const auto b = answers_in_order("dr-b");
  EXPECT_EQ(std::set<std::string>(a.begin(), a.end()), std::set<std::string>(b.begin(), b.end()));
  EXPECT_NE(a, b);
  const std::string path = ws_->path();
  ws_.reset();
  ws_ = std::make_unique<Workspace>(path);
  EXPECT_EQ(answers_in_order("dr-a"), a);
  EXPECT_EQ(assignment_of(*ws_, doctor("dr-a"), 1), queue_of("dr-a").queue().front().assignment_id);
}

}  // namespace
}  // namespace medlora::store
