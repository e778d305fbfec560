#include "report/analysis_charts.h"

#include <cmath>
#include <set>

namespace medlora::report {

MeanBarChart mean_chart_data(const review::StudyAnalysis& analysis,
                             const std::function<QString(const std::string& axis)>& axis_label) {
  MeanBarChart chart;
  for (const auto& axis : analysis.axes) chart.categories << axis_label(axis);
  for (const auto& system : analysis.systems) {
    MeanBarSeries series;
    series.name = QString::fromStdString(system);
    for (const auto& axis : analysis.axes) {
      const auto* s = analysis.find_summary(system, axis);
      series.means.push_back(s ? s->mean : std::nan(""));
      series.ci_low.push_back(s ? s->ci_low : std::nan(""));
      series.ci_high.push_back(s ? s->ci_high : std::nan(""));
    }
    chart.series.push_back(std::move(series));
  }
  return chart;
}

std::vector<int> score_levels(const review::StudyAnalysis& analysis, const std::string& axis) {
  std::set<int> seen;
  for (const auto& s : analysis.summaries)
    if (s.axis == axis)
      for (const auto& [score, count] : s.distribution) seen.insert(score);
  if (seen.empty() || (*seen.begin() >= 1 && *seen.rbegin() <= 5)) return {1, 2, 3, 4, 5};
  return {seen.begin(), seen.end()};
}

CountBarChart distribution_chart_data(const review::StudyAnalysis& analysis, const std::string& axis) {
  CountBarChart chart;
  const auto levels = score_levels(analysis, axis);
  for (int level : levels) chart.levels << QString::number(level);
  for (const auto& system : analysis.systems) {
    CountBarSeries series;
    series.name = QString::fromStdString(system);
    const auto* s = analysis.find_summary(system, axis);
    for (int level : levels) {
      double count = 0.0;
      if (s)
        if (const auto it = s->distribution.find(level); it != s->distribution.end()) count = it->second;
      series.counts.push_back(count);
    }
    chart.series.push_back(std::move(series));
  }
  return chart;
}

}  // namespace medlora::report
