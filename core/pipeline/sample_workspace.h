#pragma once
// The sample workspace of a new user's first hour: the bundled clinic QA data as an approved
// dataset, the bundled base model registered, the run `medlora demo` made in the Training
// history with its curves, and a small blind review study. `medlora workspace init --sample`
// and the workbench's first-start offer both call set_up_sample_workspace().
//
// Every step is idempotent: it looks for what an earlier call made (the dataset by name, the
// model and the run by folder, the study by name) and leaves it as it is, so running it twice
// changes nothing the second time.
//
// The study: a study is owned by a lead account (studies.created_by), and a new workspace has no
// account yet. So the study step needs a signed-in lead: without one it is reported "pending"
// and nothing is created; once the first (lead) account exists, calling again with that account
// (CLI: --as NAME) creates it, and so does set_up_sample_study(), which the workbench calls when
// the first lead account is created. Any lead of the workspace sees it, as with every study.
// It has no reviewers yet: the lead adds a doctor account and assigns it, as with every study.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/store/reviewer_accounts.h"

namespace medlora::store {
class Workspace;
}

namespace medlora::pipeline {

inline constexpr const char* kSampleDatasetName = "clinic_qa (sample)";
inline constexpr const char* kSampleReviewer = "sample data";
inline constexpr const char* kSampleStudyName = "Sample study";
inline constexpr int kSampleStudyQuestions = 5;

struct SampleWorkspaceOptions {
  std::filesystem::path sample_data_dir;  // empty: data::sample_data_dir()
  std::filesystem::path base_model_dir;   // empty: default_base_model_dir()
  std::filesystem::path runs_dir;         // empty: <models folder>/../runs (where `medlora demo` writes)
  std::optional<store::ReviewerAccount> lead;  // owner of the sample study; none: the study is pending
};

// What one call did. For each step: "created", "kept" (an earlier call made it) or "skipped"
// (nothing to do: no base model, no demo run), with "pending" for a study waiting for a lead.
struct SampleWorkspaceReport {
  std::string dataset_step;
  int64_t dataset_id = 0;
  int64_t records = 0;
  int64_t approved_now = 0;  // records this call approved
  std::string model_step;
  std::string model_path;
  std::string run_step;
  int64_t run_id = 0;
  std::string run_folder;
  std::string study_step;
  int64_t study_id = 0;
  int study_questions = 0;
  int study_systems = 0;
};

// Throws std::runtime_error when the sample data is missing, StoreError when the workspace
// refuses a write (each step is its own transaction: a failure leaves the earlier steps done).
SampleWorkspaceReport set_up_sample_workspace(store::Workspace& workspace, const SampleWorkspaceOptions& options = {});

// The dataset step alone: the bundled clinic QA data imported as kSampleDatasetName and approved
// by kSampleReviewer ("kept" when it is there already; its pending records are approved). Only
// the dataset_* fields and records / approved_now are filled. Throws as set_up_sample_workspace.
// The Training panel's "import the sample data" offer calls it.
SampleWorkspaceReport import_sample_dataset(store::Workspace& workspace, const std::filesystem::path& sample_data_dir = {});

// The sample study alone, owned by `lead`, on a workspace where the sample was set up: its
// study_step is "created", "kept", or "skipped" when the workspace has no sample dataset (the
// user declined the sample, or deleted it); only the study_* fields and dataset_id are filled.
SampleWorkspaceReport set_up_sample_study(store::Workspace& workspace, const store::ReviewerAccount& lead);

// True when the workspace holds nothing a user made: no dataset, training run, review account or
// study (what the workbench's first-start offer asks about).
bool is_new_workspace(store::Workspace& workspace);

// The newest `demo-*` folder of `runs_dir` that has a metrics.jsonl; empty when there is none.
std::filesystem::path latest_demo_run(const std::filesystem::path& runs_dir);

}  // namespace medlora::pipeline
