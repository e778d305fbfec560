// Descriptive statistics and the question-clustered percentile bootstrap.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "core/review/bootstrap.h"
#include "core/review/descriptive_stats.h"

namespace medlora::review {
namespace {

std::vector<std::vector<double>> clustered_scores(int items, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> quality(1, 5), noise(-1, 1);
  std::vector<std::vector<double>> clusters;
  for (int i = 0; i < items; ++i) {
    const int q = quality(rng);
    std::vector<double> ratings;
    for (int r = 0; r < 3; ++r) ratings.push_back(std::clamp(q + noise(rng), 1, 5));
    clusters.push_back(ratings);
  }
  return clusters;
}

TEST(DescriptiveStats, MeanMedianDistributionQuantile) {
  EXPECT_DOUBLE_EQ(mean_of({1, 2, 3, 4}), 2.5);
  EXPECT_DOUBLE_EQ(median_of({5, 1, 3}), 3.0);
  EXPECT_DOUBLE_EQ(median_of({4, 1, 3, 2}), 2.5);
  EXPECT_TRUE(std::isnan(mean_of({})));
  EXPECT_TRUE(std::isnan(median_of({})));
  const auto dist = integer_distribution({1, 2, 2, 4.6, 5});
  EXPECT_EQ(dist.at(1), 1);
  EXPECT_EQ(dist.at(2), 2);
  EXPECT_EQ(dist.at(5), 2);
  EXPECT_EQ(dist.count(3), 0u);
  EXPECT_DOUBLE_EQ(quantile_of_sorted({1, 2, 3, 4, 5}, 0.25), 2.0);
  EXPECT_DOUBLE_EQ(quantile_of_sorted({10, 20}, 0.975), 19.75);
}

TEST(Bootstrap, SameSeedSameIntervalOtherSeedOther) {
  const auto clusters = clustered_scores(200, 1);
  const auto a = clustered_bootstrap_mean_ci(clusters, 2000, 20261129);
  const auto b = clustered_bootstrap_mean_ci(clusters, 2000, 20261129);
  const auto c = clustered_bootstrap_mean_ci(clusters, 2000, 7);
  EXPECT_EQ(a.low, b.low);
  EXPECT_EQ(a.high, b.high);
  EXPECT_TRUE(a.low != c.low || a.high != c.high);
}

TEST(Bootstrap, IntervalContainsTheMeanWithAPlausibleWidth) {
  const auto clusters = clustered_scores(400, 2);
  std::vector<double> all, item_means;
  for (const auto& c : clusters) {
    all.insert(all.end(), c.begin(), c.end());
    item_means.push_back(mean_of(c));
  }
  const double mean = mean_of(all);
  const auto ci = clustered_bootstrap_mean_ci(clusters, 2000, 3);
  EXPECT_LT(ci.low, mean);
  EXPECT_GT(ci.high, mean);
  // With equal cluster sizes the mean is the mean of item means: width ~ 2 * 1.96 * sd / sqrt(n).
  double var = 0.0;
  for (double m : item_means) var += (m - mean) * (m - mean);
  const double expected = 2.0 * 1.96 * std::sqrt(var / (item_means.size() - 1) / item_means.size());
  EXPECT_NEAR(ci.high - ci.low, expected, 0.15 * expected);
}

TEST(Bootstrap, ResamplesQuestionsNotRatings) {
  // Three identical ratings per question carry no more information than one: the clustered
  // bootstrap draws the same questions with the same seed, so the interval is identical.
  std::vector<std::vector<double>> single, tripled;
  for (int i = 0; i < 50; ++i) {
    const double v = 1 + (i * 7) % 5;
    single.push_back({v});
    tripled.push_back({v, v, v});
  }
  const auto a = clustered_bootstrap_mean_ci(single, 1000, 11);
  const auto b = clustered_bootstrap_mean_ci(tripled, 1000, 11);
  EXPECT_DOUBLE_EQ(a.low, b.low);
  EXPECT_DOUBLE_EQ(a.high, b.high);
}

TEST(Bootstrap, EdgeCases) {
  EXPECT_TRUE(std::isnan(clustered_bootstrap_mean_ci(std::vector<std::vector<double>>{}, 100, 1).low));
  const auto one = clustered_bootstrap_mean_ci(std::vector<std::vector<double>>{{4, 4}}, 100, 1);
  EXPECT_DOUBLE_EQ(one.low, 4.0);
  EXPECT_DOUBLE_EQ(one.high, 4.0);
  EXPECT_THROW(clustered_bootstrap_mean_ci(std::vector<std::vector<double>>{{1}}, 0, 1), std::invalid_argument);
}

}  // namespace
}  // namespace medlora::review
