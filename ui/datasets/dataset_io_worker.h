#pragma once
// Import and export off the GUI thread. Lives on its own QThread: call its slots through queued
// invocations and read its signals queued; request_stop() is thread-safe. Each job opens its
// own connection to the workspace file (Qt SQL connections belong to one thread), and an
// import writes its dataset in one transaction, so a stopped or failed import leaves the
// workspace as it was.
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>

#include <atomic>

namespace medlora::ui {

struct ImportRequest {
  QString workspace_file;
  QStringList paths;              // files and MedQuAD folders, read in order
  QString format = "auto";        // as parse_import_format()
  QString encoding = "auto";      // as parse_text_encoding()
  QString instruction_column, input_column, output_column, category_column;  // "" = found automatically
  qint64 dataset_id = 0;          // add to this dataset, or
  QString new_dataset_name;       // create one with this name
};

struct ImportSummary {
  qint64 dataset_id = 0;
  QString dataset_name;
  qint64 imported = 0;
  qint64 skipped = 0;
  QList<QPair<QString, QString>> errors;  // where, why
  QMap<QString, qint64> skipped_by_reason;
  bool cancelled = false;
};

struct ExportRequest {
  QString workspace_file;
  qint64 dataset_id = 0;
  QString file;                  // the data file; split parts get _train, _validation, _test before the suffix
  QString format = "jsonl";      // as parse_export_format()
  bool approved_only = true;
  bool split = false;
  double validation = 0.1;
  double test = 0.0;
  quint64 seed = 42;
};

struct ExportSummary {
  QStringList files;                 // data files written (each has a .manifest.json beside it)
  QList<QPair<QString, qint64>> parts;  // part name -> records
  qint64 records = 0;
  bool cancelled = false;
};

// The data file of one split part: "out.jsonl" + "train" -> "out_train.jsonl".
QString split_part_file(const QString& file, const QString& part);

class DatasetIoWorker : public QObject {
  Q_OBJECT

 public:
  explicit DatasetIoWorker(QObject* parent = nullptr);

  // Thread-safe. Call clear_stop() before queueing a job, so that a stop asked for right after
  // (even before the job starts) is not lost.
  void request_stop() { stop_.store(true); }
  void clear_stop() { stop_.store(false); }

 public Q_SLOTS:
  void run_import(const medlora::ui::ImportRequest& request);
  void run_export(const medlora::ui::ExportRequest& request);

 Q_SIGNALS:
  // stage: "reading", "storing", "writing"; done/total in that stage's units.
  void progress(const QString& stage, qint64 done, qint64 total);
  void import_finished(const medlora::ui::ImportSummary& summary);
  void export_finished(const medlora::ui::ExportSummary& summary);
  void failed(const QString& message);

 private:
  bool report(const QString& stage, qint64 done, qint64 total);

  std::atomic<bool> stop_{false};
  qint64 last_report_ms_ = 0;
};

}  // namespace medlora::ui

Q_DECLARE_METATYPE(medlora::ui::ImportRequest)
Q_DECLARE_METATYPE(medlora::ui::ImportSummary)
Q_DECLARE_METATYPE(medlora::ui::ExportRequest)
Q_DECLARE_METATYPE(medlora::ui::ExportSummary)
