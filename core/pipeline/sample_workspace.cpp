#include "core/pipeline/sample_workspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <fstream>
#include <stdexcept>

#include "core/data/dataset_record.h"
#include "core/data/sample_data.h"
#include "core/model/model_loader.h"
#include "core/pipeline/base_model_builder.h"
#include "core/store/dataset_repository.h"
#include "core/store/dataset_transfer.h"
#include "core/store/model_registry.h"
#include "core/store/review_study_repository.h"
#include "core/store/run_repository.h"
#include "core/store/training_run_recorder.h"
#include "core/store/transaction.h"
#include "core/store/workspace.h"

namespace medlora::pipeline {
namespace fs = std::filesystem;
namespace {

void import_dataset(store::Workspace& workspace, const fs::path& data_dir, SampleWorkspaceReport& report) {
  store::DatasetRepository datasets(workspace);
  if (auto existing = datasets.find_dataset(std::string(kSampleDatasetName))) {
    report.dataset_step = "kept";
    report.dataset_id = existing->id;
  } else {
    const fs::path file = data_dir / "clinic_qa.jsonl";
    if (!fs::exists(file))
      throw std::runtime_error("the sample data " + file.string() +
                               " is missing (reinstall MedLoRA, or point MEDLORA_SAMPLE_DATA at the sample_data folder)");
    const auto outcome = store::import_into_workspace(workspace, kSampleDatasetName, {file}, data::ImportOptions{});
    if (outcome.imported == 0) throw std::runtime_error("the sample data " + file.string() + " holds no records");
    report.dataset_step = "created";
    report.dataset_id = outcome.dataset_id;
  }
  store::RecordFilter pending;
  pending.status = data::ReviewStatus::Pending;
  const auto ids = datasets.record_ids(report.dataset_id, pending);
  if (!ids.empty()) report.approved_now = datasets.set_status(ids, data::ReviewStatus::Approved, kSampleReviewer, "");
  report.records = datasets.record_count(report.dataset_id);
}

void register_model(store::Workspace& workspace, const fs::path& dir, SampleWorkspaceReport& report) {
  report.model_path = dir.string();
  if (!model::looks_like_model_dir(dir)) {
    report.model_step = "skipped";
    return;
  }
  store::ModelRegistry registry(workspace);
  const bool known = registry.find_model_by_path(dir.string()).has_value();
  registry.register_model(dir.filename().string(), dir.string(), "base");
  report.model_step = known ? "kept" : "created";
}

// Records the demo run from its metrics.jsonl, the same lines the trainer printed, through the
// recorder the Training panel uses; one transaction, so a bad line leaves no half-recorded run.
void record_demo_run(store::Workspace& workspace, const fs::path& runs_dir, SampleWorkspaceReport& report) {
  const fs::path folder = latest_demo_run(runs_dir);
  if (folder.empty()) {
    report.run_step = "skipped";
    return;
  }
  report.run_folder = folder.string();
  store::RunRepository runs(workspace);
  if (auto existing = runs.find_by_folder(folder.string())) {
    report.run_step = "kept";
    report.run_id = existing->id;
    return;
  }
  std::string config = "{}";
  QFile config_file(QString::fromStdString((folder / "run_config.json").string()));
  if (config_file.open(QIODevice::ReadOnly)) {
    const auto doc = QJsonDocument::fromJson(config_file.readAll());
    if (doc.isObject()) config = doc.toJson(QJsonDocument::Compact).toStdString();
  }
  store::Transaction transaction(workspace);
  store::TrainingRunRecorder recorder(workspace, folder.filename().string(), folder.string(), config, false);
  std::ifstream metrics(folder / "metrics.jsonl");
  std::string line;
  while (std::getline(metrics, line)) {
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(line));
    if (doc.isObject()) recorder.record(doc.object());  // a torn last line of a killed run is left out
  }
  recorder.close("stopped");  // no-op when the log ends with "finished"
  transaction.commit();
  report.run_step = "created";
  report.run_id = recorder.run_id();
}

// The first sentence of an answer (up to and with its first 。 ！ ？ . ! ?), the second system.
std::string first_sentence(const std::string& text) {
  const QString t = QString::fromStdString(text);
  for (int i = 0; i < t.size(); ++i)
    if (QStringLiteral("。！？!?").contains(t[i]) || (t[i] == '.' && (i + 1 == t.size() || t[i + 1].isSpace())))
      return t.left(i + 1).toStdString();
  return text;
}

std::optional<int64_t> study_by_name(store::Workspace& workspace, const std::string& name) {
  auto query = workspace.prepare("SELECT id FROM studies WHERE name = ?");
  query.addBindValue(QString::fromStdString(name));
  workspace.exec(query);
  if (!query.next()) return std::nullopt;
  return query.value(0).toLongLong();
}

void create_study(store::Workspace& workspace, const std::optional<store::ReviewerAccount>& lead,
                  SampleWorkspaceReport& report) {
  if (auto existing = study_by_name(workspace, kSampleStudyName)) {
    report.study_step = "kept";
    report.study_id = *existing;
  } else if (!lead) {
    report.study_step = "pending";
    return;
  } else {
    store::DatasetRepository datasets(workspace);
    std::vector<store::AnswerInput> answers;
    int questions = 0;
    for (const auto& record : datasets.records_for_export(report.dataset_id, true)) {
      if (questions >= kSampleStudyQuestions) break;
      auto [question, reference] = data::question_and_answer(record.text);
      if (question.empty() || reference.empty()) continue;
      ++questions;
      store::AnswerInput input;
      input.item = "record " + std::to_string(record.id);
      input.question = question;
      input.system = "reference";
      input.system_kind = "reference";
      input.answer = reference;
      answers.push_back(input);
      input.system = "first sentence";
      input.system_kind = "other";
      input.system_metadata_json = R"({"how":"the first sentence of the reference answer"})";
      input.answer = first_sentence(reference);
      answers.push_back(input);
    }
    store::ReviewStudyRepository studies(workspace);
    store::Transaction transaction(workspace);
    report.study_id = studies.create_study(*lead, kSampleStudyName, "sample data: " + std::string(kSampleDatasetName), 1);
    studies.add_answers(*lead, report.study_id, answers, false);
    transaction.commit();
    report.study_step = "created";
  }
  auto counts = workspace.prepare(
      "SELECT (SELECT count(*) FROM study_questions WHERE study_id = ?), "
      "(SELECT count(*) FROM study_systems WHERE study_id = ?)");
  counts.addBindValue(qint64(report.study_id));
  counts.addBindValue(qint64(report.study_id));
  workspace.exec(counts);
  if (counts.next()) {
    report.study_questions = counts.value(0).toInt();
    report.study_systems = counts.value(1).toInt();
  }
}

}  // namespace

bool is_new_workspace(store::Workspace& workspace) {
  return workspace
             .scalar("SELECT (SELECT count(*) FROM datasets) + (SELECT count(*) FROM training_runs) + "
                     "(SELECT count(*) FROM reviewers) + (SELECT count(*) FROM studies)")
             .toLongLong() == 0;
}

fs::path latest_demo_run(const fs::path& runs_dir) {
  std::error_code error;
  if (!fs::is_directory(runs_dir, error)) return {};
  fs::path best;
  for (const auto& entry : fs::directory_iterator(runs_dir, error)) {
    const auto name = entry.path().filename().string();
    if (!entry.is_directory() || name.rfind("demo-", 0) != 0 || !fs::exists(entry.path() / "metrics.jsonl")) continue;
    if (best.empty() || name > best.filename().string()) best = entry.path();  // demo-yyyyMMdd-HHmmss sorts by time
  }
  return best;
}

SampleWorkspaceReport set_up_sample_study(store::Workspace& workspace, const store::ReviewerAccount& lead) {
  SampleWorkspaceReport report;
  const auto dataset = store::DatasetRepository(workspace).find_dataset(std::string(kSampleDatasetName));
  if (!dataset) {
    report.study_step = "skipped";
    return report;
  }
  report.dataset_id = dataset->id;
  create_study(workspace, lead, report);
  return report;
}

SampleWorkspaceReport import_sample_dataset(store::Workspace& workspace, const fs::path& sample_data_dir) {
  SampleWorkspaceReport report;
  import_dataset(workspace, sample_data_dir.empty() ? data::sample_data_dir() : sample_data_dir, report);
  return report;
}

SampleWorkspaceReport set_up_sample_workspace(store::Workspace& workspace, const SampleWorkspaceOptions& options) {
  SampleWorkspaceReport report = import_sample_dataset(workspace, options.sample_data_dir);
  register_model(workspace, options.base_model_dir.empty() ? default_base_model_dir() : options.base_model_dir, report);
  record_demo_run(workspace, options.runs_dir.empty() ? default_models_dir().parent_path() / "runs" : options.runs_dir,
                  report);
  create_study(workspace, options.lead, report);
  return report;
}

}  // namespace medlora::pipeline
