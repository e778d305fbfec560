#pragma once
// The numbers of the two study charts, taken from a StudyAnalysis: the report and the lead's
// analysis view draw the same charts, each with its own titles and labels (set by the caller).
#include <functional>
#include <string>
#include <vector>

#include "core/review/study_analysis.h"
#include "report/report_charts.h"

namespace medlora::report {

// Mean per system on every axis with the bootstrap CI; categories named by `axis_label`.
MeanBarChart mean_chart_data(const review::StudyAnalysis& analysis,
                             const std::function<QString(const std::string& axis)>& axis_label);

// The scores shown on one axis: 1..5 for the study scale (so an unused score shows as an empty
// slot), else every score that occurs.
std::vector<int> score_levels(const review::StudyAnalysis& analysis, const std::string& axis);

// Ratings per score level and system on one axis.
CountBarChart distribution_chart_data(const review::StudyAnalysis& analysis, const std::string& axis);

}  // namespace medlora::report
