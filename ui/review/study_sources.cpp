#include "ui/review/study_sources.h"

#include "core/data/dataset_record.h"

#include <stdexcept>

#include "core/store/transaction.h"
#include "core/store/workspace.h"

namespace medlora::ui {

std::vector<store::AnswerInput> answers_from_test_run(const store::TestSetRun& run) {
  std::vector<store::AnswerInput> answers;
  for (const auto& row : store::answer_rows(run)) {
    store::AnswerInput input;
    input.item = row.item;
    input.question = row.question;
    input.system = row.system;
    input.answer = row.answer;
    input.reference = row.reference;
    for (const auto& configuration : run.configurations)
      if (configuration.label == row.system) input.system_metadata_json = configuration.config_json;
    answers.push_back(std::move(input));
  }
  return answers;
}

std::vector<store::AnswerInput> answers_from_records(const std::vector<store::StoredRecord>& records,
                                                     int max_questions) {
  std::vector<store::AnswerInput> answers;
  for (const auto& record : records) {
    if (max_questions > 0 && static_cast<int>(answers.size()) >= max_questions) break;
    auto [question, reference] = data::question_and_answer(record.text);
    if (question.empty() || reference.empty()) continue;
    store::AnswerInput input;
    input.item = "record " + std::to_string(record.id);
    input.question = std::move(question);
    input.system = "reference";
    input.system_kind = "reference";
    input.answer = std::move(reference);
    answers.push_back(std::move(input));
  }
  return answers;
}

NewStudyResult create_study_from_source(const std::string& workspace_file, const store::ReviewerAccount& lead,
                                        const NewStudyRequest& request) {
  if (request.name.empty()) throw std::invalid_argument("the study needs a name");
  auto workspace = store::Workspace::open_for_this_thread(workspace_file);
  store::ReviewStudyRepository studies(*workspace);
  std::vector<store::AnswerInput> answers;
  std::string source;
  bool reference_as_system = request.reference_as_system;
  switch (request.source) {
    case StudySource::TestSetRun: {
      const auto run = store::TestSetRuns(*workspace).load(request.run_id);
      if (!run) throw std::invalid_argument("choose a test-set run of this workspace");
      answers = answers_from_test_run(*run);
      if (answers.empty()) throw std::invalid_argument("test-set run '" + run->summary.name + "' has no finished answers");
      source = "test-set run: " + run->summary.name;
      break;
    }
    case StudySource::Dataset: {
      store::DatasetRepository datasets(*workspace);
      const auto dataset = datasets.find_dataset(request.dataset_id);
      if (!dataset) throw std::invalid_argument("choose a dataset of this workspace");
      answers = answers_from_records(datasets.records_for_export(dataset->id, request.approved_only),
                                     request.max_questions);
      if (answers.empty())
        throw std::invalid_argument("dataset '" + dataset->name + "' has no " +
                                    (request.approved_only ? "approved " : "") + "records with a question and an answer");
      source = "dataset: " + dataset->name;
      reference_as_system = false;  // the reference answers are the system already
      break;
    }
    case StudySource::AnswersFile:
      if (request.answers_file.empty()) throw std::invalid_argument("choose a JSON-lines answers file");
      source = "file: " + request.answers_file;
      break;
  }
  store::Transaction transaction(*workspace);
  NewStudyResult result;
  result.study_id =
      studies.create_study(lead, request.name, source, request.reviewers_per_answer, request.seed);
  result.added = request.source == StudySource::AnswersFile
                     ? studies.import_answers_jsonl(lead, result.study_id, request.answers_file, reference_as_system)
                     : studies.add_answers(lead, result.study_id, answers, reference_as_system);
  transaction.commit();
  return result;
}

}  // namespace medlora::ui
