#pragma once
// Turns two readings of the server's running totals into per-second rates for the Serve panel's
// plots: requests/s, completion tokens/s and the mean latency of the requests that finished in
// between, plus the queue length gauge as read.
#include <optional>

#include "core/serve/serve_metrics.h"

namespace medlora::ui {

struct ServeRates {
  double requests_per_second = 0;
  double tokens_per_second = 0;
  // Mean latency (seconds) of the requests that finished since the last reading; nullopt when
  // none did.
  std::optional<double> mean_latency_seconds;
  double queue_length = 0;
  double active_sequences = 0;
};

class ServeRateSampler {
 public:
  // `seconds` since the previous reading (ignored for the first one, which gives zero rates).
  ServeRates sample(const serve::ServeMetrics::Totals& totals, const serve::ServeGauges& gauges, double seconds);
  void reset() { last_.reset(); }

 private:
  std::optional<serve::ServeMetrics::Totals> last_;
};

}  // namespace medlora::ui
