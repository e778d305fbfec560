// Krippendorff's alpha against Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability",
// the reliability data with missing values (4 observers x 12 units, values 1-5), for which the
// paper gives alpha nominal 0.743, ordinal 0.815, interval 0.849.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>

#include "core/review/krippendorff_alpha.h"

namespace medlora::review {
namespace {

constexpr std::optional<double> kMissing = std::nullopt;

// units x observers (the paper prints observers as rows, units as columns).
ReliabilityData krippendorff_2011_example() {
  const std::optional<double> m = kMissing;
  const std::vector<std::vector<std::optional<double>>> by_observer = {
      {1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m},  // observer A
      {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3},  // observer B
      {m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m},  // observer C
      {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m},  // observer D
  };
  ReliabilityData units(12);
  for (const auto& observer : by_observer)
    for (size_t u = 0; u < observer.size(); ++u) units[u].push_back(observer[u]);
  return units;
}

TEST(KrippendorffAlpha, MatchesPublishedExampleForAllThreeMetrics) {
  const auto data = krippendorff_2011_example();
  EXPECT_NEAR(krippendorff_alpha(data, AlphaMetric::nominal), 0.743, 5e-4);
  EXPECT_NEAR(krippendorff_alpha(data, AlphaMetric::ordinal), 0.815, 5e-4);
  EXPECT_NEAR(krippendorff_alpha(data, AlphaMetric::interval), 0.849, 5e-4);
  EXPECT_EQ(pairable_unit_count(data), 11);  // unit 12 has a single value
}

TEST(KrippendorffAlpha, OrdinalDependsOnlyOnTheOrderOfValues) {
  auto data = krippendorff_2011_example();
  const double ordinal = krippendorff_alpha(data, AlphaMetric::ordinal);
  const double interval = krippendorff_alpha(data, AlphaMetric::interval);
  for (auto& unit : data)
    for (auto& v : unit)
      if (v) v = std::exp(*v);  // monotone, not linear
  EXPECT_NEAR(krippendorff_alpha(data, AlphaMetric::ordinal), ordinal, 1e-12);
  EXPECT_GT(std::fabs(krippendorff_alpha(data, AlphaMetric::interval) - interval), 1e-3);
}

TEST(KrippendorffAlpha, PerfectAgreementIsOneAndNoVariationIsUndefined) {
  const ReliabilityData perfect = {{1, 1, 1}, {3, 3, kMissing}, {5, 5, 5}};
  EXPECT_DOUBLE_EQ(krippendorff_alpha(perfect, AlphaMetric::interval), 1.0);
  EXPECT_DOUBLE_EQ(krippendorff_alpha(perfect, AlphaMetric::ordinal), 1.0);
  EXPECT_DOUBLE_EQ(krippendorff_alpha(perfect, AlphaMetric::nominal), 1.0);
  const ReliabilityData constant = {{4, 4}, {4, 4, 4}};
  EXPECT_TRUE(std::isnan(krippendorff_alpha(constant, AlphaMetric::ordinal)));
  const ReliabilityData lonely = {{4, kMissing}, {kMissing, 2}};
  EXPECT_TRUE(std::isnan(krippendorff_alpha(lonely, AlphaMetric::interval)));
  EXPECT_EQ(pairable_unit_count(lonely), 0);
}

TEST(KrippendorffAlpha, SystematicDisagreementGoesBelowZero) {
  // Two observers who always give opposite ends of the scale.
  const ReliabilityData opposite = {{1, 5}, {5, 1}, {1, 5}, {5, 1}};
  EXPECT_LT(krippendorff_alpha(opposite, AlphaMetric::interval), 0.0);
  EXPECT_LT(krippendorff_alpha(opposite, AlphaMetric::nominal), 0.0);
}

}  // namespace
}  // namespace medlora::review
