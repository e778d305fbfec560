#include "core/serve/serve_metrics.h"

#include <sstream>

namespace medlora::serve {
namespace {

std::string number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

std::string header(const std::string& name, const std::string& type, const std::string& help) {
  return "# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

std::string single(const std::string& name, const std::string& type, const std::string& help, double value) {
  return header(name, type, help) + name + " " + number(value) + "\n";
}

}  // namespace

void Histogram::observe(double seconds) {
  for (size_t i = 0; i < kBounds.size(); ++i)
    if (seconds <= kBounds[i]) {
      ++buckets_[i];
      break;
    }
  ++count_;
  sum_ += seconds;
}

std::string Histogram::render(const std::string& name, const std::string& help) const {
  std::string out = header(name, "histogram", help);
  int64_t cumulative = 0;
  for (size_t i = 0; i < kBounds.size(); ++i) {
    cumulative += buckets_[i];
    out += name + "_bucket{le=\"" + number(kBounds[i]) + "\"} " + std::to_string(cumulative) + "\n";
  }
  out += name + "_bucket{le=\"+Inf\"} " + std::to_string(count_) + "\n";
  out += name + "_sum " + number(sum_) + "\n" + name + "_count " + std::to_string(count_) + "\n";
  return out;
}

void ServeMetrics::count_request(const std::string& endpoint, int status) {
  std::lock_guard lock(mutex_);
  ++requests_[{endpoint, status}];
}

void ServeMetrics::count_tokens(int64_t prompt_tokens, int64_t completion_tokens) {
  std::lock_guard lock(mutex_);
  prompt_tokens_ += prompt_tokens;
  completion_tokens_ += completion_tokens;
}

void ServeMetrics::observe_latency(double seconds) {
  std::lock_guard lock(mutex_);
  latency_.observe(seconds);
}

void ServeMetrics::observe_first_token(double seconds) {
  std::lock_guard lock(mutex_);
  first_token_.observe(seconds);
}

std::string ServeMetrics::render(const ServeGauges& gauges) const {
  std::lock_guard lock(mutex_);
  std::string out = header("medlora_requests_total", "counter", "HTTP requests answered, by endpoint and status.");
  for (const auto& [label, count] : requests_)
    out += "medlora_requests_total{endpoint=\"" + label.first + "\",status=\"" + std::to_string(label.second) + "\"} " +
           std::to_string(count) + "\n";
  out += single("medlora_prompt_tokens_total", "counter", "Prompt tokens of answered requests.", prompt_tokens_);
  out += single("medlora_completion_tokens_total", "counter", "Generated tokens.", completion_tokens_);
  out += latency_.render("medlora_request_duration_seconds", "Time from a request's arrival to its last byte.");
  out += first_token_.render("medlora_time_to_first_token_seconds", "Time from a request's arrival to its first token.");
  out += single("medlora_queue_length", "gauge", "Requests waiting for a place in the batch.", gauges.queue_length);
  out += single("medlora_active_sequences", "gauge", "Sequences being decoded.", gauges.active_sequences);
  out += single("medlora_cache_hits_total", "counter", "Requests answered from the response cache.", gauges.cache_hits);
  out += single("medlora_cache_misses_total", "counter", "Deterministic requests not found in the cache.", gauges.cache_misses);
  return out;
}

ServeMetrics::Totals ServeMetrics::totals() const {
  std::lock_guard lock(mutex_);
  Totals totals;
  for (const auto& [label, count] : requests_) totals.requests += count;
  totals.completion_tokens = completion_tokens_;
  totals.latency_sum = latency_.sum();
  totals.latency_count = latency_.count();
  return totals;
}

}  // namespace medlora::serve
