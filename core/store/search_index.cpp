#include "core/store/search_index.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <stdexcept>

#include "core/store/transaction.h"

namespace medlora::store {

int64_t SearchIndex::indexed_through() const {
  return ws_.scalar("SELECT indexed_through FROM search_index_state").toLongLong();
}

int64_t SearchIndex::pending() const {
  return ws_
      .scalar("SELECT count(*) FROM records WHERE id > (SELECT indexed_through FROM search_index_state)")
      .toLongLong();
}

int64_t SearchIndex::update(const ProgressCallback& progress, int64_t chunk) {
  if (chunk <= 0) throw std::invalid_argument("SearchIndex::update: chunk must be positive");
  const int64_t total = pending();
  int64_t done = 0;
  while (true) {
    Transaction transaction(ws_);
    const int64_t from = indexed_through();
    QSqlQuery range = ws_.prepare(
        "SELECT count(*), max(id) FROM (SELECT id FROM records WHERE id > ? ORDER BY id LIMIT ?)");
    range.addBindValue(static_cast<qlonglong>(from));
    range.addBindValue(static_cast<qlonglong>(chunk));
    ws_.exec(range);
    range.next();
    const int64_t count = range.value(0).toLongLong();
    const int64_t through = range.value(1).toLongLong();
    range.finish();
    if (count == 0) break;  // nothing written: the transaction just rolls back

    QSqlQuery index = ws_.prepare(
        "INSERT INTO records_fts(rowid, instruction, input, output, messages) "
        "SELECT id, instruction, input, output, messages FROM records WHERE id > ? AND id <= ?");
    index.addBindValue(static_cast<qlonglong>(from));
    index.addBindValue(static_cast<qlonglong>(through));
    ws_.exec(index);
    QSqlQuery mark = ws_.prepare("UPDATE search_index_state SET indexed_through = ?");
    mark.addBindValue(static_cast<qlonglong>(through));
    ws_.exec(mark);
    transaction.commit();

    done += count;
    if (progress && !progress(done, total)) break;
  }
  return done;
}

void SearchIndex::reset() {
  Transaction transaction(ws_);
  ws_.exec("INSERT INTO records_fts(records_fts) VALUES ('delete-all')");
  ws_.exec("UPDATE search_index_state SET indexed_through = 0");
  transaction.commit();
}

bool SearchIndex::consistent() {
  // FTS5 compares the index with every row of the content table, so the pending records are
  // indexed first, inside a transaction that is rolled back afterwards.
  Transaction transaction(ws_);
  update();
  // rank 1: compare with the records' text too (re-tokenises everything).
  QSqlQuery query(ws_.database());
  return query.exec("INSERT INTO records_fts(records_fts, rank) VALUES ('integrity-check', 1)");
}

}  // namespace medlora::store
