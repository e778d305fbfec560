#include "core/store/dataset_transfer.h"

#include <QJsonArray>
#include <QJsonObject>

#include "core/io/json_util.h"
#include "core/store/dataset_repository.h"
#include "core/store/store_error.h"
#include "core/store/transaction.h"
#include "core/store/workspace.h"

namespace medlora::store {
namespace {

constexpr int64_t kProgressTotal = 1000;
constexpr int64_t kReadingShare = 700;  // of kProgressTotal; storing takes the rest

using io::json::compact;

std::string default_dataset_name(const std::vector<std::filesystem::path>& paths) {
  auto path = paths.front();
  if (!path.has_filename()) path = path.parent_path();  // "folder/" names the folder
  const std::string name = std::filesystem::is_directory(path) ? path.filename().string() : path.stem().string();
  return name.empty() ? "dataset" : name;
}

std::vector<data::RecordText> stored_texts(Workspace& workspace, int64_t dataset_id, bool approved_only) {
  std::vector<data::RecordText> texts;
  for (auto& record : DatasetRepository(workspace).records_for_export(dataset_id, approved_only))
    texts.push_back(std::move(record.text));
  return texts;
}

const char* extension_for(data::ExportFormat format) {
  return format == data::ExportFormat::TrainerJsonl ? ".jsonl" : ".json";
}

}  // namespace

DatasetImport import_into_workspace(Workspace& workspace, const std::string& name,
                                    const std::vector<std::filesystem::path>& paths, const data::ImportOptions& options,
                                    const ProgressCallback& progress) {
  if (paths.empty()) throw std::invalid_argument("nothing to import: give at least one file or folder");
  DatasetImport outcome;
  auto scaled = [&](int64_t offset, int64_t share) -> ProgressCallback {
    if (!progress) return {};
    return [&, offset, share](int64_t done, int64_t total) {
      return progress(offset + (total > 0 ? done * share / total : 0), kProgressTotal);
    };
  };
  data::ImportResult read;
  try {
    read = data::import_paths(paths, options, scaled(0, kReadingShare));
  } catch (const data::ImportCancelled&) {
    outcome.cancelled = true;
    return outcome;
  }
  outcome.skipped = read.skipped;
  outcome.errors = std::move(read.errors);
  outcome.skipped_by_reason = std::move(read.skipped_by_reason);

  DatasetRepository repository(workspace);
  Transaction transaction(workspace);
  outcome.dataset_name = name.empty() ? default_dataset_name(paths) : name;
  if (auto existing = repository.find_dataset(outcome.dataset_name); existing && !name.empty()) {
    outcome.dataset_id = existing->id;
  } else {
    // A derived name never lands in someone else's dataset: "notes", "notes (2)", ...
    const std::string base = outcome.dataset_name;
    for (int n = 2; repository.find_dataset(outcome.dataset_name); ++n)
      outcome.dataset_name = base + " (" + std::to_string(n) + ")";
    std::string source = "import:";
    for (const auto& path : paths) source += " " + path.string();
    outcome.dataset_id = repository.create_dataset(outcome.dataset_name, source);
    outcome.created = true;
  }
  const auto inserted = repository.insert_records(outcome.dataset_id, read.records, scaled(kReadingShare, kProgressTotal - kReadingShare));
  if (inserted.cancelled) {
    outcome.cancelled = true;
    return outcome;  // the transaction rolls back the new dataset too
  }
  outcome.imported = static_cast<int64_t>(inserted.ids.size());

  QJsonArray files;
  for (const auto& path : paths) files.append(QString::fromStdString(path.string()));
  QJsonObject skipped;
  for (const auto& [reason, count] : outcome.skipped_by_reason) skipped.insert(QString::fromStdString(reason), qint64(count));
  const QJsonObject parameters{{"paths", files},
                               {"format", data::import_format_name(options.format)},
                               {"encoding", data::text_encoding_name(options.encoding)}};
  const QJsonObject counts{{"imported", qint64(outcome.imported)},
                           {"skipped", qint64(outcome.skipped)},
                           {"errors", qint64(outcome.errors.size())},
                           {"skipped_by_reason", skipped}};
  repository.log_operation(outcome.dataset_id, "import", compact(parameters), compact(counts));
  transaction.commit();
  return outcome;
}

int64_t resolve_dataset(Workspace& workspace, const std::string& id_or_name) {
  DatasetRepository repository(workspace);
  std::optional<DatasetSummary> found = repository.find_dataset(id_or_name);
  if (!found && !id_or_name.empty() && id_or_name.find_first_not_of("0123456789") == std::string::npos)
    found = repository.find_dataset(std::stoll(id_or_name));
  if (found) return found->id;
  std::string known;
  for (const auto& dataset : repository.list_datasets())
    known += (known.empty() ? "" : ", ") + std::to_string(dataset.id) + " '" + dataset.name + "'";
  throw StoreError("workspace " + workspace.path() + " has no dataset '" + id_or_name + "' (it has: " +
                   (known.empty() ? "none yet; import one first" : known) + ")");
}

data::ExportManifest export_dataset(Workspace& workspace, int64_t dataset_id, const std::filesystem::path& file,
                                    data::ExportFormat format, bool approved_only) {
  const auto texts = stored_texts(workspace, dataset_id, approved_only);
  const std::vector<std::string> filters{approved_only ? "status=approved" : "status=any"};
  auto manifest = data::export_records(texts, file, format, filters);
  DatasetRepository(workspace).log_operation(
      dataset_id, "export",
      compact(QJsonObject{{"file", QString::fromStdString(file.string())},
                          {"format", data::export_format_name(format)},
                          {"approved_only", approved_only}}),
      compact(QJsonObject{{"records", qint64(manifest.records)}, {"sha256", QString::fromStdString(manifest.sha256)}}));
  return manifest;
}

namespace {

SplitFiles write_split(Workspace& workspace, int64_t dataset_id, const data::SplitSpec& spec,
                       const std::function<std::filesystem::path(const std::string& part)>& file_for_part,
                       data::ExportFormat format, bool approved_only, QJsonObject parameters) {
  const auto texts = stored_texts(workspace, dataset_id, approved_only);
  const auto assignment = data::split_stratified(texts, spec);
  SplitFiles written;
  QJsonObject counts;
  auto write_part = [&](const std::string& part, const std::vector<size_t>& indices) {
    std::vector<data::RecordText> subset;
    subset.reserve(indices.size());
    for (size_t index : indices) subset.push_back(texts[index]);
    const auto file = file_for_part(part);
    const std::vector<std::string> filters{approved_only ? "status=approved" : "status=any",
                                           "split=" + part + " seed=" + std::to_string(spec.seed)};
    written.parts[part] = data::export_records(subset, file, format, filters);
    written.files[part] = file;
    counts.insert(QString::fromStdString(part), qint64(subset.size()));
  };
  write_part("train", assignment.train);
  write_part("validation", assignment.validation);
  if (spec.test > 0) write_part("test", assignment.test);
  parameters.insert("validation", spec.validation);
  parameters.insert("test", spec.test);
  parameters.insert("seed", qint64(spec.seed));
  parameters.insert("approved_only", approved_only);
  DatasetRepository(workspace).log_operation(dataset_id, "split", compact(parameters), compact(counts));
  return written;
}

}  // namespace

SplitFiles split_dataset(Workspace& workspace, int64_t dataset_id, const data::SplitSpec& spec,
                         const std::filesystem::path& out_dir, data::ExportFormat format, bool approved_only) {
  std::filesystem::create_directories(out_dir);
  return write_split(
      workspace, dataset_id, spec, [&](const std::string& part) { return out_dir / (part + extension_for(format)); },
      format, approved_only, QJsonObject{{"out_dir", QString::fromStdString(out_dir.string())}});
}

SplitFiles split_dataset(Workspace& workspace, int64_t dataset_id, const data::SplitSpec& spec,
                         const std::function<std::filesystem::path(const std::string& part)>& file_for_part,
                         data::ExportFormat format, bool approved_only) {
  QJsonObject files;
  for (const char* part : {"train", "validation", "test"})
    if (std::string(part) != "test" || spec.test > 0)
      files.insert(part, QString::fromStdString(file_for_part(part).string()));
  return write_split(workspace, dataset_id, spec, file_for_part, format, approved_only, QJsonObject{{"files", files}});
}

}  // namespace medlora::store
