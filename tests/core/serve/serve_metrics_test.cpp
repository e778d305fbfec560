#include <gtest/gtest.h>

#include "core/serve/serve_metrics.h"

namespace medlora::serve {
namespace {

TEST(ServeMetrics, RendersPrometheusText) {
  ServeMetrics metrics;
  metrics.count_request("chat.completions", 200);
  metrics.count_request("chat.completions", 200);
  metrics.count_request("completions", 429);
  metrics.count_tokens(10, 5);
  metrics.observe_latency(0.2);
  metrics.observe_latency(3);
  const std::string text = metrics.render({4, 2, 7, 1});
  for (const char* line : {
           "# TYPE medlora_requests_total counter\n",
           "medlora_requests_total{endpoint=\"chat.completions\",status=\"200\"} 2\n",
           "medlora_requests_total{endpoint=\"completions\",status=\"429\"} 1\n",
           "medlora_prompt_tokens_total 10\n",
           "medlora_completion_tokens_total 5\n",
           "# TYPE medlora_request_duration_seconds histogram\n",
           "medlora_request_duration_seconds_bucket{le=\"0.1\"} 0\n",
           "medlora_request_duration_seconds_bucket{le=\"0.25\"} 1\n",
           "medlora_request_duration_seconds_bucket{le=\"5\"} 2\n",
           "medlora_request_duration_seconds_bucket{le=\"+Inf\"} 2\n",
           "medlora_request_duration_seconds_sum 3.2\n",
           "medlora_request_duration_seconds_count 2\n",
           "medlora_time_to_first_token_seconds_count 0\n",
           "medlora_queue_length 4\n",
           "medlora_active_sequences 2\n",
           "medlora_cache_hits_total 7\n",
           "medlora_cache_misses_total 1\n",
       })
    EXPECT_NE(text.find(line), std::string::npos) << line << "\nin:\n" << text;
  const auto totals = metrics.totals();
  EXPECT_EQ(totals.requests, 3);
  EXPECT_EQ(totals.completion_tokens, 5);
  EXPECT_EQ(totals.latency_count, 2);
}

}  // namespace
}  // namespace medlora::serve
