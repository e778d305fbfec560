#pragma once
// Plain summaries of a set of scores.
#include <map>
#include <vector>

namespace medlora::review {

double mean_of(const std::vector<double>& values);    // NaN when empty
double median_of(std::vector<double> values);         // NaN when empty; mean of the middle two when even
// Score rounded to the nearest integer (halves away from zero) -> how many times it occurs.
std::map<int, int> integer_distribution(const std::vector<double>& values);

// The p-quantile (0 <= p <= 1) of sorted values by linear interpolation between order
// statistics (Hyndman & Fan type 7, R's and numpy's default). NaN when empty.
double quantile_of_sorted(const std::vector<double>& sorted, double p);

}  // namespace medlora::review
