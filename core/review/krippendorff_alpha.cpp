#include "core/review/krippendorff_alpha.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>

namespace medlora::review {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The pairable values, unit by unit: values[offsets[u] .. offsets[u + 1]).
struct PairableValues {
  std::vector<double> values;
  std::vector<size_t> offsets{0};
};

PairableValues collect_pairable(const ReliabilityData& units) {
  PairableValues out;
  for (const auto& unit : units) {
    const size_t start = out.values.size();
    for (const auto& value : unit)
      if (value) out.values.push_back(*value);
    if (out.values.size() - start < 2) {
      out.values.resize(start);  // a lone value has nothing to coincide with
      continue;
    }
    out.offsets.push_back(out.values.size());
  }
  return out;
}

// Krippendorff's ordinal metric between values c < k is
//   (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2,
// which equals (p_k - p_c)^2 with p_v = (count of values below v) + n_v / 2, the mid-rank of v
// among the pairable values. So ordinal alpha is interval alpha on those mid-ranks, which
// avoids a values x values matrix when a scale has many distinct values.
void replace_by_mid_ranks(std::vector<double>& values) {
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::pair<double, double>> rank_of;  // distinct value -> mid-rank
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    rank_of.emplace_back(sorted[i], static_cast<double>(i) + static_cast<double>(j - i) / 2.0);
    i = j;
  }
  for (double& v : values) {
    const auto it = std::lower_bound(rank_of.begin(), rank_of.end(), v,
                                     [](const auto& entry, double x) { return entry.first < x; });
    v = it->second;
  }
}

// Squared-difference metric: sum over ordered pairs i != j of (v_i - v_j)^2 is
// 2 (m * sum v^2 - (sum v)^2), so both disagreements are linear in the number of values.
double interval_alpha(const PairableValues& data) {
  const double n = static_cast<double>(data.values.size());
  // Centre on the grand mean first: the formulas subtract large squares otherwise.
  double mean = 0.0;
  for (double v : data.values) mean += v;
  mean /= n;
  double total_sq = 0.0, observed = 0.0;
  for (size_t u = 0; u + 1 < data.offsets.size(); ++u) {
    double sum = 0.0, sq = 0.0;
    for (size_t i = data.offsets[u]; i < data.offsets[u + 1]; ++i) {
      const double c = data.values[i] - mean;
      sum += c;
      sq += c * c;
    }
    const double m = static_cast<double>(data.offsets[u + 1] - data.offsets[u]);
    observed += 2.0 * (m * sq - sum * sum) / (m - 1.0);
    total_sq += sq;
  }
  const double d_o = observed / n;
  const double d_e = 2.0 * n * total_sq / (n * (n - 1.0));  // the centred total sum is 0
  if (!(d_e > 0.0)) return kNaN;
  return 1.0 - d_o / d_e;
}

// Nominal metric: D = 1 - (matching ordered pairs) / total, within units and over all values.
double nominal_alpha(const PairableValues& data) {
  const double n = static_cast<double>(data.values.size());
  double observed_agreement = 0.0;
  std::vector<double> unit_values;
  for (size_t u = 0; u + 1 < data.offsets.size(); ++u) {
    unit_values.assign(data.values.begin() + static_cast<std::ptrdiff_t>(data.offsets[u]),
                       data.values.begin() + static_cast<std::ptrdiff_t>(data.offsets[u + 1]));
    std::sort(unit_values.begin(), unit_values.end());
    const double m = static_cast<double>(unit_values.size());
    double matches = 0.0;
    for (size_t i = 0; i < unit_values.size();) {
      size_t j = i;
      while (j < unit_values.size() && unit_values[j] == unit_values[i]) ++j;
      const double count = static_cast<double>(j - i);
      matches += count * (count - 1.0);
      i = j;
    }
    observed_agreement += matches / (m - 1.0);
  }
  std::vector<double> sorted = data.values;
  std::sort(sorted.begin(), sorted.end());
  double expected_matches = 0.0;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    const double count = static_cast<double>(j - i);
    expected_matches += count * (count - 1.0);
    i = j;
  }
  const double d_o = 1.0 - observed_agreement / n;
  const double d_e = 1.0 - expected_matches / (n * (n - 1.0));
  if (!(d_e > 0.0)) return kNaN;
  return 1.0 - d_o / d_e;
}

}  // namespace

int pairable_unit_count(const ReliabilityData& units) {
  int count = 0;
  for (const auto& unit : units) {
    int values = 0;
    for (const auto& value : unit) values += value.has_value() ? 1 : 0;
    count += values >= 2 ? 1 : 0;
  }
  return count;
}

double krippendorff_alpha(const ReliabilityData& units, AlphaMetric metric) {
  PairableValues data = collect_pairable(units);
  if (data.values.size() < 2) return kNaN;
  switch (metric) {
    case AlphaMetric::nominal:
      return nominal_alpha(data);
    case AlphaMetric::ordinal:
      replace_by_mid_ranks(data.values);
      return interval_alpha(data);
    case AlphaMetric::interval:
      return interval_alpha(data);
  }
  return kNaN;
}

}  // namespace medlora::review
