#include "core/store/workspace.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSqlError>
#include <QVariant>

#include <atomic>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "core/store/transaction.h"

namespace medlora::store {
namespace {

constexpr int kBusyTimeoutMs = 5000;

QString unique_connection_name(const std::string& absolute_path) {
  // Path + thread make the name readable in Qt's warnings; the serial keeps two Workspaces of one
  // thread on one file from replacing each other's connection.
  static std::atomic<long long> serial{0};
  std::ostringstream thread_id;
  thread_id << std::this_thread::get_id();
  return QString::fromStdString("medlora:" + absolute_path + ":thread:" + thread_id.str() + ":" +
                                std::to_string(serial.fetch_add(1)));
}

std::string absolute_path_of(const std::string& path) {
  std::error_code ec;
  auto absolute = std::filesystem::absolute(path, ec);
  return ec ? path : absolute.lexically_normal().string();
}

void remove_created_files(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ec);
}

}  // namespace

Workspace::Workspace(const std::string& path) : Workspace(path, workspace_migrations()) {}

Workspace::Workspace(const std::string& path, const std::vector<Migration>& migrations)
    : path_(absolute_path_of(path)), owner_thread_(std::this_thread::get_id()) {
  if (path.empty()) throw StoreError("no workspace file given");
  std::error_code ec;
  if (std::filesystem::is_directory(path_, ec))
    throw StoreError("workspace " + path_ + " is a folder, not a workspace file");
  const bool existed = std::filesystem::exists(path_, ec);
  connection_name_ = unique_connection_name(path_);
  try {
    open_and_migrate(migrations);
  } catch (...) {
    if (db_.isValid()) db_.close();
    db_ = QSqlDatabase();
    QSqlDatabase::removeDatabase(connection_name_);
    if (!existed) remove_created_files(path_);
    throw;
  }
}

std::unique_ptr<Workspace> Workspace::open_for_this_thread(const std::string& path) {
  return std::make_unique<Workspace>(path);
}

Workspace::~Workspace() {
  if (db_.isValid()) db_.close();
  db_ = QSqlDatabase();  // the last handle must go before removeDatabase, or Qt warns "in use"
  QSqlDatabase::removeDatabase(connection_name_);
}

void Workspace::open_and_migrate(const std::vector<Migration>& migrations) {
  if (!QSqlDatabase::isDriverAvailable("QSQLITE"))
    throw StoreError("cannot open workspace " + path_ +
                     ": Qt's SQLite driver (QSQLITE) is not installed (Debian: libqt6sql6-sqlite)");
  db_ = QSqlDatabase::addDatabase("QSQLITE", connection_name_);
  db_.setDatabaseName(QString::fromStdString(path_));
  db_.setConnectOptions(QString("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
  if (!db_.open()) throw error("cannot open workspace", db_.lastError().text());
  exec(QString("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs));

  // Read before writing anything: a foreign or newer file must be refused untouched.
  int user_version = 0;
  int application_id = 0;
  {
    QSqlQuery query(db_);
    if (!query.exec("PRAGMA user_version") || !query.next()) {
      const QString message = query.lastError().text();
      if (message.contains("not a database", Qt::CaseInsensitive) ||
          message.contains("malformed", Qt::CaseInsensitive) ||
          message.contains("encrypted", Qt::CaseInsensitive))
        throw StoreError("workspace " + path_ + " is not a MedLoRA workspace: not an SQLite database (" +
                         message.toStdString() + ")");
      throw error("cannot read workspace", message);
    }
    user_version = query.value(0).toInt();
  }
  application_id = scalar("PRAGMA application_id").toInt();
  const int known = migrations.empty() ? 0 : migrations.back().version;
  if (user_version == 0) {
    if (scalar("SELECT count(*) FROM sqlite_master").toLongLong() > 0)
      throw StoreError("workspace " + path_ +
                       " is an SQLite database of another program, not a MedLoRA workspace");
  } else if (application_id != kWorkspaceApplicationId) {
    throw StoreError("workspace " + path_ +
                     " is an SQLite database of another program, not a MedLoRA workspace "
                     "(application_id " + std::to_string(application_id) + ")");
  }
  if (user_version > known)
    throw StoreError("workspace " + path_ + " was written by a newer MedLoRA (schema " +
                     std::to_string(user_version) + ", this build knows " + std::to_string(known) +
                     "); open it with that version or newer");

  // journal_mode and foreign_keys cannot change inside a transaction: set them first.
  const QString mode = scalar("PRAGMA journal_mode = WAL").toString();
  if (mode.compare("wal", Qt::CaseInsensitive) != 0)
    throw StoreError("workspace " + path_ + ": cannot switch to WAL journal mode (got '" +
                     mode.toStdString() + "'); is the folder on a network file system?");
  exec("PRAGMA foreign_keys = ON");
  exec("PRAGMA synchronous = NORMAL");  // WAL + NORMAL: durable across app crashes, fast commits
  // A 100,000-record import is one transaction: with SQLite's default 2 MB page cache it spills
  // dirty pages to the WAL over and over (10x slower). 64 MB is an upper bound, not an allocation.
  exec("PRAGMA cache_size = -65536");
  if (user_version < known) migrate(migrations, user_version);
  schema_version_ = scalar("PRAGMA user_version").toInt();
}

void Workspace::migrate(const std::vector<Migration>& migrations, int from_version) {
  Transaction transaction(*this);
  for (const Migration& migration : migrations) {
    if (migration.version <= from_version) continue;
    for (const std::string& statement : migration.statements) {
      QSqlQuery query(db_);
      if (!query.exec(QString::fromStdString(statement)))
        throw StoreError("workspace " + path_ + ": migration to schema " +
                         std::to_string(migration.version) + " (" + migration.description +
                         ") failed, the file is unchanged: " + query.lastError().text().toStdString());
    }
    if (migration.after) migration.after(*this);
    // Integers only, so formatting the pragma is safe; pragmas take no bound values.
    exec(QString("PRAGMA user_version = %1").arg(migration.version));
  }
  exec(QString("PRAGMA application_id = %1").arg(kWorkspaceApplicationId));
  transaction.commit();
}

void Workspace::check_thread() const {
  if (std::this_thread::get_id() != owner_thread_)
    throw std::logic_error("workspace " + path_ +
                           " used from a thread that did not open it; open one per thread with "
                           "Workspace::open_for_this_thread()");
}

QSqlDatabase Workspace::database() const {
  check_thread();
  return db_;
}

QSqlQuery Workspace::prepare(const QString& sql) const {
  check_thread();
  QSqlQuery query(db_);
  if (!query.prepare(sql)) throw error("cannot prepare a statement", query.lastError().text());
  return query;
}

void Workspace::exec(QSqlQuery& query) const {
  check_thread();
  if (!query.exec()) throw error("a statement failed", query.lastError().text());
}

void Workspace::exec(const QString& sql) const {
  check_thread();
  QSqlQuery query(db_);
  if (!query.exec(sql)) throw error("'" + sql.toStdString() + "' failed", query.lastError().text());
}

QVariant Workspace::scalar(const QString& sql) const {
  check_thread();
  QSqlQuery query(db_);
  if (!query.exec(sql)) throw error("'" + sql.toStdString() + "' failed", query.lastError().text());
  if (!query.next()) throw error("'" + sql.toStdString() + "' returned no row", {});
  return query.value(0);
}

std::string Workspace::now_utc() {
  return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
}

StoreError Workspace::error(const std::string& what, const QString& driver_message) const {
  std::string message = "workspace " + path_ + ": " + what;
  if (!driver_message.trimmed().isEmpty()) message += ": " + driver_message.trimmed().toStdString();
  return StoreError(message);
}

}  // namespace medlora::store
