#include "core/review/bootstrap.h"

#include <algorithm>
#include <limits>
#include <random>
#include <stdexcept>

#include "core/review/descriptive_stats.h"

namespace medlora::review {

ConfidenceInterval clustered_bootstrap_mean_ci(const std::vector<ClusterTotals>& clusters, int resamples,
                                               uint64_t seed, double level) {
  if (resamples < 1) throw std::invalid_argument("the bootstrap needs at least one resample");
  if (!(level > 0.0 && level < 1.0)) throw std::invalid_argument("the confidence level must lie between 0 and 1");
  std::vector<ClusterTotals> used;
  used.reserve(clusters.size());
  for (const auto& cluster : clusters)
    if (cluster.count > 0) used.push_back(cluster);
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  if (used.empty()) return {kNaN, kNaN};

  std::mt19937_64 rng(seed);
  const uint64_t cluster_count = used.size();
  std::vector<double> means(static_cast<size_t>(resamples));
  for (double& mean : means) {
    double sum = 0.0;
    long long count = 0;
    for (uint64_t draw = 0; draw < cluster_count; ++draw) {
      // Lemire's multiply-shift: an index in [0, cluster_count) from one 64-bit draw (bias below
      // 2^-40 for any realistic study size).
      const auto index = static_cast<size_t>((static_cast<unsigned __int128>(rng()) * cluster_count) >> 64);
      sum += used[index].sum;
      count += used[index].count;
    }
    mean = sum / static_cast<double>(count);
  }
  std::sort(means.begin(), means.end());
  const double tail = (1.0 - level) / 2.0;
  return {quantile_of_sorted(means, tail), quantile_of_sorted(means, 1.0 - tail)};
}

ConfidenceInterval clustered_bootstrap_mean_ci(const std::vector<std::vector<double>>& clusters, int resamples,
                                               uint64_t seed, double level) {
  std::vector<ClusterTotals> totals;
  totals.reserve(clusters.size());
  for (const auto& cluster : clusters) {
    ClusterTotals t;
    for (double v : cluster) t.sum += v;
    t.count = static_cast<int>(cluster.size());
    totals.push_back(t);
  }
  return clustered_bootstrap_mean_ci(totals, resamples, seed, level);
}

}  // namespace medlora::review
