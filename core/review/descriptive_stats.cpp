#include "core/review/descriptive_stats.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace medlora::review {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double mean_of(const std::vector<double>& values) {
  if (values.empty()) return kNaN;
  double sum = 0.0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

double median_of(std::vector<double> values) {
  if (values.empty()) return kNaN;
  const size_t middle = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle), values.end());
  const double upper = values[middle];
  if (values.size() % 2 == 1) return upper;
  const double lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle));
  return (lower + upper) / 2.0;
}

std::map<int, int> integer_distribution(const std::vector<double>& values) {
  std::map<int, int> counts;
  for (double v : values) ++counts[static_cast<int>(std::lround(v))];
  return counts;
}

double quantile_of_sorted(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return kNaN;
  const double position = std::clamp(p, 0.0, 1.0) * static_cast<double>(sorted.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(position));
  const size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

}  // namespace medlora::review
