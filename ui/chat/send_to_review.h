#pragma once
// "Send to review": turns a chat test-set run (core/store/test_set_runs.h) into a new blind
// review study (core/store/review_study_repository.h). Each configuration of the run becomes a
// system under test named after its label, with its kind read from the configuration JSON
// (base / adapter / merged, see review_system_kind()) and that JSON as its metadata (which
// reviewers never see); optionally the reference answers become a system "reference".
// Reviewers are assigned afterwards, in the Review panel.
#include <QString>

#include <cstdint>
#include <string>

#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"
#include "core/store/test_set_runs.h"

class QWidget;

namespace medlora::store {
class Workspace;
}

namespace medlora::ui {

struct SendToReviewOptions {
  QString study_name;
  int reviewers_per_answer = 3;
  bool reference_as_system = false;
  // A run with answers still missing (not generated, stopped or failed, or empty) is refused
  // unless this is set; then only the finished answers are sent.
  bool only_finished_answers = false;
};

struct SendToReviewResult {
  int64_t study_id = 0;
  QString study_name;
  store::AnswersAdded added;  // questions, systems and answers the study received
  int missing_answers = 0;    // answers of the run that were not sent
};

// The review kind of a configuration from its JSON (the chat tester writes {"label", "model_dir",
// "mode": "base"|"adapter"|"routed", "adapters": [...], "settings": {...}}): its "kind" member
// when that is "base", "adapter" or "merged"; else by "mode": "adapter" and "routed" give
// "adapter", "base" gives "base"; without a mode, "adapter" when it names an adapter ("adapter"
// or "adapter_dir" a non-empty string or object, "adapters"/"routed_adapters" a non-empty
// array), else "merged" when "merged" is true, else "base". JSON that is not an object gives
// "other". send_test_run_to_review() further turns "base" into "merged" when the workspace's
// model registry lists the configuration's model folder ("model_dir" or "model") as merged.
std::string review_system_kind(const std::string& config_json);

// Answers of the run that cannot be sent: pairs without a "done" answer, or with an empty one.
int missing_answer_count(const store::TestSetRun& run);

// Defaults for the options dialog: "<run name> (test set #<id>)", 3 reviewers, and the
// reference as a system when the run has reference answers.
SendToReviewOptions default_send_options(const store::TestSetRun& run);

// The work without any dialog (the seam tests drive): creates the study as `lead` and adds the
// run's answers, all in one transaction. Throws std::runtime_error for an unknown run, a run
// with nothing to send, or missing answers without `only_finished_answers`;
// std::invalid_argument / store::StoreError from the repository (an empty or taken name, a
// non-lead account ...). Nothing is written when it throws.
SendToReviewResult send_test_run_to_review(store::Workspace& workspace, const store::ReviewerAccount& lead,
                                           int64_t run_id, const SendToReviewOptions& options);

// The menu action: opens the workspace, refuses a run with missing answers unless the user agrees
// to send only the finished ones, signs in a lead (ui/review/login_dialog.h), asks the study
// name, reviewers per answer and whether the reference answer is a system, creates the study and
// says what was created. Errors are shown in message boxes. True when a study was created.
bool send_test_run_to_review(const QString& workspace_file, int64_t run_id, QWidget* parent);

}  // namespace medlora::ui
