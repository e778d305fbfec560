#pragma once
// Fleiss' kappa (Fleiss 1971): agreement of a fixed number of raters per subject on categorical
// ratings; the raters need not be the same people from subject to subject.
#include <vector>

namespace medlora::review {

// counts[i][j]: how many raters put subject i in category j. Every row must have the same total
// n >= 2 and the same number of categories (std::invalid_argument otherwise). NaN when there are
// no subjects or every rating falls in one category (chance agreement 1).
double fleiss_kappa(const std::vector<std::vector<int>>& counts);

// Subjects rated by different numbers of raters: kappa needs a fixed n, so only the subjects with
// the most common number of ratings are kept (on a tie, the larger number, which carries more
// information). Rows with fewer than 2 ratings are never used.
struct CommonRaterSubjects {
  std::vector<std::vector<int>> counts;  // the kept rows
  int raters_per_subject = 0;            // 0 when no row has 2 or more ratings
};
CommonRaterSubjects subjects_with_common_rater_count(const std::vector<std::vector<int>>& counts);

}  // namespace medlora::review
