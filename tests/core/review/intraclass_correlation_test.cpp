// ICC against Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges; the paper gives
// ICC(2,1) = .29 and ICC(2,4) = .62 (and ICC(1,1) = .17, ICC(3,1) = .71 for the other cases).
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "core/review/intraclass_correlation.h"

namespace medlora::review {
namespace {

const std::vector<std::vector<double>> kShroutFleissTable2 = {
    {9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7},
};

TEST(IntraclassCorrelation, MatchesShroutAndFleissTable2) {
  const auto icc = icc_two_way_random(kShroutFleissTable2);
  EXPECT_EQ(icc.targets, 6);
  EXPECT_EQ(icc.raters, 4);
  EXPECT_NEAR(icc.icc2_1, 0.29, 0.005);
  EXPECT_NEAR(icc.icc2_k, 0.62, 0.005);
  // Unrounded values from the paper's mean squares (BMS 11.24, JMS 32.49, EMS 1.02).
  EXPECT_NEAR(icc.icc2_1, 0.28976, 1e-4);
  EXPECT_NEAR(icc.icc2_k, 0.62005, 1e-4);
}

TEST(IntraclassCorrelation, IdenticalRatersGiveOne) {
  const std::vector<std::vector<double>> rows = {{1, 1, 1}, {3, 3, 3}, {5, 5, 5}, {2, 2, 2}};
  const auto icc = icc_two_way_random(rows);
  EXPECT_NEAR(icc.icc2_1, 1.0, 1e-12);
  EXPECT_NEAR(icc.icc2_k, 1.0, 1e-12);
}

TEST(IntraclassCorrelation, AbsoluteAgreementPenalisesARaterOffset) {
  // Rater 2 always scores one point higher: consistent, but not in absolute agreement.
  const std::vector<std::vector<double>> rows = {{1, 2}, {2, 3}, {3, 4}, {4, 5}};
  const auto icc = icc_two_way_random(rows);
  EXPECT_LT(icc.icc2_1, 0.9);
  EXPECT_GT(icc.icc2_1, 0.5);
}

TEST(IntraclassCorrelation, RejectsIncompleteRowsAndHandlesTooFewTargets) {
  EXPECT_THROW(icc_two_way_random({{1, 2, 3}, {1, 2}}), std::invalid_argument);
  EXPECT_THROW(icc_two_way_random({{1}, {2}}), std::invalid_argument);
  EXPECT_TRUE(std::isnan(icc_two_way_random({{1, 2}}).icc2_1));
  EXPECT_TRUE(std::isnan(icc_two_way_random({}).icc2_k));
  EXPECT_TRUE(std::isnan(icc_two_way_random({{3, 3}, {3, 3}}).icc2_1));  // no variance at all
}

}  // namespace
}  // namespace medlora::review
