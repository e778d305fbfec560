#pragma once
// Where a new study's questions and answers come from: a chat tester test-set run of the
// workspace (one system per configuration), a dataset (its questions, with its reference answers
// as the one system "reference"), or a JSON-lines answers file. create_study_from_source() makes
// the study and adds the answers in ONE transaction, so a bad source leaves no empty study
// behind. Meant for a worker thread: it opens its own workspace connection.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store/dataset_repository.h"
#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"
#include "core/store/test_set_runs.h"

namespace medlora::ui {

enum class StudySource { TestSetRun, Dataset, AnswersFile };

struct NewStudyRequest {
  std::string name;
  StudySource source = StudySource::AnswersFile;
  int64_t run_id = 0;         // StudySource::TestSetRun
  int64_t dataset_id = 0;     // StudySource::Dataset
  bool approved_only = false;  //   only records a doctor approved
  int max_questions = 0;      //   the first N records by id; 0 = all
  std::string answers_file;   // StudySource::AnswersFile
  int reviewers_per_answer = 3;
  bool reference_as_system = true;  // ignored for a dataset: its reference IS the system
  std::optional<uint64_t> seed;     // blinding codes and orders; random when empty
};

struct NewStudyResult {
  int64_t study_id = 0;
  store::AnswersAdded added;
};

// A test-set run's "done" answers; each configuration becomes a system whose metadata is the
// configuration's JSON (never shown to a reviewer).
std::vector<store::AnswerInput> answers_from_test_run(const store::TestSetRun& run);
// One answer per record: the question is the instruction (and the input, when there is one),
// the answer is the record's output, from the system "reference" (kind reference). Records with
// an empty question or output are left out. `max_questions` 0 = all.
std::vector<store::AnswerInput> answers_from_records(const std::vector<store::StoredRecord>& records,
                                                     int max_questions);

// Throws std::invalid_argument for a missing name or source, and whatever the store throws (the
// study is then not created).
NewStudyResult create_study_from_source(const std::string& workspace_file, const store::ReviewerAccount& lead,
                                        const NewStudyRequest& request);

}  // namespace medlora::ui
