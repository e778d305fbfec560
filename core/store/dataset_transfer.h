#pragma once
// Moving datasets in and out of a workspace: import files into a (new or existing) dataset,
// export its records for training, and split them into train / validation / test files.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/data/dataset_export.h"
#include "core/data/dataset_importer.h"
#include "core/data/dataset_split.h"
#include "core/store/record_types.h"

namespace medlora::store {

class Workspace;

struct DatasetImport {
  int64_t dataset_id = 0;
  std::string dataset_name;
  bool created = false;  // false: records were added to an existing dataset of that name
  int64_t imported = 0;
  int64_t skipped = 0;
  std::vector<data::ImportProblem> errors;
  std::map<std::string, int64_t> skipped_by_reason;
  bool cancelled = false;  // nothing was written
};
// Reads `paths` and inserts the records as pending, with an "import" operation-log entry, all in
// one transaction (a cancel, an error or a killed process leaves the workspace as it was).
// `name` empty: the first path's file or folder name (made unique). An existing dataset of
// that name receives the records. `progress` sees reading as 0..700 and storing as 700..1000
// of 1000. Throws what import_paths throws, and StoreError.
DatasetImport import_into_workspace(Workspace& workspace, const std::string& name,
                                    const std::vector<std::filesystem::path>& paths, const data::ImportOptions& options,
                                    const ProgressCallback& progress = {});

// Finds a dataset by id ("7") or by name; throws StoreError listing the datasets otherwise.
int64_t resolve_dataset(Workspace& workspace, const std::string& id_or_name);

// Writes the dataset's records (approved only unless `approved_only` is false) with a manifest,
// and logs an "export" operation.
data::ExportManifest export_dataset(Workspace& workspace, int64_t dataset_id, const std::filesystem::path& file,
                                    data::ExportFormat format, bool approved_only);

struct SplitFiles {
  std::map<std::string, data::ExportManifest> parts;  // "train", "validation", "test" -> manifest
  std::map<std::string, std::filesystem::path> files;
};
// Stratified split written as train / validation (/ test when spec.test > 0) files in
// `out_dir` with the format's extension, each with its manifest; logs a "split" operation.
SplitFiles split_dataset(Workspace& workspace, int64_t dataset_id, const data::SplitSpec& spec,
                         const std::filesystem::path& out_dir, data::ExportFormat format, bool approved_only);
// The same split into the files `file_for_part("train" | "validation" | "test")` names (the
// Datasets panel's "out.jsonl" -> "out_train.jsonl", ...); logs a "split" operation with the files.
SplitFiles split_dataset(Workspace& workspace, int64_t dataset_id, const data::SplitSpec& spec,
                         const std::function<std::filesystem::path(const std::string& part)>& file_for_part,
                         data::ExportFormat format, bool approved_only);

}  // namespace medlora::store
