#pragma once
// The server's counters and histograms, rendered as Prometheus text for GET /metrics:
// requests by endpoint and status, prompt and completion tokens, request latency and time to
// first token (histograms), queue length and active sequences (gauges, read when rendered),
// cache hits and misses. Thread-safe.
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace medlora::serve {

class Histogram {
 public:
  static constexpr std::array<double, 12> kBounds = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
  void observe(double seconds);
  // "# TYPE" line, the cumulative buckets, _sum and _count.
  std::string render(const std::string& name, const std::string& help) const;
  int64_t count() const { return count_; }
  double sum() const { return sum_; }

 private:
  std::array<int64_t, kBounds.size()> buckets_{};  // not cumulative
  int64_t count_ = 0;
  double sum_ = 0;
};

struct ServeGauges {
  int64_t queue_length = 0;
  int64_t active_sequences = 0;
  int64_t cache_hits = 0;
  int64_t cache_misses = 0;
};

class ServeMetrics {
 public:
  void count_request(const std::string& endpoint, int status);
  void count_tokens(int64_t prompt_tokens, int64_t completion_tokens);
  void observe_latency(double seconds);
  void observe_first_token(double seconds);

  std::string render(const ServeGauges& gauges) const;

  // Totals for the Serve panel's plots.
  struct Totals {
    int64_t requests = 0;
    int64_t completion_tokens = 0;
    double latency_sum = 0;
    int64_t latency_count = 0;
  };
  Totals totals() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, int64_t> requests_;
  int64_t prompt_tokens_ = 0, completion_tokens_ = 0;
  Histogram latency_, first_token_;
};

}  // namespace medlora::serve
