#pragma once
// One MedLoRA workspace: one SQLite file opened through Qt SQL (QSQLITE) with WAL, foreign keys
// and a 5 s busy timeout, migrated forward to this build's schema on open.
//
// THREADS: a Workspace owns one Qt SQL connection, and Qt SQL connections may only be used by
// the thread that created them (Qt 6.4 has no moveToThread for them). So a Workspace belongs to
// the thread that constructed it; every call from another thread throws std::logic_error.
// A worker thread opens its own with Workspace::open_for_this_thread(path) — WAL lets it write
// while other threads/processes read; busy_timeout makes concurrent writers wait, not fail.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/store/migrations.h"
#include "core/store/store_error.h"

namespace medlora::store {

class Workspace {
 public:
  // Opens `path`, creating it (and its schema) when it does not exist. Throws StoreError when the
  // file is not an SQLite database, is an SQLite file that is not a MedLoRA workspace, was written
  // by a newer MedLoRA ("workspace X was written by a newer MedLoRA (schema N, this build knows
  // M)"), or a migration fails (the file is then left exactly as it was; a file this call created
  // is removed again).
  explicit Workspace(const std::string& path);

  // For tests: migrate with `migrations` instead of workspace_migrations().
  Workspace(const std::string& path, const std::vector<Migration>& migrations);

  // The way worker threads open the same workspace: a new connection owned by the calling thread.
  static std::unique_ptr<Workspace> open_for_this_thread(const std::string& path);

  // Closes the connection and removes it from Qt's connection list.
  ~Workspace();

  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  const std::string& path() const { return path_; }
  // PRAGMA user_version as found after migrating.
  int schema_version() const { return schema_version_; }
  // The Qt SQL connection name: "medlora:<absolute path>:thread:<id>:<serial>".
  const QString& connection_name() const { return connection_name_; }

  // The connection (checks the calling thread).
  QSqlDatabase database() const;
  // A prepared statement; throws StoreError naming the workspace on a syntax error. Bind values
  // with addBindValue()/bindValue() — never splice user text into `sql`.
  QSqlQuery prepare(const QString& sql) const;
  // Executes a prepared statement; throws StoreError with the driver's message on failure.
  void exec(QSqlQuery& query) const;
  // Executes fixed SQL with no user values (schema, pragmas).
  void exec(const QString& sql) const;
  // A single-value query (e.g. "PRAGMA foreign_keys"); throws StoreError when no row comes back.
  QVariant scalar(const QString& sql) const;

  // Transaction nesting depth (0 = none open); used by Transaction.
  int transaction_depth() const { return transaction_depth_; }

  // Current time as UTC ISO-8601 with milliseconds ("2024-05-01T08:30:00.123Z").
  static std::string now_utc();

 private:
  friend class Transaction;
  void check_thread() const;
  void open_and_migrate(const std::vector<Migration>& migrations);
  void migrate(const std::vector<Migration>& migrations, int from_version);
  StoreError error(const std::string& what, const QString& driver_message) const;

  std::string path_;
  QString connection_name_;
  QSqlDatabase db_;
  std::thread::id owner_thread_;
  int schema_version_ = 0;
  int transaction_depth_ = 0;
  int savepoint_serial_ = 0;
};

}  // namespace medlora::store
