// 30 reviewers scoring at once, 100 submissions each, on their own connections against one
// loopback server: every submission is stored exactly once, nothing deadlocks, and the lead's
// progress view is the truth. The throughput and latency figures are `./dev bench`'s
// (bench/review_server_bench.cpp); this test only prints them.
#include <gtest/gtest.h>

#include <iostream>

#include "tests/support/review_load.h"

namespace medlora::review_server {
namespace {

using testing::PgCluster;

TEST(ServerLoad, ThirtyReviewersAtOnceStoreEverySubmissionExactlyOnce) {
  constexpr int kClients = 30;
  constexpr int kSubmissions = 100;
  const testing::ReviewLoadStudy study(kClients, 34);  // 102 answers each
  const auto result = testing::run_review_load(study, kSubmissions);
  std::string errors;
  for (const auto& e : result.errors) errors += e + "\n";
  EXPECT_TRUE(result.errors.empty()) << errors;
  EXPECT_EQ(result.acknowledged, kClients * kSubmissions);
  std::cout << "[load] " << result.acknowledged << " submissions in " << result.seconds << " s ("
            << result.submissions_per_second() << "/s), p50 " << testing::quantile(result.latencies_ms, 0.5)
            << " ms, p99 " << testing::quantile(result.latencies_ms, 0.99) << " ms\n";

  const auto& lead = PgCluster::get().lead_role();
  const auto stored = study.server->psql(
      lead, "SELECT count(*) || ' ' || count(DISTINCT assignment_id) || ' ' || count(DISTINCT submission_id) "
            "|| ' ' || max(revision) FROM medlora_review.scores");
  EXPECT_EQ(stored.output, "3000 3000 3000 1\n");
  const auto audited = study.server->psql(lead, "SELECT count(*) FROM medlora_review.audit WHERE action = 'submit'");
  EXPECT_EQ(audited.output, "3000\n");

  // The lead's progress view against the assignments table itself.
  const auto truth = study.server->psql(
      lead, "SELECT reviewer || ' ' || count(*) FILTER (WHERE status = 'submitted') || ' ' || count(*) "
            "FROM medlora_review.assignments GROUP BY reviewer ORDER BY reviewer");
  std::string seen;
  auto connection = study.server->lead();
  const auto progress = server_progress(*connection, study.study_name);
  ASSERT_EQ(progress.reviewers.size(), static_cast<size_t>(kClients));
  for (const auto& reviewer : progress.reviewers) {
    EXPECT_EQ(reviewer.submitted, kSubmissions) << reviewer.reviewer;
    EXPECT_EQ(reviewer.pending, 2) << reviewer.reviewer;
    seen += reviewer.reviewer + " " + std::to_string(reviewer.submitted) + " " + std::to_string(reviewer.total) + "\n";
  }
  EXPECT_EQ(seen, truth.output);
}

}  // namespace
}  // namespace medlora::review_server
