#include "core/review_server/server_connection.h"

#include <QSqlError>
#include <QVariant>

#include <atomic>
#include <sstream>
#include <stdexcept>

namespace medlora::review_server {
namespace {

QString unique_connection_name(const ServerAddress& address) {
  static std::atomic<long long> serial{0};
  std::ostringstream thread_id;
  thread_id << std::this_thread::get_id();
  return QString::fromStdString("medlora-review-server:" + address.label() + ":thread:" + thread_id.str() + ":" +
                                std::to_string(serial.fetch_add(1)));
}

// libpq's keyword=value options, as QPSQL passes them on ("a=1;b=2").
QString connect_options(const ServerAddress& address) {
  QStringList options;
  bool timeout = false;
  for (const auto& [key, value] : address.options) {
    options << QString::fromStdString(key + "=" + value);
    timeout = timeout || key == "connect_timeout";
  }
  if (!timeout) options << "connect_timeout=10";
  return options.join(';');
}

// Connection failures: SQLSTATE class 08, or the server shutting down (57P01-57P03); QPSQL
// leaves the state empty when libpq lost the socket itself.
bool is_connection_state(const std::string& state) {
  return state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0;
}

std::string one_line(QString text) {
  text.replace('\n', ' ');
  return text.simplified().toStdString();
}

}  // namespace

ServerConnection::ServerConnection(ServerAddress address, std::string password)
    : address_(std::move(address)), password_(std::move(password)), owner_thread_(std::this_thread::get_id()) {
  if (!QSqlDatabase::isDriverAvailable("QPSQL"))
    throw std::runtime_error("Qt's PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql)");
  connection_name_ = unique_connection_name(address_);
  db_ = QSqlDatabase::addDatabase("QPSQL", connection_name_);
  db_.setHostName(QString::fromStdString(address_.host));
  db_.setPort(address_.port);
  db_.setDatabaseName(QString::fromStdString(address_.database));
  db_.setUserName(QString::fromStdString(address_.user));
  db_.setPassword(QString::fromStdString(password_));
  db_.setConnectOptions(connect_options(address_));
  try {
    open();
  } catch (...) {
    db_ = QSqlDatabase();
    QSqlDatabase::removeDatabase(connection_name_);
    throw;
  }
}

ServerConnection::~ServerConnection() {
  if (db_.isValid()) db_.close();
  db_ = QSqlDatabase();
  QSqlDatabase::removeDatabase(connection_name_);
}

void ServerConnection::open() {
  if (!db_.open())
    throw ServerError("cannot connect to " + address_.label() + ": " + one_line(db_.lastError().databaseText().isEmpty()
                                                                                  ? db_.lastError().text()
                                                                                  : db_.lastError().databaseText()),
                      true, db_.lastError().nativeErrorCode().toStdString());
  // Plain statements, server-side time in UTC, and no surprise from a user's search_path.
  exec("SET TIME ZONE 'UTC'");
  exec("SET search_path = medlora_review, pg_temp");
}

void ServerConnection::reconnect() {
  check_thread();
  in_transaction_ = false;
  db_.close();
  open();
}

bool ServerConnection::alive() {
  check_thread();
  QSqlQuery probe(db_);
  return probe.exec("SELECT 1") && probe.next();
}

void ServerConnection::check_thread() const {
  if (std::this_thread::get_id() != owner_thread_)
    throw std::logic_error("a review-server connection is used from a thread that did not open it");
}

ServerError ServerConnection::error(const QString& what, const QSqlError& sql_error) {
  const std::string state = sql_error.nativeErrorCode().toStdString();
  bool lost = sql_error.type() == QSqlError::ConnectionError || is_connection_state(state);
  if (!lost && state.empty()) lost = !alive();
  const QString message = sql_error.databaseText().isEmpty() ? sql_error.text() : sql_error.databaseText();
  return ServerError((lost ? "lost the connection to " + address_.label() + ": " : std::string()) + one_line(message) +
                         (what.isEmpty() ? "" : " (" + what.toStdString() + ")"),
                     lost, state);
}

QSqlQuery ServerConnection::prepare(const QString& sql) {
  check_thread();
  QSqlQuery query(db_);
  if (!query.prepare(sql)) throw error("", query.lastError());
  return query;
}

void ServerConnection::exec(QSqlQuery& query) {
  check_thread();
  if (!query.exec()) throw error("", query.lastError());
}

void ServerConnection::exec(const QString& sql) {
  check_thread();
  QSqlQuery query(db_);
  if (!query.exec(sql)) throw error("", query.lastError());
}

QVariant ServerConnection::scalar(QSqlQuery& query) {
  exec(query);
  if (!query.next()) throw ServerError("the server returned no row where one was expected", false);
  return query.value(0);
}

QString ServerConnection::quote_identifier(const std::string& name) {
  QString quoted = QString::fromStdString(name);
  quoted.replace('"', "\"\"");
  return '"' + quoted + '"';
}

QString ServerConnection::utc_text(const QString& column) {
  return "to_char(" + column + R"( AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))";
}

ServerTransaction::ServerTransaction(ServerConnection& connection) : connection_(connection) {
  if (connection_.in_transaction_) throw std::logic_error("review-server transactions do not nest");
  connection_.exec("BEGIN");
  connection_.in_transaction_ = true;
}

ServerTransaction::~ServerTransaction() {
  if (!open_) return;
  connection_.in_transaction_ = false;
  try {
    connection_.exec("ROLLBACK");
  } catch (...) {
    // A lost connection rolls back on the server by itself.
  }
}

void ServerTransaction::commit() {
  open_ = false;
  connection_.in_transaction_ = false;
  connection_.exec("COMMIT");
}

}  // namespace medlora::review_server
