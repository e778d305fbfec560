// set_up_sample_workspace on a temp workspace, with a fake demo run folder and a fake base model
// folder: what the first call makes, and that a second (and third) call changes nothing.
#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <filesystem>
#include <fstream>

#include "core/data/sample_data.h"
#include "core/pipeline/sample_workspace.h"
#include "core/store/dataset_repository.h"
#include "core/store/model_registry.h"
#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"
#include "core/store/run_repository.h"
#include "core/store/workspace.h"

namespace medlora::pipeline {
namespace {
namespace fs = std::filesystem;

class SampleWorkspaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir_.isValid());
    root_ = dir_.path().toStdString();
    options_.sample_data_dir = data::sample_data_dir();
    options_.base_model_dir = root_ / "models" / "medlora-base";
    fs::create_directories(options_.base_model_dir);
    std::ofstream(options_.base_model_dir / "config.json") << "{}";
    std::ofstream(options_.base_model_dir / "model.safetensors") << "";
    options_.runs_dir = root_ / "runs";
    write_run("demo-20260101-090000", 1.0);  // older: not the one recorded
    write_run("demo-20260102-090000", 2.0);
    workspace_ = std::make_unique<store::Workspace>((root_ / "ws.medlora").string());
  }

  void write_run(const std::string& name, double loss) {
    fs::create_directories(options_.runs_dir / name);
    std::ofstream out(options_.runs_dir / name / "metrics.jsonl");
    out << R"({"event":"started","step":0,"total_steps":20})" << "\n"
        << R"({"step":10,"loss":)" << loss << R"(,"learning_rate":0.001,"epoch":0.5})" << "\n"
        << R"({"step":20,"loss":)" << loss / 2 << R"(,"learning_rate":0.0005,"epoch":1.0})" << "\n"
        << R"({"step":20,"eval_loss":1.25,"eval_perplexity":3.49})" << "\n"
        << R"({"event":"finished","step":20,"best_eval_loss":1.25,"reason":"done"})" << "\n";
  }

  QTemporaryDir dir_;
  fs::path root_;
  SampleWorkspaceOptions options_;
  std::unique_ptr<store::Workspace> workspace_;
};

TEST_F(SampleWorkspaceTest, FirstCallMakesEverythingButTheStudyWithoutALead) {
  const auto report = set_up_sample_workspace(*workspace_, options_);
  EXPECT_EQ(report.dataset_step, "created");
  EXPECT_GT(report.records, 10);
  EXPECT_EQ(report.approved_now, report.records);

  store::DatasetRepository datasets(*workspace_);
  const auto dataset = datasets.find_dataset(std::string(kSampleDatasetName));
  ASSERT_TRUE(dataset);
  EXPECT_EQ(dataset->approved, dataset->total);
  EXPECT_EQ(dataset->pending, 0);
  for (const auto& record : datasets.records_for_export(dataset->id, false)) EXPECT_EQ(record.reviewer, kSampleReviewer);

  EXPECT_EQ(report.model_step, "created");
  const auto model = store::ModelRegistry(*workspace_).find_model_by_path(options_.base_model_dir.string());
  ASSERT_TRUE(model);
  EXPECT_EQ(model->kind, "base");

  EXPECT_EQ(report.run_step, "created");
  store::RunRepository runs(*workspace_);
  const auto run = runs.find(report.run_id);
  ASSERT_TRUE(run);
  EXPECT_EQ(run->folder, (options_.runs_dir / "demo-20260102-090000").string());
  EXPECT_EQ(run->status, "finished");
  ASSERT_TRUE(run->best_eval_loss);
  EXPECT_DOUBLE_EQ(*run->best_eval_loss, 1.25);
  const auto loss = runs.metric(run->id, "train", "loss");
  ASSERT_EQ(loss.size(), 2u);
  EXPECT_DOUBLE_EQ(loss[0].value, 2.0);
  EXPECT_EQ(runs.metric(run->id, "eval", "eval_loss").size(), 1u);

  EXPECT_EQ(report.study_step, "pending");
  EXPECT_EQ(report.study_id, 0);
}

TEST_F(SampleWorkspaceTest, StudyForTheFirstLeadAndEveryStepIdempotent) {
  set_up_sample_workspace(*workspace_, options_);
  store::ReviewerAccounts accounts(*workspace_, 1000);
  options_.lead = accounts.create_first_lead("lead-li", "lead-password");

  const auto second = set_up_sample_workspace(*workspace_, options_);
  EXPECT_EQ(second.dataset_step, "kept");
  EXPECT_EQ(second.approved_now, 0);
  EXPECT_EQ(second.model_step, "kept");
  EXPECT_EQ(second.run_step, "kept");
  EXPECT_EQ(second.study_step, "created");
  EXPECT_EQ(second.study_questions, kSampleStudyQuestions);
  EXPECT_EQ(second.study_systems, 2);

  store::ReviewStudyRepository studies(*workspace_);
  const auto summary = studies.study(*options_.lead, second.study_id);
  EXPECT_EQ(summary.name, kSampleStudyName);
  EXPECT_EQ(summary.answers, 2 * kSampleStudyQuestions);
  EXPECT_EQ(summary.status, "open");

  const auto third = set_up_sample_workspace(*workspace_, options_);
  EXPECT_EQ(third.study_step, "kept");
  EXPECT_EQ(third.study_id, second.study_id);
  EXPECT_EQ(third.dataset_id, second.dataset_id);
  EXPECT_EQ(third.records, second.records);
  EXPECT_EQ(store::DatasetRepository(*workspace_).list_datasets().size(), 1u);
  EXPECT_EQ(store::RunRepository(*workspace_).list().size(), 1u);
  EXPECT_EQ(store::ModelRegistry(*workspace_).models().size(), 1u);
  EXPECT_EQ(studies.list_studies(*options_.lead).size(), 1u);
}

TEST_F(SampleWorkspaceTest, SampleStudyAloneForTheFirstLeadOnlyWhereTheSampleIs) {
  store::ReviewerAccounts accounts(*workspace_, 1000);
  const auto lead = accounts.create_first_lead("lead-li", "lead-password");
  // No sample dataset (the user declined the sample): nothing to build the study from.
  const auto none = set_up_sample_study(*workspace_, lead);
  EXPECT_EQ(none.study_step, "skipped");
  EXPECT_TRUE(store::ReviewStudyRepository(*workspace_).list_studies(lead).empty());

  const auto sample = set_up_sample_workspace(*workspace_, options_);
  const auto study = set_up_sample_study(*workspace_, lead);
  EXPECT_EQ(study.study_step, "created");
  EXPECT_EQ(study.dataset_id, sample.dataset_id);
  EXPECT_EQ(study.study_questions, kSampleStudyQuestions);
  EXPECT_EQ(study.study_systems, 2);
  EXPECT_EQ(store::ReviewStudyRepository(*workspace_).study(lead, study.study_id).created_by, "lead-li");
  const auto again = set_up_sample_study(*workspace_, lead);
  EXPECT_EQ(again.study_step, "kept");
  EXPECT_EQ(again.study_id, study.study_id);
}

TEST_F(SampleWorkspaceTest, NoBaseModelAndNoDemoRunAreSkipped) {
  options_.base_model_dir = root_ / "nowhere";
  options_.runs_dir = root_ / "no-runs";
  const auto report = set_up_sample_workspace(*workspace_, options_);
  EXPECT_EQ(report.model_step, "skipped");
  EXPECT_EQ(report.run_step, "skipped");
  EXPECT_TRUE(store::ModelRegistry(*workspace_).models().empty());
  EXPECT_TRUE(store::RunRepository(*workspace_).list().empty());
}

TEST_F(SampleWorkspaceTest, SampleDatasetAloneImportsAndApprovesOnlyTheData) {
  const auto first = import_sample_dataset(*workspace_, options_.sample_data_dir);
  EXPECT_EQ(first.dataset_step, "created");
  EXPECT_GT(first.records, 10);
  EXPECT_EQ(first.approved_now, first.records);
  const auto dataset = store::DatasetRepository(*workspace_).find_dataset(std::string(kSampleDatasetName));
  ASSERT_TRUE(dataset);
  EXPECT_EQ(dataset->id, first.dataset_id);
  EXPECT_EQ(dataset->approved, dataset->total);
  EXPECT_TRUE(store::ModelRegistry(*workspace_).models().empty());
  EXPECT_TRUE(store::RunRepository(*workspace_).list().empty());
  const auto again = import_sample_dataset(*workspace_, options_.sample_data_dir);
  EXPECT_EQ(again.dataset_step, "kept");
  EXPECT_EQ(again.dataset_id, first.dataset_id);
  EXPECT_EQ(again.approved_now, 0);
  EXPECT_EQ(store::DatasetRepository(*workspace_).list_datasets().size(), size_t{1});
}

TEST_F(SampleWorkspaceTest, MissingSampleDataIsAClearError) {
  options_.sample_data_dir = root_ / "no-sample-data";
  try {
    set_up_sample_workspace(*workspace_, options_);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("clinic_qa.jsonl"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(store::DatasetRepository(*workspace_).list_datasets().empty());
}

}  // namespace
}  // namespace medlora::pipeline
