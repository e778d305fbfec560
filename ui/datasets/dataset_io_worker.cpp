#include "ui/datasets/dataset_io_worker.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>

#include <filesystem>

#include "core/data/dataset_export.h"
#include "core/data/dataset_importer.h"
#include "core/data/dataset_split.h"
#include "core/store/dataset_repository.h"
#include "core/store/transaction.h"
#include "core/store/workspace.h"
#include "ui/datasets/operation_json.h"

namespace medlora::ui {

QString split_part_file(const QString& file, const QString& part) {
  const QFileInfo info(file);
  const QString suffix = info.suffix();
  const QString base = suffix.isEmpty() ? info.fileName() : info.fileName().left(info.fileName().size() - suffix.size() - 1);
  return info.dir().filePath(base + '_' + part + (suffix.isEmpty() ? QString() : '.' + suffix));
}

DatasetIoWorker::DatasetIoWorker(QObject* parent) : QObject(parent) {
  qRegisterMetaType<ImportRequest>();
  qRegisterMetaType<ImportSummary>();
  qRegisterMetaType<ExportRequest>();
  qRegisterMetaType<ExportSummary>();
}

bool DatasetIoWorker::report(const QString& stage, qint64 done, qint64 total) {
  // A signal per record would flood the GUI's event queue: at most one every 50 ms.
  const qint64 now = QDateTime::currentMSecsSinceEpoch();
  if (done == total || now - last_report_ms_ >= 50) {
    last_report_ms_ = now;
    Q_EMIT progress(stage, done, total);
  }
  return !stop_.load();
}

void DatasetIoWorker::run_import(const ImportRequest& request) {
  ImportSummary summary;
  try {
    data::ImportOptions options;
    options.format = data::parse_import_format(request.format.toStdString());
    options.encoding = data::parse_text_encoding(request.encoding.toStdString());
    options.columns.instruction = request.instruction_column.trimmed().toStdString();
    options.columns.input = request.input_column.trimmed().toStdString();
    options.columns.output = request.output_column.trimmed().toStdString();
    options.columns.category = request.category_column.trimmed().toStdString();
    std::vector<std::filesystem::path> paths;
    for (const QString& path : request.paths) paths.emplace_back(path.toStdString());
    if (paths.empty()) throw std::invalid_argument(tr("choose at least one file or folder to import").toStdString());

    data::ImportResult result;
    try {
      result = data::import_paths(paths, options,
                                  [this](int64_t done, int64_t total) { return report("reading", done, total); });
    } catch (const data::ImportCancelled&) {
      summary.cancelled = true;
      Q_EMIT import_finished(summary);
      return;
    }
    summary.skipped = result.skipped;
    for (const auto& problem : result.errors)
      summary.errors.append({QString::fromStdString(problem.where), QString::fromStdString(problem.why)});
    for (const auto& [reason, count] : result.skipped_by_reason)
      summary.skipped_by_reason.insert(QString::fromStdString(reason), count);

    auto workspace = store::Workspace::open_for_this_thread(request.workspace_file.toStdString());
    store::DatasetRepository repository(*workspace);
    // The dataset and its records appear together or not at all.
    store::Transaction transaction(*workspace);
    int64_t dataset_id = request.dataset_id;
    if (dataset_id == 0) {
      QStringList sources;
      for (const QString& path : request.paths) sources << QFileInfo(path).fileName();
      dataset_id = repository.create_dataset(request.new_dataset_name.trimmed().toStdString(),
                                             ("import: " + sources.join(", ")).toStdString());
    } else if (!repository.find_dataset(dataset_id)) {
      throw std::invalid_argument(tr("the dataset to add to no longer exists").toStdString());
    }
    const store::InsertResult inserted = repository.insert_records(
        dataset_id, result.records, [this](int64_t done, int64_t total) { return report("storing", done, total); });
    if (inserted.cancelled || stop_.load()) {
      summary.cancelled = true;
      Q_EMIT import_finished(summary);
      return;  // the transaction rolls back
    }
    QJsonObject parameters{{"format", request.format}, {"encoding", request.encoding},
                           {"paths", QJsonValue(request.paths.join("; "))}};
    QJsonObject skipped_by_reason;  // as the CLI's import logs it (store::import_into_workspace)
    for (const auto& [reason, count] : result.skipped_by_reason)
      skipped_by_reason.insert(QString::fromStdString(reason), static_cast<qint64>(count));
    QJsonObject counts{{"imported", static_cast<qint64>(inserted.ids.size())},
                       {"skipped", static_cast<qint64>(result.skipped)},
                       {"errors", static_cast<qint64>(result.errors.size())},
                       {"skipped_by_reason", skipped_by_reason}};
    repository.log_operation(dataset_id, "import", compact_json(parameters), compact_json(counts));
    transaction.commit();
    summary.dataset_id = dataset_id;
    summary.dataset_name = QString::fromStdString(repository.find_dataset(dataset_id)->name);
    summary.imported = static_cast<qint64>(inserted.ids.size());
    Q_EMIT import_finished(summary);
  } catch (const std::exception& e) {
    Q_EMIT failed(QString::fromStdString(e.what()));
  }
}

void DatasetIoWorker::run_export(const ExportRequest& request) {
  ExportSummary summary;
  try {
    const data::ExportFormat format = data::parse_export_format(request.format.toStdString());
    if (request.file.trimmed().isEmpty()) throw std::invalid_argument(tr("choose a file to export to").toStdString());
    auto workspace = store::Workspace::open_for_this_thread(request.workspace_file.toStdString());
    store::DatasetRepository repository(*workspace);
    const auto dataset = repository.find_dataset(request.dataset_id);
    if (!dataset) throw std::invalid_argument(tr("the dataset to export no longer exists").toStdString());
    report("reading", 0, 1);
    std::vector<data::RecordText> records;
    for (auto& record : repository.records_for_export(request.dataset_id, request.approved_only))
      records.push_back(std::move(record.text));
    if (!report("reading", 1, 1)) {
      summary.cancelled = true;
      Q_EMIT export_finished(summary);
      return;
    }
    std::vector<std::string> filters = {request.approved_only ? "status=approved" : "status=all",
                                        "dataset=" + dataset->name};
    std::vector<std::pair<QString, std::vector<data::RecordText>>> parts;
    if (request.split) {
      data::SplitSpec spec;
      spec.validation = request.validation;
      spec.test = request.test;
      spec.seed = request.seed;
      const data::SplitAssignment assignment = data::split_stratified(records, spec);
      const auto pick = [&records](const std::vector<size_t>& indices) {
        std::vector<data::RecordText> part;
        part.reserve(indices.size());
        for (const size_t i : indices) part.push_back(records[i]);
        return part;
      };
      parts.emplace_back("train", pick(assignment.train));
      parts.emplace_back("validation", pick(assignment.validation));
      if (spec.test > 0) parts.emplace_back("test", pick(assignment.test));
    } else {
      parts.emplace_back(QString(), std::move(records));
    }
    const qint64 total_parts = static_cast<qint64>(parts.size());
    for (qint64 i = 0; i < total_parts; ++i) {
      if (!report("writing", i, total_parts)) {
        summary.cancelled = true;
        break;
      }
      auto& [name, part] = parts[static_cast<size_t>(i)];
      const QString file = name.isEmpty() ? request.file : split_part_file(request.file, name);
      std::vector<std::string> part_filters = filters;
      if (!name.isEmpty())
        part_filters.push_back(QString("split=%1 (validation %2, test %3, seed %4, stratified by category)")
                                   .arg(name)
                                   .arg(request.validation)
                                   .arg(request.test)
                                   .arg(request.seed)
                                   .toStdString());
      data::export_records(part, file.toStdString(), format, part_filters);
      summary.files << file;
      summary.parts.append({name.isEmpty() ? QStringLiteral("all") : name, static_cast<qint64>(part.size())});
      summary.records += static_cast<qint64>(part.size());
    }
    if (!summary.cancelled) {
      report("writing", total_parts, total_parts);
      QJsonObject parameters{{"file", request.file},
                             {"format", request.format},
                             {"approved_only", request.approved_only},
                             {"split", request.split}};
      if (request.split) {
        parameters.insert("validation", request.validation);
        parameters.insert("test", request.test);
        parameters.insert("seed", QString::number(request.seed));
      }
      QJsonObject counts{{"records", summary.records}};
      for (const auto& [name, count] : summary.parts) counts.insert(name, count);
      repository.log_operation(request.dataset_id, "export", compact_json(parameters), compact_json(counts));
    }
    Q_EMIT export_finished(summary);
  } catch (const std::exception& e) {
    Q_EMIT failed(QString::fromStdString(e.what()));
  }
}

}  // namespace medlora::ui
