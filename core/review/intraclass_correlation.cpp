#include "core/review/intraclass_correlation.h"

#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>

namespace medlora::review {

IccResult icc_two_way_random(const std::vector<std::vector<double>>& rows) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  IccResult result;
  result.icc2_1 = result.icc2_k = kNaN;
  result.targets = static_cast<int>(rows.size());
  if (rows.empty()) return result;
  const size_t k = rows.front().size();
  if (k < 2) throw std::invalid_argument("ICC needs at least two raters per target");
  for (size_t i = 0; i < rows.size(); ++i)
    if (rows[i].size() != k)
      throw std::invalid_argument("ICC needs complete rows: target " + std::to_string(i + 1) + " has " +
                                  std::to_string(rows[i].size()) + " scores, expected " + std::to_string(k));
  result.raters = static_cast<int>(k);
  const size_t n = rows.size();
  if (n < 2) return result;

  double grand = 0.0;
  for (const auto& row : rows)
    for (double x : row) grand += x;
  grand /= static_cast<double>(n * k);

  // Two-way ANOVA sums of squares: targets (rows), judges (columns), residual.
  std::vector<double> column_sums(k, 0.0);
  double ss_total = 0.0, ss_rows = 0.0;
  for (const auto& row : rows) {
    double row_sum = 0.0;
    for (size_t j = 0; j < k; ++j) {
      const double c = row[j] - grand;
      ss_total += c * c;
      row_sum += row[j];
      column_sums[j] += row[j];
    }
    const double row_dev = row_sum / static_cast<double>(k) - grand;
    ss_rows += static_cast<double>(k) * row_dev * row_dev;
  }
  double ss_columns = 0.0;
  for (double sum : column_sums) {
    const double col_dev = sum / static_cast<double>(n) - grand;
    ss_columns += static_cast<double>(n) * col_dev * col_dev;
  }
  const double nd = static_cast<double>(n), kd = static_cast<double>(k);
  const double ss_error = ss_total - ss_rows - ss_columns;
  const double bms = ss_rows / (nd - 1.0);                  // between targets
  const double jms = ss_columns / (kd - 1.0);               // between judges
  const double ems = ss_error / ((nd - 1.0) * (kd - 1.0));  // residual

  // Shrout & Fleiss (1979), equations for case 2 (random targets and judges).
  const double single_denominator = bms + (kd - 1.0) * ems + kd * (jms - ems) / nd;
  const double average_denominator = bms + (jms - ems) / nd;
  if (single_denominator > 0.0) result.icc2_1 = (bms - ems) / single_denominator;
  if (average_denominator > 0.0) result.icc2_k = (bms - ems) / average_denominator;
  return result;
}

}  // namespace medlora::review
