#pragma once
// A closed (or open) study's report data and statistics, gathered in one go so that the lead's
// analysis view and the report export share the same numbers. Meant for a worker thread: it
// opens its own workspace connection (Qt SQL rule) and never touches a widget.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/review/score_csv.h"
#include "core/review/study_analysis.h"
#include "core/review/study_report_data.h"
#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"

namespace medlora::ui {

struct StudyEvaluation {
  int64_t study_id = 0;
  bool closed = false;
  // Names, kinds and metadata of the systems: only for a closed study (an audited reveal),
  // empty for an open one.
  std::vector<store::StudySystem> systems;
  review::StudyReportData data;  // systems named once closed, by code before
  review::StudyAnalysis analysis;
};

// The options the lead's views use: the four study axes in screen order, the core's default
// bootstrap (2,000 resamples), permutations and seed, as `medlora review stats` does.
review::AnalysisOptions lead_analysis_options();

// Opens `workspace_file` for the calling thread, gathers the study's report data (audited as a
// reveal when the study is closed), reveals the systems of a closed study (audited) and runs
// analyse_scores. Throws what the store throws (a message a user understands).
std::shared_ptr<const StudyEvaluation> evaluate_study(const std::string& workspace_file,
                                                      const store::ReviewerAccount& lead, int64_t study_id);

}  // namespace medlora::ui
