#pragma once
// The curation steps of a stored dataset, shared by `medlora dataset ...` and the Datasets panel:
// each loads the dataset, asks core/data for a plan (a preview of every change), and, when asked
// to apply, writes exactly that plan in one transaction together with its operation-log entry.
// The apply_* functions write a plan that was previewed earlier (the panel's dialogs plan on one
// thread and apply on another); the *_dataset functions with apply = true call them too, so the
// CLI and the GUI write the same edits and the same log entries ("clean" + "clean-drop",
// "dedup" + "dedup-delete", "scrub", "tag", "terms"). An apply_* call is one transaction and
// joins the caller's. `ids[i]` is the record a plan's index i refers to, `texts[i]` its text as
// planned. Same thread rule as Workspace.
#include <cstdint>
#include <string>
#include <vector>

#include "core/data/category_tagger.h"
#include "core/data/near_duplicates.h"
#include "core/data/pii_scrubber.h"
#include "core/data/term_standardiser.h"
#include "core/data/text_cleaning.h"
#include "core/store/record_types.h"

namespace medlora::store {

class Workspace;

// A dataset's records in id order: index i of a plan refers to ids[i].
struct LoadedDataset {
  int64_t dataset_id = 0;
  std::vector<int64_t> ids;
  std::vector<data::RecordText> texts;
  std::vector<data::ReviewStatus> statuses;
};
// Throws StoreError for an unknown dataset.
LoadedDataset load_dataset(Workspace& workspace, int64_t dataset_id);

// Every outcome carries the records' ids so that a preview can name them.
struct CleanOutcome {
  std::vector<int64_t> ids;
  data::CleaningResult plan;
  int64_t changed = 0;  // records rewritten (when applied)
  int64_t deleted = 0;  // records dropped (when applied)
};
struct CleanApplied {
  int64_t changed = 0;
  int64_t deleted = 0;
};
CleanApplied apply_cleaning(Workspace& workspace, int64_t dataset_id, const std::vector<int64_t>& ids,
                            const data::CleaningResult& plan, const data::CleaningRules& rules,
                            const std::string& editor);
CleanOutcome clean_dataset(Workspace& workspace, int64_t dataset_id, const data::CleaningRules& rules, bool apply,
                           const std::string& editor);

// What applying a dedup does to the duplicates: delete them, or only flag them ("dup",
// "near-dup") for a person to decide.
enum class DuplicateAction { Delete, Flag };
struct DedupOutcome {
  std::vector<int64_t> ids;
  data::DedupResult plan;
  int64_t deleted = 0;
  int64_t flagged = 0;
};
struct DedupApplied {
  int64_t deleted = 0;
  int64_t flagged = 0;
};
// `prefer_approved`: whether the plan was made preferring approved records (logged).
DedupApplied apply_dedup(Workspace& workspace, int64_t dataset_id, const std::vector<int64_t>& ids,
                         const data::DedupResult& plan, const data::NearDupOptions& options, bool near,
                         bool prefer_approved, DuplicateAction action);
// Approved records are preferred as the copy kept. `progress` as for find_duplicates; a cancel
// leaves the workspace untouched (plan.cancelled).
DedupOutcome dedup_dataset(Workspace& workspace, int64_t dataset_id, const data::NearDupOptions& options, bool near,
                           DuplicateAction action, bool apply, const ProgressCallback& progress = {});

struct ScrubOutcome {
  std::vector<int64_t> ids;
  data::ScrubResult plan;
  int64_t changed = 0;
};
// Returns the records changed.
int64_t apply_scrub(Workspace& workspace, int64_t dataset_id, const std::vector<int64_t>& ids,
                    const std::vector<data::RecordText>& texts, const data::ScrubResult& plan,
                    const data::PiiRules& rules, const std::string& editor);
// Applying masks the text, logs every masking (hashed, see MaskingInput) and flags the record "pii".
ScrubOutcome scrub_dataset(Workspace& workspace, int64_t dataset_id, const data::PiiRules& rules, bool apply,
                           const std::string& editor);

// Tags with the workspace's categories (CategoryRepository::rules()).
struct TagOutcome {
  std::vector<int64_t> ids;
  data::TagPlan plan;
  int64_t changed = 0;
};
// Returns the records changed.
int64_t apply_tagging(Workspace& workspace, int64_t dataset_id, const std::vector<int64_t>& ids,
                      const std::vector<data::RecordText>& texts, const data::TagPlan& plan, bool overwrite_existing,
                      const std::string& editor);
TagOutcome tag_dataset(Workspace& workspace, int64_t dataset_id, bool overwrite_existing, bool apply,
                       const std::string& editor);
// Coverage of the dataset's categories against the workspace's rules (approved only or all).
std::vector<data::CoverageRow> dataset_coverage(Workspace& workspace, int64_t dataset_id, bool approved_only);

struct TermOutcome {
  std::vector<int64_t> ids;
  data::TermPlan plan;
  int64_t changed = 0;
};
// Returns the records changed.
int64_t apply_term_standardisation(Workspace& workspace, int64_t dataset_id, const std::vector<int64_t>& ids,
                                   const data::TermPlan& plan, const std::string& editor);
// Uses the workspace's term dictionary.
TermOutcome standardise_terms(Workspace& workspace, int64_t dataset_id, bool apply, const std::string& editor);

struct AugmentOutcome {
  std::vector<data::RecordText> created;  // synthetic, metadata["augmented_from"] = source record id
  int64_t inserted = 0;
};
// Synonym replacement from the term dictionary; applying inserts the synthetic records (pending).
AugmentOutcome augment_dataset(Workspace& workspace, int64_t dataset_id, int per_record, uint64_t seed, bool apply);

}  // namespace medlora::store
