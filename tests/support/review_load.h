#pragma once
// Many reviewers scoring one published study at the same time, each on its own connection and
// thread, as the load test and `./dev bench` (bench/review_server_bench.cpp) run it against the
// throwaway cluster of tests/support/pg_cluster.sh.
#include <memory>
#include <string>
#include <vector>

#include "tests/core/review_server/published_study_fixture.h"

namespace medlora::testing {

// A fresh server database with `clients` reviewers and a published study of `questions` x 3
// answers, every answer assigned to every reviewer.
struct ReviewLoadStudy {
  ReviewLoadStudy(int clients, int questions);
  TempDir dir{"medlora-review-load"};
  std::unique_ptr<TestServer> server;
  std::vector<std::string> reviewers;
  std::unique_ptr<LeadWorkspace> local;
  const std::string study_name = "load study";
};

struct ReviewLoadResult {
  int clients = 0;
  int submissions_each = 0;
  int acknowledged = 0;              // submit() returned revision 1
  double seconds = 0;                // from the common start to the last submission
  std::vector<double> latencies_ms;  // one per acknowledged submission
  std::vector<std::string> errors;   // "reviewer: what" for anything that failed

  double submissions_per_second() const { return seconds > 0 ? acknowledged / seconds : 0; }
};

// Every reviewer connects, then all start together and submit the first `submissions_each`
// answers of their queue, one after another.
ReviewLoadResult run_review_load(const ReviewLoadStudy& study, int submissions_each);

// The q-quantile (0..1) of `values` by the nearest-rank rule; 0 for none.
double quantile(std::vector<double> values, double q);

}  // namespace medlora::testing
