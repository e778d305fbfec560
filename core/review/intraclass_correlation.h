#pragma once
// Intraclass correlation, two-way random effects, absolute agreement (Shrout & Fleiss 1979,
// case 2): ICC(2,1) for a single rater, ICC(2,k) for the mean of the k raters. Computed from the
// two-way ANOVA on complete rows (every rater scored every target).
#include <vector>

namespace medlora::review {

struct IccResult {
  double icc2_1 = 0.0;  // NaN when undefined (fewer than 2 targets or raters, or no variance)
  double icc2_k = 0.0;
  int targets = 0;      // n, the rows used
  int raters = 0;       // k
};

// rows[i][j]: rater j's score of target i. Every row must have the same length k >= 2
// (std::invalid_argument otherwise). Fewer than 2 rows gives NaN.
IccResult icc_two_way_random(const std::vector<std::vector<double>>& rows);

}  // namespace medlora::review
