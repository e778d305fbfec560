#include "ui/datasets/dataset_io_worker.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <filesystem>

#include "core/store/dataset_repository.h"
#include "core/store/dataset_transfer.h"
#include "core/store/workspace.h"

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

    auto workspace = store::Workspace::open_for_this_thread(request.workspace_file.toStdString());
    store::DatasetRepository repository(*workspace);
    // The store adds to the dataset it is given by name, and makes a new one otherwise.
    std::string name = request.new_dataset_name.trimmed().toStdString();
    if (request.dataset_id != 0) {
      const auto target = repository.find_dataset(request.dataset_id);
      if (!target) throw std::invalid_argument(tr("the dataset to add to no longer exists").toStdString());
      name = target->name;
    } else if (!name.empty() && repository.find_dataset(name)) {
      throw std::invalid_argument(tr("a dataset named \"%1\" exists already: choose it under \"Add to\", or give another name")
                                      .arg(QString::fromStdString(name))
                                      .toStdString());
    }
    // The same import as `medlora dataset import`: one transaction, the same log entry.
    const store::DatasetImport imported = store::import_into_workspace(
        *workspace, name, paths, options, [this](int64_t done, int64_t total) {
          constexpr int64_t kReading = 700;  // of 1000: the store's share for reading the files
          if (done < kReading) return report("reading", done, kReading);
          return report("storing", done - kReading, total - kReading);
        });
    if (imported.cancelled) {  // nothing was written
      summary.cancelled = true;
      Q_EMIT import_finished(summary);
      return;
    }
    summary.skipped = imported.skipped;
    for (const auto& problem : imported.errors)
      summary.errors.append({QString::fromStdString(problem.where), QString::fromStdString(problem.why)});
    for (const auto& [reason, count] : imported.skipped_by_reason)
      summary.skipped_by_reason.insert(QString::fromStdString(reason), count);
    summary.dataset_id = imported.dataset_id;
    summary.dataset_name = QString::fromStdString(imported.dataset_name);
    summary.imported = imported.imported;
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
    if (!store::DatasetRepository(*workspace).find_dataset(request.dataset_id))
      throw std::invalid_argument(tr("the dataset to export no longer exists").toStdString());
    if (!report("writing", 0, 1)) {
      summary.cancelled = true;
      Q_EMIT export_finished(summary);
      return;
    }
    // The same export and split as `medlora dataset export` / `split`, with the same log entries.
    if (request.split) {
      data::SplitSpec spec;
      spec.validation = request.validation;
      spec.test = request.test;
      spec.seed = request.seed;
      const store::SplitFiles written = store::split_dataset(
          *workspace, request.dataset_id, spec,
          [&request](const std::string& part) {
            return std::filesystem::path(split_part_file(request.file, QString::fromStdString(part)).toStdString());
          },
          format, request.approved_only);
      for (const char* part : {"train", "validation", "test"}) {
        const auto found = written.parts.find(part);
        if (found == written.parts.end()) continue;
        summary.files << QString::fromStdString(written.files.at(part).string());
        summary.parts.append({QString::fromLatin1(part), static_cast<qint64>(found->second.records)});
        summary.records += static_cast<qint64>(found->second.records);
      }
    } else {
      const data::ExportManifest manifest = store::export_dataset(*workspace, request.dataset_id,
                                                                  request.file.toStdString(), format, request.approved_only);
      summary.files << request.file;
      summary.parts.append({QStringLiteral("all"), static_cast<qint64>(manifest.records)});
      summary.records = static_cast<qint64>(manifest.records);
    }
    report("writing", 1, 1);
    Q_EMIT export_finished(summary);
  } catch (const std::exception& e) {
    Q_EMIT failed(QString::fromStdString(e.what()));
  }
}

}  // namespace medlora::ui
