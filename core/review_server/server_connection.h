#pragma once
// One connection to a review server through Qt's PostgreSQL driver (QPSQL, libpq underneath), as
// the role named in the address. Authentication is PostgreSQL's (SCRAM-SHA-256 as the server's
// pg_hba.conf asks); TLS as `sslmode` says. The password is kept in memory only, to reconnect.
//
// THREADS: like store::Workspace, a connection belongs to the thread that made it (Qt SQL's rule);
// calls from another thread throw std::logic_error. Each client thread opens its own.
//
// Every statement here is run in autocommit mode unless inside a ServerTransaction. A failure
// throws ServerError; when the connection is gone (server restarted, network down) its
// connection_lost() is true and reconnect() may be tried.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <string>
#include <thread>

#include "core/review_server/server_address.h"
#include "core/review_server/server_error.h"

namespace medlora::review_server {

class ServerConnection {
 public:
  // Connects at once; ServerError (connection_lost() true) when the server cannot be reached or
  // refuses the sign-in; std::runtime_error when QPSQL is not installed.
  ServerConnection(ServerAddress address, std::string password);
  ~ServerConnection();
  ServerConnection(const ServerConnection&) = delete;
  ServerConnection& operator=(const ServerConnection&) = delete;

  const ServerAddress& address() const { return address_; }
  const std::string& user() const { return address_.user; }

  // Drops the old connection and opens a new one (ServerError when that fails).
  void reconnect();
  // A cheap round trip ("SELECT 1"): false when the connection is gone.
  bool alive();

  // Prepared statements with positional `?` values; never splice user text into `sql`.
  QSqlQuery prepare(const QString& sql);
  void exec(QSqlQuery& query);
  void exec(const QString& sql);  // fixed SQL without user values (schema, transactions)
  // A one-row, one-column query; ServerError when no row comes back.
  QVariant scalar(QSqlQuery& query);

  // An identifier quoted for SQL ("dr-a" -> "\"dr-a\""), for role names in DDL.
  static QString quote_identifier(const std::string& name);
  // SQL that formats a timestamptz column as UTC ISO-8601 with milliseconds, as
  // store::Workspace::now_utc() writes times ("2024-05-01T08:30:00.123Z").
  static QString utc_text(const QString& column);

 private:
  friend class ServerTransaction;
  void open();
  void check_thread() const;
  ServerError error(const QString& what, const class QSqlError& error);

  ServerAddress address_;
  std::string password_;
  QString connection_name_;
  QSqlDatabase db_;
  std::thread::id owner_thread_;
  bool in_transaction_ = false;
};

// BEGIN ... COMMIT on a connection; destroyed without commit() it rolls back (never throws).
class ServerTransaction {
 public:
  explicit ServerTransaction(ServerConnection& connection);
  ~ServerTransaction();
  ServerTransaction(const ServerTransaction&) = delete;
  ServerTransaction& operator=(const ServerTransaction&) = delete;
  void commit();

 private:
  ServerConnection& connection_;
  bool open_ = true;
};

}  // namespace medlora::review_server
