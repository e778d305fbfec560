#pragma once
// Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
// alpha = 1 - D_o / D_e from the coincidence of values within units, with missing values
// allowed. Units with fewer than two values are not pairable and are left out.
#include <optional>
#include <vector>

namespace medlora::review {

enum class AlphaMetric {
  nominal,   // values are labels: any difference counts as 1
  ordinal,   // Krippendorff's ordinal metric from the marginal frequencies of the values
  interval,  // squared difference
};

// units[u][r]: rater r's value for unit u (std::nullopt = missing). Rows may differ in length.
using ReliabilityData = std::vector<std::vector<std::optional<double>>>;

// NaN when fewer than two pairable values or when the pairable values do not vary (D_e = 0).
double krippendorff_alpha(const ReliabilityData& units, AlphaMetric metric);

// Units with two or more values: the ones alpha is computed on.
int pairable_unit_count(const ReliabilityData& units);

}  // namespace medlora::review
