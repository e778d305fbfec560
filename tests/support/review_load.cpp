#include "tests/support/review_load.h"

#include <algorithm>
#include <barrier>
#include <chrono>
#include <cmath>
#include <mutex>
#include <thread>

namespace medlora::testing {

ReviewLoadStudy::ReviewLoadStudy(int clients, int questions)
    : server(std::make_unique<TestServer>("load")) {
  auto lead = server->lead();
  for (int i = 0; i < clients; ++i) {
    reviewers.push_back(unique_name("load-" + std::to_string(i)));
    review_server::add_reviewer(*lead, reviewers.back(), kReviewerPassword);
  }
  local = std::make_unique<LeadWorkspace>((dir / "lead.medlora").string(), reviewers, questions, study_name);
  review_server::publish_study(*local->ws, *local->lead, local->study, *lead);
}

ReviewLoadResult run_review_load(const ReviewLoadStudy& study, int submissions_each) {
  using Clock = std::chrono::steady_clock;
  ReviewLoadResult result;
  result.clients = static_cast<int>(study.reviewers.size());
  result.submissions_each = submissions_each;
  std::mutex mutex;
  std::barrier start(result.clients + 1);
  Clock::time_point started;
  Clock::time_point last_done;

  auto client = [&](const std::string& reviewer) {
    std::vector<double> latencies;
    std::string error;
    std::unique_ptr<review_server::ServerConnection> connection;
    std::unique_ptr<review_server::ServerReviewQueue> queue;
    std::vector<store::QueueEntry> entries;
    try {
      connection = study.server->as(reviewer);
      queue = std::make_unique<review_server::ServerReviewQueue>(*connection, study.study_name);
      entries = queue->queue();
      if (entries.size() < static_cast<size_t>(submissions_each)) error = "only " + std::to_string(entries.size()) + " answers";
    } catch (const std::exception& e) {
      error = e.what();
    }
    start.arrive_and_wait();
    for (int i = 0; error.empty() && i < submissions_each; ++i) {
      const auto begin = Clock::now();
      try {
        const int revision = queue->submit(entries[i].assignment_id, score_of(1 + i % 5, 1 + (i + 1) % 5, 3, 4));
        if (revision != 1) error = "submit returned " + std::to_string(revision);
      } catch (const std::exception& e) {
        error = e.what();
      }
      if (error.empty()) latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
    }
    std::lock_guard lock(mutex);
    last_done = std::max(last_done, Clock::now());
    if (!error.empty()) result.errors.push_back(reviewer + ": " + error);
    result.acknowledged += static_cast<int>(latencies.size());
    result.latencies_ms.insert(result.latencies_ms.end(), latencies.begin(), latencies.end());
  };

  std::vector<std::thread> threads;
  for (const auto& reviewer : study.reviewers) threads.emplace_back(client, reviewer);
  start.arrive_and_wait();
  started = Clock::now();
  for (auto& thread : threads) thread.join();
  result.seconds = std::chrono::duration<double>(last_done - started).count();
  return result;
}

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<size_t>(std::ceil(q * static_cast<double>(values.size())));
  return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}

}  // namespace medlora::testing
