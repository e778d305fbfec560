#include "ui/serve/serve_rates.h"

namespace medlora::ui {

ServeRates ServeRateSampler::sample(const serve::ServeMetrics::Totals& totals, const serve::ServeGauges& gauges,
                                    double seconds) {
  ServeRates rates;
  rates.queue_length = static_cast<double>(gauges.queue_length);
  rates.active_sequences = static_cast<double>(gauges.active_sequences);
  if (last_ && seconds > 0) {
    rates.requests_per_second = static_cast<double>(totals.requests - last_->requests) / seconds;
    rates.tokens_per_second = static_cast<double>(totals.completion_tokens - last_->completion_tokens) / seconds;
    const int64_t finished = totals.latency_count - last_->latency_count;
    if (finished > 0) rates.mean_latency_seconds = (totals.latency_sum - last_->latency_sum) / static_cast<double>(finished);
  }
  last_ = totals;
  return rates;
}

}  // namespace medlora::ui
