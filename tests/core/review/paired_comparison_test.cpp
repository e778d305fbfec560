// Paired comparison: Wilcoxon signed-rank on textbook examples, the sign-flip permutation test,
// and win / tie / loss counting.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "core/review/paired_comparison.h"

namespace medlora::review {
namespace {

// Hollander & Wolfe (1973) p. 29, the example in R's ?wilcox.test: Hamilton depression scale
// before (x) and after (y) a tranquilliser. R: V = 40, one-sided p = 0.01953, so the two-sided
// exact p is 2 * 10 / 512.
TEST(Wilcoxon, ExactOnHollanderAndWolfeExample) {
  const std::vector<double> x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
  const std::vector<double> y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
  std::vector<double> d;
  for (size_t i = 0; i < x.size(); ++i) d.push_back(x[i] - y[i]);
  const auto w = wilcoxon_signed_rank(d);
  EXPECT_TRUE(w.exact);
  EXPECT_EQ(w.n, 9);
  EXPECT_DOUBLE_EQ(w.w_plus, 40.0);
  EXPECT_NEAR(w.p, 20.0 / 512.0, 1e-12);
}

// The ten pairs of the classic Wikipedia example (one zero difference, one tie among |d|):
// after dropping the zero, n = 9 and W+ = 27 (signed-rank sum W = 27 - 18 = 9). With ties the
// normal approximation applies: mean 22.5, variance 71.25 - (2^3 - 2)/48, continuity 0.5,
// z = 4 / sqrt(71.125), two-sided p = 0.6353.
TEST(Wilcoxon, NormalApproximationWithZeroAndTies) {
  const std::vector<double> first = {125, 115, 130, 140, 140, 115, 140, 125, 140, 135};
  const std::vector<double> second = {110, 122, 125, 120, 140, 124, 123, 137, 135, 145};
  std::vector<double> d;
  for (size_t i = 0; i < first.size(); ++i) d.push_back(first[i] - second[i]);
  const auto w = wilcoxon_signed_rank(d);
  EXPECT_FALSE(w.exact);
  EXPECT_EQ(w.n, 9);
  EXPECT_DOUBLE_EQ(w.w_plus, 27.0);
  EXPECT_NEAR(w.p, std::erfc((4.0 / std::sqrt(71.125)) / std::sqrt(2.0)), 1e-12);
  EXPECT_NEAR(w.p, 0.6353, 5e-4);
}

TEST(Wilcoxon, AllZeroIsUndefinedAndLargeSamplesUseTheNormalApproximation) {
  EXPECT_TRUE(std::isnan(wilcoxon_signed_rank({0.0, 0.0}).p));
  std::vector<double> d;
  for (int i = 1; i <= 25; ++i) d.push_back(i % 4 == 0 ? -i : i);  // no ties, n > 20
  const auto w = wilcoxon_signed_rank(d);
  EXPECT_FALSE(w.exact);
  EXPECT_GT(w.p, 0.0);
  EXPECT_LT(w.p, 0.05);
}

TEST(SignFlip, ExactEnumerationForFewPairs) {
  // Five positive differences: only "all +" and "all -" reach |sum| = 15 -> p = 2 / 32, which
  // is also the exact Wilcoxon p for W+ = 15 with n = 5.
  const std::vector<double> d = {1, 2, 3, 4, 5};
  const auto perm = sign_flip_permutation_test(d, 10000, 7);
  EXPECT_TRUE(perm.exact);
  EXPECT_EQ(perm.permutations, 32);
  EXPECT_DOUBLE_EQ(perm.p, 2.0 / 32.0);
  EXPECT_DOUBLE_EQ(wilcoxon_signed_rank(d).p, 2.0 / 32.0);
  EXPECT_DOUBLE_EQ(sign_flip_permutation_test({0, 0, 0}, 100, 1).p, 1.0);
  EXPECT_TRUE(std::isnan(sign_flip_permutation_test({}, 100, 1).p));
}

std::vector<double> shifted_differences() {
  // 40 roughly symmetric values around +0.45: a clear but not overwhelming difference.
  const double noise[] = {-1.2, 0.3,  0.8,  -0.4, 1.5,  -0.9, 0.1,  0.6,  -1.6, 1.1, -0.2, 0.4,  -0.7, 1.9,
                          -1.1, 0.2,  -0.5, 0.9,  -1.4, 1.3,  0.05, -0.3, 0.7,  -0.8, 1.0, -1.8, 0.35, -0.6,
                          1.6,  -0.1, 0.55, -1.3, 1.2,  -0.45, 0.15, -1.0, 0.85, 1.7, -0.25, -0.65};
  std::vector<double> d;
  for (double n : noise) d.push_back(0.45 + n);
  return d;
}

TEST(SignFlip, MonteCarloAgreesWithWilcoxonOnAClearCaseAndIsSeeded) {
  const auto d = shifted_differences();
  const auto perm = sign_flip_permutation_test(d, 10000, 42);
  const auto w = wilcoxon_signed_rank(d);
  EXPECT_FALSE(perm.exact);
  EXPECT_EQ(perm.permutations, 10000);
  EXPECT_LT(w.p, 0.05);
  EXPECT_LT(perm.p, 0.05);
  EXPECT_NEAR(perm.p, w.p, 0.015);
  EXPECT_DOUBLE_EQ(sign_flip_permutation_test(d, 10000, 42).p, perm.p);
  EXPECT_NE(sign_flip_permutation_test(d, 10000, 43).p, perm.p);
}

TEST(PairedComparison, CountsWinsTiesLossesOnReviewerMeans) {
  // Means over three reviewers that are equal in value but summed in another order still tie.
  const std::vector<double> a = {(4.0 + 5.0 + 3.1) / 3.0, 5.0, 2.0, 3.0, 4.5};
  const std::vector<double> b = {(3.1 + 4.0 + 5.0) / 3.0, 4.0, 3.0, 3.0, 2.5};
  const auto c = compare_paired(a, b, 1000, 1);
  EXPECT_EQ(c.n_pairs, 5);
  EXPECT_EQ(c.wins, 2);
  EXPECT_EQ(c.ties, 2);
  EXPECT_EQ(c.losses, 1);
  EXPECT_NEAR(c.mean_difference, (1.0 - 1.0 + 2.0) / 5.0, 1e-12);
  EXPECT_EQ(c.wilcoxon_n, 3);
  EXPECT_TRUE(c.permutation_exact);  // 2^3 sign patterns
  EXPECT_THROW(compare_paired({1.0}, {}, 10, 1), std::invalid_argument);
}

}  // namespace
}  // namespace medlora::review
