#pragma once
// Percentile bootstrap CI of a mean whose observations come in clusters (a question's ratings):
// each resample draws clusters with replacement and every rating of a drawn cluster comes along,
// so that reviewers scoring the same question are not treated as independent evidence.
#include <cstdint>
#include <vector>

namespace medlora::review {

struct ConfidenceInterval {
  double low = 0.0;   // NaN when there is no observation
  double high = 0.0;
};

// One cluster's observations summarised: the mean over a resample is sum(sums) / sum(counts).
struct ClusterTotals {
  double sum = 0.0;
  int count = 0;
};

// Clusters with count 0 are ignored. std::mt19937_64 seeded with `seed` (same seed and data ->
// identical CI); indices are drawn with Lemire's multiply-shift so the stream does not depend on
// the standard library's distribution implementation. level = 0.95 gives the 2.5 % and 97.5 %
// percentiles (type 7 interpolation) of the resampled means. resamples >= 1.
ConfidenceInterval clustered_bootstrap_mean_ci(const std::vector<ClusterTotals>& clusters, int resamples,
                                               uint64_t seed, double level = 0.95);

// Convenience: clusters given as their observations.
ConfidenceInterval clustered_bootstrap_mean_ci(const std::vector<std::vector<double>>& clusters, int resamples,
                                               uint64_t seed, double level = 0.95);

}  // namespace medlora::review
