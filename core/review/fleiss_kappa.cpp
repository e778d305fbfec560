#include "core/review/fleiss_kappa.h"

#include <cstddef>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>

namespace medlora::review {

double fleiss_kappa(const std::vector<std::vector<int>>& counts) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  if (counts.empty()) return kNaN;
  const size_t categories = counts.front().size();
  if (categories == 0) throw std::invalid_argument("Fleiss' kappa needs at least one category");
  int raters = -1;
  for (size_t i = 0; i < counts.size(); ++i) {
    if (counts[i].size() != categories)
      throw std::invalid_argument("Fleiss' kappa: subject " + std::to_string(i + 1) + " has " +
                                  std::to_string(counts[i].size()) + " categories, expected " +
                                  std::to_string(categories));
    int total = 0;
    for (int c : counts[i]) {
      if (c < 0) throw std::invalid_argument("Fleiss' kappa: negative count for subject " + std::to_string(i + 1));
      total += c;
    }
    if (raters < 0) raters = total;
    if (total != raters)
      throw std::invalid_argument("Fleiss' kappa needs the same number of ratings per subject: subject " +
                                  std::to_string(i + 1) + " has " + std::to_string(total) + ", expected " +
                                  std::to_string(raters));
  }
  if (raters < 2) throw std::invalid_argument("Fleiss' kappa needs at least two ratings per subject");

  const double n = raters, subjects = static_cast<double>(counts.size());
  std::vector<double> category_totals(categories, 0.0);
  double observed = 0.0;  // sum over subjects of P_i
  for (const auto& row : counts) {
    double agreeing_pairs = 0.0;
    for (size_t j = 0; j < categories; ++j) {
      agreeing_pairs += static_cast<double>(row[j]) * (row[j] - 1);
      category_totals[j] += row[j];
    }
    observed += agreeing_pairs / (n * (n - 1.0));
  }
  const double p_bar = observed / subjects;
  double p_e = 0.0;
  for (double total : category_totals) {
    const double p_j = total / (subjects * n);
    p_e += p_j * p_j;
  }
  if (!(p_e < 1.0)) return kNaN;
  return (p_bar - p_e) / (1.0 - p_e);
}

CommonRaterSubjects subjects_with_common_rater_count(const std::vector<std::vector<int>>& counts) {
  std::map<int, int> subjects_by_total;
  std::vector<int> totals(counts.size(), 0);
  for (size_t i = 0; i < counts.size(); ++i) {
    for (int c : counts[i]) totals[i] += c;
    if (totals[i] >= 2) ++subjects_by_total[totals[i]];
  }
  CommonRaterSubjects result;
  int best_subjects = 0;
  for (const auto& [total, subjects] : subjects_by_total)
    if (subjects >= best_subjects) {  // ascending totals: ">=" keeps the larger total on a tie
      best_subjects = subjects;
      result.raters_per_subject = total;
    }
  for (size_t i = 0; i < counts.size(); ++i)
    if (result.raters_per_subject > 0 && totals[i] == result.raters_per_subject) result.counts.push_back(counts[i]);
  return result;
}

}  // namespace medlora::review
