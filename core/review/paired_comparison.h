#pragma once
// Two systems compared on one axis, paired by question: each side is the item's mean over its
// reviewers. Reports win / tie / loss counts, the Wilcoxon signed-rank two-sided p-value and a
// paired sign-flip permutation p-value (both test "no difference between the systems").
#include <cstdint>
#include <vector>

namespace medlora::review {

struct PairedComparison {
  int n_pairs = 0;           // items scored for both systems
  int wins = 0;              // items where system A's mean is higher than B's
  int ties = 0;
  int losses = 0;
  double mean_difference = 0.0;  // mean of (A - B); NaN without pairs
  // Wilcoxon signed-rank: zero differences are dropped (Wilcoxon's original rule, as scipy's
  // default and R's wilcox.test); tied |differences| get mid-ranks. Exact null distribution when
  // at most 20 non-zero differences and no ties, else the normal approximation with the tie
  // correction of the variance and a 0.5 continuity correction. NaN when no non-zero difference.
  double wilcoxon_w_plus = 0.0;  // sum of the ranks of the positive differences
  int wilcoxon_n = 0;            // non-zero differences
  bool wilcoxon_exact = false;
  double wilcoxon_p = 0.0;
  // Sign-flip permutation test of |sum of differences|: exact enumeration when 2^n is at most the
  // requested permutations, else Monte Carlo with p = (1 + hits) / (1 + permutations).
  double permutation_p = 0.0;
  int permutations = 0;          // sign assignments used (2^n when exact)
  bool permutation_exact = false;
};

// Wilcoxon signed-rank test on paired differences (see PairedComparison for the rules).
struct WilcoxonResult {
  double w_plus = 0.0;
  int n = 0;  // non-zero differences
  bool exact = false;
  double p = 0.0;  // two-sided; NaN when n == 0
};
WilcoxonResult wilcoxon_signed_rank(const std::vector<double>& differences);

struct PermutationResult {
  double p = 0.0;  // two-sided; 1 when every difference is zero, NaN without differences
  int permutations = 0;
  bool exact = false;
};
// Same seed, same data -> same p (std::mt19937_64).
PermutationResult sign_flip_permutation_test(const std::vector<double>& differences, int permutations,
                                             uint64_t seed);

// a[i] and b[i] are the same item's scores for systems A and B (already paired; same length).
PairedComparison compare_paired(const std::vector<double>& a, const std::vector<double>& b, int permutations,
                                uint64_t seed);

}  // namespace medlora::review
