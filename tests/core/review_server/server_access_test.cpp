// Access enforced by PostgreSQL, checked with raw SQL through psql as a reviewer (and as the
// lead, for immutability): nothing of another reviewer's, no code or lead-only table, no change
// to a submitted score or the audit trail.
#include <gtest/gtest.h>

#include "tests/core/review_server/published_study_fixture.h"

namespace medlora::review_server {
namespace {

using testing::PgCluster;
using testing::score_of;

class ServerAccess : public testing::PublishedStudyTest {
 protected:
  void SetUp() override {
    PublishedStudyTest::SetUp();
    publish();
    // a: one score and one draft; b: two scores, a skip and a draft.
    auto a = doctor(0), b = doctor(1);
    a.queue->submit(*a.queue->next_unscored(), score_of(4, 4, 4, 4, false, 0, "a's comment"));
    store::ScoreEntry draft;
    draft.comment = "a's draft";
    a.queue->save_draft(*a.queue->next_unscored(), draft);
    for (int i = 0; i < 2; ++i) b.queue->submit(*b.queue->next_unscored(), score_of(2, 2, 2, 2, true, 3, "b-secret"));
    b.queue->skip(*b.queue->next_unscored(), "b-skip-reason");
    draft.comment = "b-draft";
    b.queue->save_draft(*b.queue->next_unscored(), draft);
  }
  testing::PsqlResult as_a(const std::string& sql) const { return server_->psql(names_[0], sql); }
  std::string value_as_a(const std::string& sql) const {
    const auto result = as_a(sql);
    EXPECT_EQ(result.status, 0) << sql << ": " << result.output;
    return result.output;
  }
  void expect_refused_as(const std::string& who, const std::string& sql, const std::string& why) const {
    const auto result = server_->psql(who, sql);
    EXPECT_NE(result.status, 0) << who << " could run: " << sql << " -> " << result.output;
    EXPECT_NE(result.output.find(why), std::string::npos) << sql << " -> " << result.output;
  }
};

TEST_F(ServerAccess, AReviewerReadsOnlyTheirOwnRows) {
  EXPECT_EQ(value_as_a("SELECT count(*), count(*) FILTER (WHERE reviewer = current_user) FROM scores"), "1|1\n");
  EXPECT_EQ(value_as_a("SELECT count(*) FROM drafts"), "1\n");
  EXPECT_EQ(value_as_a("SELECT count(*) FROM skips"), "0\n");
  EXPECT_EQ(value_as_a("SELECT count(*), count(DISTINCT reviewer) FROM assignments"), "12|1\n");
  EXPECT_EQ(value_as_a("SELECT count(*) FROM answers"), "12\n");  // only the answers of a's own assignments
  EXPECT_EQ(value_as_a("SELECT count(*) FROM questions"), "4\n");
  // Even naming b's rows outright finds nothing.
  EXPECT_EQ(value_as_a("SELECT count(*) FROM scores WHERE reviewer = '" + names_[1] + "'"), "0\n");
  EXPECT_EQ(value_as_a("SELECT count(*) FROM assignments WHERE reviewer <> current_user"), "0\n");
  const std::string everything = value_as_a(
      "SELECT string_agg(t, ' ') FROM (SELECT row_to_json(x)::text t FROM scores x UNION ALL "
      "SELECT row_to_json(x)::text FROM drafts x UNION ALL SELECT row_to_json(x)::text FROM skips x UNION ALL "
      "SELECT row_to_json(x)::text FROM assignments x UNION ALL SELECT row_to_json(x)::text FROM studies x) r");
  for (const char* b_text : {"b-secret", "b-skip-reason", "b-draft"}) EXPECT_EQ(everything.find(b_text), std::string::npos);
  EXPECT_EQ(everything.find(names_[1]), std::string::npos);
  EXPECT_NE(everything.find("a's comment"), std::string::npos);
}

TEST_F(ServerAccess, CodesLinksAccountsAndTheAuditAreClosedToReviewers) {
  for (const char* table : {"answer_codes", "assignment_links", "reviewers", "server_info", "audit"})
    expect_refused_as(names_[0], std::string("SELECT * FROM ") + table, "permission denied");
  // Not even through a column of a table they may read: answers have no code column at all.
  EXPECT_EQ(value_as_a("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'medlora_review' "
                       "AND table_name = 'answers' AND column_name = 'code'"),
            "0\n");
  expect_refused_as(names_[0], "CREATE TABLE public.notes (t text)", "permission denied");
  expect_refused_as(names_[0], "CREATE TABLE medlora_review.notes (t text)", "permission denied");
}

TEST_F(ServerAccess, AReviewerCannotWriteForOthersOrChangeHistory) {
  const std::string b_assignment = server_->psql(PgCluster::get().lead_role(),
                                                 "SELECT min(id) FROM assignments WHERE reviewer = '" + names_[1] + "'")
                                       .output;
  const std::string b_id = b_assignment.substr(0, b_assignment.find('\n'));
  expect_refused_as(names_[0],
                    "INSERT INTO scores (submission_id, assignment_id, revision, accuracy, safety, completeness, "
                    "readability, harmful, severity) VALUES (gen_random_uuid(), " + b_id + ", 1, 5, 5, 5, 5, false, 0)",
                    "not in your queue");
  expect_refused_as(names_[0],
                    "INSERT INTO drafts (assignment_id, draft, reviewer) VALUES (" + b_id + ", '{}', '" + names_[1] + "')",
                    "not in your queue");
  // Writing as someone else, on one's own assignment or theirs: refused, and no word of their state.
  expect_refused_as(names_[0],
                    "INSERT INTO scores (submission_id, assignment_id, revision, accuracy, safety, completeness, "
                    "readability, harmful, severity, reviewer) SELECT gen_random_uuid(), max(id), 1, 5, 5, 5, 5, false, "
                    "0, '" + names_[1] + "' FROM assignments",
                    "not in your queue");
  expect_refused_as(names_[0], "UPDATE scores SET accuracy = 1", "permission denied");
  expect_refused_as(names_[0], "DELETE FROM scores", "permission denied");
  expect_refused_as(names_[0], "UPDATE assignments SET status = 'pending'", "permission denied");
  expect_refused_as(names_[0], "INSERT INTO audit (action) VALUES ('forged')", "permission denied");
  expect_refused_as(names_[0], "UPDATE studies SET status = 'closed'", "permission denied");
}

TEST_F(ServerAccess, ScoresSkipsAndTheAuditAreImmutableEvenForTheOwner) {
  const std::string lead = PgCluster::get().lead_role();
  for (const char* sql : {"UPDATE scores SET accuracy = 1", "DELETE FROM scores", "TRUNCATE scores CASCADE",
                          "UPDATE skips SET reason = 'x'", "DELETE FROM skips", "UPDATE audit SET actor = 'x'",
                          "DELETE FROM audit", "TRUNCATE audit CASCADE"})
    expect_refused_as(lead, sql, "append-only");
  // The database wrote the trail itself: one entry per submit and skip, by the reviewer.
  const auto trail = server_->psql(lead, "SELECT action, count(*) FROM audit WHERE actor = '" + names_[1] +
                                             "' GROUP BY action ORDER BY action");
  EXPECT_EQ(trail.output, "skip|1\nsubmit|2\n");
}

}  // namespace
}  // namespace medlora::review_server
