// Publishing a workspace's study to the review server and three doctors scoring it there on
// their own connections, through the same ReviewQueue calls as the local queue.
#include <gtest/gtest.h>

#include "tests/core/review_server/published_study_fixture.h"

namespace medlora::review_server {
namespace {

using testing::PgCluster;
using testing::score_of;

class ServerStudy : public testing::PublishedStudyTest {};

TEST_F(ServerStudy, PublishSendsQuestionsAnswersAndCodesButNoSystem) {
  const auto published = publish();
  EXPECT_EQ(published.questions, 4);
  EXPECT_EQ(published.answers, 12);
  EXPECT_EQ(published.assignments, 36);
  EXPECT_EQ(published.reviewers.size(), 3u);
  // Everything the server holds, as text: no system name, kind, metadata, item or reference.
  const auto dump = server_->psql(PgCluster::get().lead_role(), R"(
      SELECT string_agg(t, ' ') FROM (
        SELECT row_to_json(x)::text t FROM studies x UNION ALL SELECT row_to_json(x)::text FROM questions x
        UNION ALL SELECT row_to_json(x)::text FROM answers x UNION ALL SELECT row_to_json(x)::text FROM answer_codes x
        UNION ALL SELECT row_to_json(x)::text FROM assignments x UNION ALL SELECT row_to_json(x)::text FROM audit x) all_rows)");
  ASSERT_EQ(dump.status, 0) << dump.output;
  for (const auto& name : testing::published_system_names()) EXPECT_EQ(dump.output.find(name), std::string::npos) << name;
  for (const char* secret : {testing::kPublishedSecretMetadata, "adapter", "merged", "item-1", "Rest and fluids"})
    EXPECT_EQ(dump.output.find(secret), std::string::npos) << secret;
  EXPECT_NE(dump.output.find("\"code\":\"S1\""), std::string::npos);

  const auto progress = server_progress(*lead_connection_, "fever study");
  ASSERT_EQ(progress.reviewers.size(), 3u);
  for (const auto& reviewer : progress.reviewers) EXPECT_EQ(reviewer.pending, 12);
  try {
    publish();
    FAIL() << "a second publish must be refused";
  } catch (const ServerError& e) {
    EXPECT_NE(std::string(e.what()).find("published on this server already"), std::string::npos) << e.what();
  }
}

TEST_F(ServerStudy, PublishNeedsTheReviewersOnTheServer) {
  testing::LeadWorkspace other((dir_ / "other.medlora").string(), {testing::unique_name("dr-unknown")}, 1, "other");
  try {
    publish_study(*other.ws, *other.lead, other.study, *lead_connection_);
    FAIL();
  } catch (const ServerError& e) {
    EXPECT_NE(std::string(e.what()).find("not reviewers of this server"), std::string::npos) << e.what();
  }
}

TEST_F(ServerStudy, ThreeDoctorsScoreOnTheirOwnConnections) {
  publish();
  auto a = doctor(0), b = doctor(1), c = doctor(2);
  ASSERT_EQ(a.queue->queue().size(), 12u);
  const auto first_a = *a.queue->next_unscored();
  const auto item = *a.queue->load(first_a);
  EXPECT_EQ(item.position, 1);
  EXPECT_EQ(item.total, 12);
  EXPECT_NE(item.question.find("fever number"), std::string::npos);
  EXPECT_NE(item.answer.find("variant"), std::string::npos);

  EXPECT_EQ(a.queue->submit(first_a, score_of(4, 5, 3, 4, false, 0, "clear")), 1);
  EXPECT_THROW(a.queue->submit(first_a, score_of(1, 1, 1, 1)), ServerError);  // submitted already
  EXPECT_EQ(a.queue->revise(first_a, score_of(3, 5, 3, 4), "misread the dose"), 2);
  const auto revised = *a.queue->load(first_a);
  ASSERT_TRUE(revised.latest);
  EXPECT_EQ(revised.latest->revision, 2);
  EXPECT_EQ(revised.latest->reason, "misread the dose");
  EXPECT_EQ(*revised.latest->scores.accuracy, 3);

  const auto second_a = *a.queue->next_unscored();
  a.queue->skip(second_a, "not my field");
  const auto third_a = *a.queue->next_unscored();
  store::ScoreEntry draft;
  draft.accuracy = 2;
  a.queue->save_draft(third_a, draft);
  EXPECT_EQ(a.queue->load(third_a)->draft, draft);
  EXPECT_EQ(a.queue->load(second_a)->status, "skipped");

  // b and c: every answer, on their own connections at the same time as a.
  for (auto* d : {&b, &c}) {
    while (const auto next = d->queue->next_unscored()) EXPECT_EQ(d->queue->submit(*next, score_of(3, 3, 3, 3)), 1);
    EXPECT_EQ(d->queue->progress().submitted, 12);
  }
  // Another doctor's assignment is not there for a.
  const auto of_b = b.queue->queue().front().assignment_id;
  EXPECT_FALSE(a.queue->load(of_b));
  EXPECT_THROW(a.queue->save_draft(of_b, draft), ServerError);
  EXPECT_THROW(a.queue->skip(of_b, "peek"), ServerError);

  const auto progress = server_progress(*lead_connection_, "fever study");
  ASSERT_EQ(progress.reviewers.size(), 3u);
  const auto& ra = progress.reviewers[0].reviewer == names_[0] ? progress.reviewers[0] : progress.reviewers[1];
  EXPECT_EQ(ra.submitted, 1);
  EXPECT_EQ(ra.skipped, 1);
  EXPECT_EQ(ra.draft, 1);
  EXPECT_EQ(ra.pending, 9);
  EXPECT_EQ(a.queue->progress().done(), 2);

  // Closed on the server: the database refuses every further write.
  close_server_study(*lead_connection_, "fever study");
  EXPECT_FALSE(a.queue->study_open());
  EXPECT_THROW(a.queue->submit(third_a, score_of(2, 2, 2, 2)), ServerError);
  EXPECT_TRUE(a.queue->outbox().empty());  // refused for good, not kept for a retry
}

TEST_F(ServerStudy, StudiesOfAReviewerAreOnlyTheirs) {
  publish();
  auto a = doctor(0);
  const auto studies = ServerReviewQueue::studies_of(*a.connection);
  ASSERT_EQ(studies.size(), 1u);
  EXPECT_EQ(studies[0].name, "fever study");
  EXPECT_EQ(studies[0].total, 12);
  EXPECT_THROW(ServerReviewQueue(*a.connection, "no such study"), ServerError);
}

}  // namespace
}  // namespace medlora::review_server
