// Fleiss' kappa against the worked example reproduced on Wikipedia's "Fleiss' kappa" page
// (10 subjects, 14 raters, 5 categories; kappa = 0.210), and the choice of subjects when the
// number of raters varies.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "core/review/fleiss_kappa.h"

namespace medlora::review {
namespace {

TEST(FleissKappa, MatchesTheWorkedExample) {
  const std::vector<std::vector<int>> counts = {
      {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
      {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
  };
  EXPECT_NEAR(fleiss_kappa(counts), 0.210, 5e-4);
}

TEST(FleissKappa, PerfectAgreementOnTwoCategoriesIsOne) {
  EXPECT_DOUBLE_EQ(fleiss_kappa({{3, 0}, {0, 3}, {3, 0}}), 1.0);
  EXPECT_TRUE(std::isnan(fleiss_kappa({{3, 0}, {3, 0}})));  // one category only: chance agreement 1
  EXPECT_TRUE(std::isnan(fleiss_kappa({})));
}

TEST(FleissKappa, RejectsUnequalRaterCounts) {
  EXPECT_THROW(fleiss_kappa({{2, 1}, {1, 1}}), std::invalid_argument);
  EXPECT_THROW(fleiss_kappa({{1, 0}, {0, 1}}), std::invalid_argument);  // one rater each
}

TEST(FleissKappa, KeepsSubjectsWithTheMostCommonRaterCount) {
  const auto common = subjects_with_common_rater_count({{3, 0}, {2, 1}, {1, 1}, {0, 3}, {1, 0}, {2, 0}});
  EXPECT_EQ(common.raters_per_subject, 3);
  ASSERT_EQ(common.counts.size(), 3u);
  // A tie between 2 and 3 raters goes to 3.
  const auto tie = subjects_with_common_rater_count({{2, 0}, {1, 2}});
  EXPECT_EQ(tie.raters_per_subject, 3);
  EXPECT_EQ(subjects_with_common_rater_count({{1, 0}}).raters_per_subject, 0);
}

}  // namespace
}  // namespace medlora::review
