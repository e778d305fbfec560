// A dataset's history: the operation log and the PII masking log.
#include <QCryptographicHash>
#include <QSqlQuery>
#include <QVariant>

#include "core/io/json_util.h"
#include "core/store/dataset_repository.h"
#include "core/store/json_columns.h"
#include "core/store/transaction.h"

namespace medlora::store {
namespace {

QString checked_json_object(const Workspace& ws, const std::string& json, const char* what) {
  const QString checked = json_columns::object(json, "workspace " + ws.path() + ": operation " + what);
  return io::json::compact_text(io::json::object_or_empty(checked.toStdString()));
}

QString sha256_hex(const std::string& text) {
  return QString::fromLatin1(
      QCryptographicHash::hash(QByteArray::fromStdString(text), QCryptographicHash::Sha256).toHex());
}

}  // namespace

int64_t DatasetRepository::log_operation(int64_t dataset_id, const std::string& kind,
                                         const std::string& parameters_json, const std::string& counts_json) {
  if (kind.empty()) throw StoreError("workspace " + ws_.path() + ": an operation needs a kind");
  const QString parameters = checked_json_object(ws_, parameters_json, "parameters");
  const QString counts = checked_json_object(ws_, counts_json, "counts");
  Transaction transaction(ws_);
  if (!find_dataset(dataset_id))
    throw StoreError("workspace " + ws_.path() + ": no dataset with id " + std::to_string(dataset_id));
  QSqlQuery query = ws_.prepare("INSERT INTO dataset_operations (dataset_id, kind, parameters, counts, at) VALUES (?, ?, ?, ?, ?)");
  query.addBindValue(static_cast<qlonglong>(dataset_id));
  query.addBindValue(QString::fromStdString(kind));
  query.addBindValue(parameters);
  query.addBindValue(counts);
  query.addBindValue(QString::fromStdString(Workspace::now_utc()));
  ws_.exec(query);
  const int64_t id = query.lastInsertId().toLongLong();
  query.finish();
  transaction.commit();
  return id;
}

std::vector<DatasetOperation> DatasetRepository::operations(int64_t dataset_id) const {
  QSqlQuery query = ws_.prepare(
      "SELECT id, dataset_id, kind, parameters, counts, at FROM dataset_operations WHERE dataset_id = ? ORDER BY id");
  query.addBindValue(static_cast<qlonglong>(dataset_id));
  ws_.exec(query);
  std::vector<DatasetOperation> operations;
  while (query.next()) {
    DatasetOperation operation;
    operation.id = query.value(0).toLongLong();
    operation.dataset_id = query.value(1).toLongLong();
    operation.kind = query.value(2).toString().toStdString();
    operation.parameters_json = query.value(3).toString().toStdString();
    operation.counts_json = query.value(4).toString().toStdString();
    operation.at = query.value(5).toString().toStdString();
    operations.push_back(std::move(operation));
  }
  return operations;
}

void DatasetRepository::record_maskings(const std::vector<MaskingInput>& maskings) {
  Transaction transaction(ws_);
  {
    QSqlQuery query = ws_.prepare(
        "INSERT INTO record_maskings (record_id, field, kind, original_hash, replacement, at) VALUES (?, ?, ?, ?, ?, ?)");
    const QString now = QString::fromStdString(Workspace::now_utc());
    for (const MaskingInput& masking : maskings) {
      query.bindValue(0, static_cast<qlonglong>(masking.record_id));
      query.bindValue(1, QString::fromStdString(masking.field));
      query.bindValue(2, QString::fromStdString(masking.kind));
      query.bindValue(3, sha256_hex(masking.original));
      query.bindValue(4, QString::fromStdString(masking.replacement));
      query.bindValue(5, now);
      try {
        ws_.exec(query);
      } catch (const StoreError& e) {
        throw StoreError(std::string(e.what()) + " (masking of record " + std::to_string(masking.record_id) +
                         "; does that record exist?)");
      }
    }
  }
  transaction.commit();
}

std::vector<StoredMasking> DatasetRepository::maskings(int64_t record_id) const {
  QSqlQuery query = ws_.prepare(
      "SELECT id, record_id, field, kind, original_hash, replacement, at FROM record_maskings "
      "WHERE record_id = ? ORDER BY id");
  query.addBindValue(static_cast<qlonglong>(record_id));
  ws_.exec(query);
  std::vector<StoredMasking> out;
  while (query.next()) {
    StoredMasking masking;
    masking.id = query.value(0).toLongLong();
    masking.record_id = query.value(1).toLongLong();
    masking.field = query.value(2).toString().toStdString();
    masking.kind = query.value(3).toString().toStdString();
    masking.original_hash = query.value(4).toString().toStdString();
    masking.replacement = query.value(5).toString().toStdString();
    masking.at = query.value(6).toString().toStdString();
    out.push_back(std::move(masking));
  }
  return out;
}

std::map<std::string, int64_t> DatasetRepository::masking_counts(int64_t dataset_id) const {
  QSqlQuery query = ws_.prepare(
      "SELECT m.kind, count(*) FROM record_maskings m JOIN records r ON r.id = m.record_id "
      "WHERE r.dataset_id = ? GROUP BY m.kind");
  query.addBindValue(static_cast<qlonglong>(dataset_id));
  ws_.exec(query);
  std::map<std::string, int64_t> counts;
  while (query.next()) counts[query.value(0).toString().toStdString()] = query.value(1).toLongLong();
  return counts;
}

}  // namespace medlora::store
