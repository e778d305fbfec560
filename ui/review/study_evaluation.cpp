#include "ui/review/study_evaluation.h"

#include "core/store/review_types.h"
#include "core/store/workspace.h"

namespace medlora::ui {

review::AnalysisOptions lead_analysis_options() {
  review::AnalysisOptions options;
  options.axis_order.assign(store::kReviewAxes.begin(), store::kReviewAxes.end());
  return options;
}

std::shared_ptr<const StudyEvaluation> evaluate_study(const std::string& workspace_file,
                                                      const store::ReviewerAccount& lead, int64_t study_id) {
  auto workspace = store::Workspace::open_for_this_thread(workspace_file);
  store::ReviewStudyRepository studies(*workspace);
  auto evaluation = std::make_shared<StudyEvaluation>();
  evaluation->study_id = study_id;
  evaluation->closed = studies.study(lead, study_id).status == "closed";
  if (evaluation->closed) evaluation->systems = studies.reveal(lead, study_id);
  evaluation->data = studies.report_data(lead, study_id);
  evaluation->analysis = review::analyse_scores(evaluation->data.scores, lead_analysis_options());
  return evaluation;
}

}  // namespace medlora::ui
