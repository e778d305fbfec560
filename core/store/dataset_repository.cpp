// Datasets, record import and the read side (counts, pages, export).
#include "core/store/dataset_repository.h"

#include <QSqlQuery>
#include <QVariant>

#include "core/store/record_rows.h"
#include "core/store/search_index.h"
#include "core/store/transaction.h"

namespace medlora::store {
namespace {

constexpr int64_t kProgressEvery = 1000;
// Up to this many unindexed records are indexed within the import itself (well under a second);
// beyond it SearchIndex::update() does it later (see search_index.h).
constexpr int64_t kIndexInline = 1000;

const char* kDatasetSummarySelect =
    "SELECT d.id, d.name, d.source, d.created_at, count(r.id), "
    "coalesce(sum(r.status = 'pending'), 0), coalesce(sum(r.status = 'approved'), 0), "
    "coalesce(sum(r.status = 'rejected'), 0), coalesce(sum(r.status = 'needs-edit'), 0) "
    "FROM datasets d LEFT JOIN records r ON r.dataset_id = d.id";

DatasetSummary read_summary(const QSqlQuery& query) {
  DatasetSummary summary;
  summary.id = query.value(0).toLongLong();
  summary.name = query.value(1).toString().toStdString();
  summary.source = query.value(2).toString().toStdString();
  summary.created_at = query.value(3).toString().toStdString();
  summary.total = query.value(4).toLongLong();
  summary.pending = query.value(5).toLongLong();
  summary.approved = query.value(6).toLongLong();
  summary.rejected = query.value(7).toLongLong();
  summary.needs_edit = query.value(8).toLongLong();
  return summary;
}

void require_dataset(const Workspace& ws, int64_t dataset_id) {
  QSqlQuery query = ws.prepare("SELECT 1 FROM datasets WHERE id = ?");
  query.addBindValue(static_cast<qlonglong>(dataset_id));
  ws.exec(query);
  if (!query.next())
    throw StoreError("workspace " + ws.path() + ": no dataset with id " + std::to_string(dataset_id));
}

}  // namespace

int64_t DatasetRepository::create_dataset(const std::string& name, const std::string& source) {
  if (name.empty()) throw StoreError("workspace " + ws_.path() + ": a dataset needs a name");
  Transaction transaction(ws_);
  if (const auto existing = find_dataset(name))
    throw StoreError("workspace " + ws_.path() + ": a dataset named '" + name + "' already exists (id " +
                     std::to_string(existing->id) + "); choose another name or delete that one");
  QSqlQuery query = ws_.prepare("INSERT INTO datasets (name, source, created_at) VALUES (?, ?, ?)");
  query.addBindValue(QString::fromStdString(name));
  query.addBindValue(QString::fromStdString(source));
  query.addBindValue(QString::fromStdString(Workspace::now_utc()));
  ws_.exec(query);
  const int64_t id = query.lastInsertId().toLongLong();
  transaction.commit();
  return id;
}

std::vector<DatasetSummary> DatasetRepository::list_datasets() const {
  QSqlQuery query = ws_.prepare(QString(kDatasetSummarySelect) + " GROUP BY d.id ORDER BY d.id");
  ws_.exec(query);
  std::vector<DatasetSummary> datasets;
  while (query.next()) datasets.push_back(read_summary(query));
  return datasets;
}

std::optional<DatasetSummary> DatasetRepository::find_dataset(int64_t id) const {
  QSqlQuery query = ws_.prepare(QString(kDatasetSummarySelect) + " WHERE d.id = ? GROUP BY d.id");
  query.addBindValue(static_cast<qlonglong>(id));
  ws_.exec(query);
  if (!query.next()) return std::nullopt;
  return read_summary(query);
}

std::optional<DatasetSummary> DatasetRepository::find_dataset(const std::string& name) const {
  QSqlQuery query = ws_.prepare(QString(kDatasetSummarySelect) + " WHERE d.name = ? GROUP BY d.id");
  query.addBindValue(QString::fromStdString(name));
  ws_.exec(query);
  if (!query.next()) return std::nullopt;
  return read_summary(query);
}

bool DatasetRepository::delete_dataset(int64_t dataset_id) {
  Transaction transaction(ws_);
  {
    QSqlQuery indexed = ws_.prepare(
        "SELECT count(*) FROM records WHERE dataset_id = ? AND id <= (SELECT indexed_through FROM search_index_state)");
    indexed.addBindValue(static_cast<qlonglong>(dataset_id));
    ws_.exec(indexed);
    indexed.next();
    if (indexed.value(0).toLongLong() > SearchIndex::kResetThreshold) SearchIndex(ws_).reset();
  }
  QSqlQuery query = ws_.prepare("DELETE FROM datasets WHERE id = ?");
  query.addBindValue(static_cast<qlonglong>(dataset_id));
  ws_.exec(query);
  const bool deleted = query.numRowsAffected() > 0;
  transaction.commit();
  return deleted;
}

InsertResult DatasetRepository::insert_records(int64_t dataset_id, const std::vector<data::RecordText>& records,
                                               const ProgressCallback& progress) {
  InsertResult result;
  const int64_t total = static_cast<int64_t>(records.size());
  Transaction transaction(ws_);
  require_dataset(ws_, dataset_id);
  QSqlQuery query = ws_.prepare(
      "INSERT INTO records (dataset_id, instruction, input, output, category, synthetic, metadata, "
      "content_hash, created_at, updated_at, messages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  const QString now = QString::fromStdString(Workspace::now_utc());
  const QVariant dataset = static_cast<qlonglong>(dataset_id);
  result.ids.reserve(records.size());
  for (int64_t i = 0; i < total; ++i) {
    const data::RecordText& record = records[static_cast<size_t>(i)];
    query.bindValue(0, dataset);
    query.bindValue(1, QString::fromStdString(record.instruction));
    query.bindValue(2, QString::fromStdString(record.input));
    query.bindValue(3, QString::fromStdString(record.output));
    query.bindValue(4, QString::fromStdString(record.category));
    query.bindValue(5, record.synthetic ? 1 : 0);
    query.bindValue(6, rows::metadata_to_json(record.metadata));
    query.bindValue(7, QString::fromStdString(record_content_hash(record)));
    query.bindValue(8, now);
    query.bindValue(9, now);
    query.bindValue(10, rows::messages_to_json(record.messages));
    ws_.exec(query);
    result.ids.push_back(query.lastInsertId().toLongLong());
    const int64_t done = i + 1;
    if (progress && (done % kProgressEvery == 0 || done == total) && !progress(done, total)) {
      result.ids.clear();
      result.cancelled = true;
      return result;  // the Transaction rolls back everything inserted so far
    }
  }
  if (progress && total == 0 && !progress(0, 0)) {
    result.cancelled = true;
    return result;
  }
  query.finish();
  SearchIndex index(ws_);
  if (index.pending() <= kIndexInline) index.update();
  transaction.commit();
  return result;
}

int64_t DatasetRepository::record_count(int64_t dataset_id, const RecordFilter& filter) const {
  const rows::WhereClause where = rows::where_clause(dataset_id, filter);
  QSqlQuery query = ws_.prepare("SELECT count(*) FROM records r WHERE " + where.sql);
  where.bind_to(query);
  ws_.exec(query);
  return query.next() ? query.value(0).toLongLong() : 0;
}

std::vector<StoredRecord> DatasetRepository::page(int64_t dataset_id, const RecordFilter& filter, int64_t offset,
                                                  int64_t limit) const {
  if (offset < 0 || limit < 0) throw std::invalid_argument("page(): offset and limit must not be negative");
  const rows::WhereClause where = rows::where_clause(dataset_id, filter);
  QSqlQuery query = ws_.prepare(QString("SELECT %1 FROM records r WHERE %2 ORDER BY r.id LIMIT ? OFFSET ?")
                                    .arg(rows::kRecordColumns, where.sql));
  query.setForwardOnly(true);
  where.bind_to(query);
  query.addBindValue(static_cast<qlonglong>(limit));
  query.addBindValue(static_cast<qlonglong>(offset));
  ws_.exec(query);
  std::vector<StoredRecord> records;
  while (query.next()) records.push_back(rows::read_record(query));
  return records;
}

std::vector<int64_t> DatasetRepository::record_ids(int64_t dataset_id, const RecordFilter& filter) const {
  const rows::WhereClause where = rows::where_clause(dataset_id, filter);
  QSqlQuery query = ws_.prepare("SELECT r.id FROM records r WHERE " + where.sql + " ORDER BY r.id");
  query.setForwardOnly(true);
  where.bind_to(query);
  ws_.exec(query);
  std::vector<int64_t> ids;
  while (query.next()) ids.push_back(query.value(0).toLongLong());
  return ids;
}

std::optional<StoredRecord> DatasetRepository::get_record(int64_t record_id) const {
  QSqlQuery query = ws_.prepare(QString("SELECT %1 FROM records r WHERE r.id = ?").arg(rows::kRecordColumns));
  query.addBindValue(static_cast<qlonglong>(record_id));
  ws_.exec(query);
  if (!query.next()) return std::nullopt;
  return rows::read_record(query);
}

std::vector<StoredRecord> DatasetRepository::records_for_export(int64_t dataset_id, bool approved_only) const {
  RecordFilter filter;
  if (approved_only) filter.status = data::ReviewStatus::Approved;
  const rows::WhereClause where = rows::where_clause(dataset_id, filter);
  QSqlQuery query =
      ws_.prepare(QString("SELECT %1 FROM records r WHERE %2 ORDER BY r.id").arg(rows::kRecordColumns, where.sql));
  query.setForwardOnly(true);
  where.bind_to(query);
  ws_.exec(query);
  std::vector<StoredRecord> records;
  while (query.next()) records.push_back(rows::read_record(query));
  return records;
}

std::vector<std::pair<std::string, int64_t>> DatasetRepository::category_counts(int64_t dataset_id,
                                                                                bool approved_only) const {
  QSqlQuery query = ws_.prepare(
      QString("SELECT category, count(*) AS n FROM records WHERE dataset_id = ?%1 "
              "GROUP BY category ORDER BY n DESC, category")
          .arg(approved_only ? " AND status = 'approved'" : ""));
  query.addBindValue(static_cast<qlonglong>(dataset_id));
  ws_.exec(query);
  std::vector<std::pair<std::string, int64_t>> counts;
  while (query.next()) counts.emplace_back(query.value(0).toString().toStdString(), query.value(1).toLongLong());
  return counts;
}

}  // namespace medlora::store
