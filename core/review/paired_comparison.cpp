#include "core/review/paired_comparison.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <stdexcept>

namespace medlora::review {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kExactWilcoxonMaxN = 20;

// P(W+ = s) counts under the null for ranks 1..n: the number of subsets of {1..n} summing to s.
std::vector<double> signed_rank_subset_counts(int n) {
  std::vector<double> counts(static_cast<size_t>(n * (n + 1) / 2 + 1), 0.0);
  counts[0] = 1.0;
  for (int rank = 1; rank <= n; ++rank)
    for (int s = static_cast<int>(counts.size()) - 1; s >= rank; --s) counts[s] += counts[s - rank];
  return counts;
}

}  // namespace

WilcoxonResult wilcoxon_signed_rank(const std::vector<double>& differences) {
  WilcoxonResult result;
  std::vector<double> nonzero;
  for (double d : differences)
    if (d != 0.0) nonzero.push_back(d);  // Wilcoxon's rule: zero differences are dropped
  result.n = static_cast<int>(nonzero.size());
  if (nonzero.empty()) {
    result.p = kNaN;
    return result;
  }
  std::sort(nonzero.begin(), nonzero.end(), [](double x, double y) { return std::fabs(x) < std::fabs(y); });

  // Mid-ranks of |d|; tie groups feed the variance correction.
  double tie_correction = 0.0;
  bool has_ties = false;
  for (size_t i = 0; i < nonzero.size();) {
    size_t j = i;
    while (j < nonzero.size() && std::fabs(nonzero[j]) == std::fabs(nonzero[i])) ++j;
    const double mid_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
    for (size_t g = i; g < j; ++g)
      if (nonzero[g] > 0.0) result.w_plus += mid_rank;
    const double t = static_cast<double>(j - i);
    if (j - i > 1) has_ties = true;
    tie_correction += t * t * t - t;
    i = j;
  }

  const int n = result.n;
  if (n <= kExactWilcoxonMaxN && !has_ties) {
    result.exact = true;
    const auto counts = signed_rank_subset_counts(n);
    const double total = std::ldexp(1.0, n);
    const auto w = static_cast<size_t>(std::lround(result.w_plus));
    double lower = 0.0, upper = 0.0;
    for (size_t s = 0; s < counts.size(); ++s) {
      if (s <= w) lower += counts[s];
      if (s >= w) upper += counts[s];
    }
    result.p = std::min(1.0, 2.0 * std::min(lower, upper) / total);
    return result;
  }
  const double nd = n;
  const double mean = nd * (nd + 1.0) / 4.0;
  const double variance = nd * (nd + 1.0) * (2.0 * nd + 1.0) / 24.0 - tie_correction / 48.0;
  if (!(variance > 0.0)) {
    result.p = kNaN;
    return result;
  }
  const double deviation = result.w_plus - mean;
  const double continuity = deviation > 0.0 ? 0.5 : (deviation < 0.0 ? -0.5 : 0.0);
  const double z = (deviation - continuity) / std::sqrt(variance);
  result.p = std::min(1.0, std::erfc(std::fabs(z) / std::sqrt(2.0)));
  return result;
}

PermutationResult sign_flip_permutation_test(const std::vector<double>& differences, int permutations,
                                             uint64_t seed) {
  PermutationResult result;
  if (differences.empty()) {
    result.p = kNaN;
    return result;
  }
  if (permutations < 1) throw std::invalid_argument("the permutation test needs at least one permutation");
  std::vector<double> nonzero;  // zero differences contribute the same under every sign flip
  double observed = 0.0, magnitude = 0.0;
  for (double d : differences)
    if (d != 0.0) {
      nonzero.push_back(d);
      observed += d;
      magnitude += std::fabs(d);
    }
  observed = std::fabs(observed);
  const double threshold = observed - 1e-9 * std::max(1.0, magnitude);  // rounding-proof ">="
  const size_t n = nonzero.size();
  if (n < 31 && (uint64_t{1} << n) <= static_cast<uint64_t>(permutations)) {
    const uint64_t patterns = uint64_t{1} << n;
    uint64_t hits = 0;
    for (uint64_t mask = 0; mask < patterns; ++mask) {
      double sum = 0.0;
      for (size_t i = 0; i < n; ++i) sum += ((mask >> i) & 1U) ? -nonzero[i] : nonzero[i];
      hits += std::fabs(sum) >= threshold ? 1 : 0;
    }
    result.exact = true;
    result.permutations = static_cast<int>(patterns);
    result.p = static_cast<double>(hits) / static_cast<double>(patterns);
    return result;
  }
  std::mt19937_64 rng(seed);
  uint64_t hits = 0;
  for (int p = 0; p < permutations; ++p) {
    double sum = 0.0;
    for (size_t block = 0; block < n; block += 64) {
      const uint64_t signs = rng();  // one random bit per difference
      const size_t end = std::min(n, block + 64);
      // Flip the IEEE sign bit instead of branching: random branches would mispredict half the time.
      for (size_t i = block; i < end; ++i)
        sum += std::bit_cast<double>(std::bit_cast<uint64_t>(nonzero[i]) ^ (((signs >> (i - block)) & 1U) << 63));
    }
    hits += std::fabs(sum) >= threshold ? 1 : 0;
  }
  result.permutations = permutations;
  result.p = (1.0 + static_cast<double>(hits)) / (1.0 + static_cast<double>(permutations));
  return result;
}

PairedComparison compare_paired(const std::vector<double>& a, const std::vector<double>& b, int permutations,
                                uint64_t seed) {
  if (a.size() != b.size()) throw std::invalid_argument("paired comparison needs the same items on both sides");
  PairedComparison out;
  out.n_pairs = static_cast<int>(a.size());
  std::vector<double> differences(a.size());
  double sum = 0.0;
  for (size_t i = 0; i < a.size(); ++i) {
    // Reviewer means such as (4+5+3)/3 and (3+4+5)/3 may differ in the last bit; snap to a
    // 1e-9 grid so that equal means tie and equal |differences| share a rank.
    const double d = std::round((a[i] - b[i]) * 1e9) / 1e9;
    differences[i] = d;
    sum += d;
    if (d > 0.0) ++out.wins;
    else if (d < 0.0) ++out.losses;
    else ++out.ties;
  }
  out.mean_difference = a.empty() ? kNaN : sum / static_cast<double>(a.size());
  const auto wilcoxon = wilcoxon_signed_rank(differences);
  out.wilcoxon_w_plus = wilcoxon.w_plus;
  out.wilcoxon_n = wilcoxon.n;
  out.wilcoxon_exact = wilcoxon.exact;
  out.wilcoxon_p = wilcoxon.p;
  const auto permutation = sign_flip_permutation_test(differences, permutations, seed);
  out.permutation_p = permutation.p;
  out.permutations = permutation.permutations;
  out.permutation_exact = permutation.exact;
  return out;
}

}  // namespace medlora::review
