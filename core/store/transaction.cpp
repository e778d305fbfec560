#include "core/store/transaction.h"

#include <QSqlError>
#include <QSqlQuery>

#include "core/store/workspace.h"

namespace medlora::store {

Transaction::Transaction(Workspace& workspace) : workspace_(workspace) {
  if (workspace_.transaction_depth_ == 0) {
    workspace_.exec("BEGIN IMMEDIATE");
  } else {
    savepoint_ = "medlora_sp_" + std::to_string(++workspace_.savepoint_serial_);
    workspace_.exec(QString::fromStdString("SAVEPOINT " + savepoint_));
  }
  ++workspace_.transaction_depth_;
}

Transaction::~Transaction() {
  if (open_) rollback();
}

void Transaction::commit() {
  if (!open_) throw StoreError("workspace " + workspace_.path() + ": transaction already finished");
  try {
    workspace_.exec(QString::fromStdString(savepoint_.empty() ? "COMMIT" : "RELEASE " + savepoint_));
  } catch (...) {
    rollback();
    throw;
  }
  open_ = false;
  --workspace_.transaction_depth_;
}

void Transaction::rollback() noexcept {
  open_ = false;
  --workspace_.transaction_depth_;
  // Not through Workspace::exec: it may throw, and a destructor must not. A failed ROLLBACK
  // means SQLite already rolled back (e.g. after SQLITE_FULL), which is the state we want.
  QSqlQuery query(workspace_.db_);
  if (savepoint_.empty()) {
    query.exec("ROLLBACK");
  } else {
    query.exec(QString::fromStdString("ROLLBACK TO " + savepoint_));
    query.exec(QString::fromStdString("RELEASE " + savepoint_));
  }
}

}  // namespace medlora::store
