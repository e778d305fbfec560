#include "core/data/token_stats.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace medlora::data {

namespace {

// Nearest-rank percentile of sorted values: the smallest value with at least p of them at or below.
int64_t percentile(const std::vector<int64_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto rank = static_cast<size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace

TokenStats token_statistics(const std::vector<RecordText>& records,
                            const std::function<int64_t(const RecordText&)>& count_tokens, int64_t max_length,
                            int bins) {
  if (max_length < 1) throw std::invalid_argument("max_length must be at least 1, got " + std::to_string(max_length));
  if (bins < 1) throw std::invalid_argument("the histogram needs at least 1 bin, got " + std::to_string(bins));
  if (!count_tokens) throw std::invalid_argument("token statistics need a token counter");

  TokenStats stats;
  stats.records = static_cast<int64_t>(records.size());
  stats.max_length = max_length;
  stats.lengths.reserve(records.size());
  for (const auto& record : records) {
    const int64_t length = count_tokens(record);
    stats.lengths.push_back(length);
    if (length > max_length) ++stats.over_max;
  }
  if (records.empty()) return stats;
  stats.share_over_max = static_cast<double>(stats.over_max) / static_cast<double>(stats.records);

  std::vector<int64_t> sorted = stats.lengths;
  std::sort(sorted.begin(), sorted.end());
  stats.p50 = percentile(sorted, 0.50);
  stats.p95 = percentile(sorted, 0.95);
  stats.max = sorted.back();

  // Equal-width bins from 0 that just cover the longest record.
  const int64_t width = std::max<int64_t>(1, (stats.max + bins) / bins);
  stats.histogram.reserve(static_cast<size_t>(bins));
  for (int b = 0; b < bins; ++b) stats.histogram.emplace_back(b * width, 0);
  for (int64_t length : sorted) {
    const auto bin = static_cast<size_t>(std::clamp<int64_t>(length / width, 0, bins - 1));
    ++stats.histogram[bin].second;
  }
  return stats;
}

}  // namespace medlora::data
