#include "core/review_server/server_schema.h"

#include <QJsonObject>
#include <QVariant>

#include "core/io/json_util.h"

#include "core/review_server/server_schema_sql.h"

namespace medlora::review_server {
namespace {

std::string text(ServerConnection& connection, const QString& sql) {
  auto query = connection.prepare(sql);
  return connection.scalar(query).toString().toStdString();
}

// Refuses a database that holds anything of its own: init never mixes with other data.
void require_empty(ServerConnection& lead) {
  auto objects = lead.prepare(R"(
      SELECT count(*), coalesce(min(n.nspname || '.' || c.relname), '')
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
        AND c.relkind IN ('r', 'v', 'm', 'S', 'f', 'p'))");
  lead.exec(objects);
  objects.next();
  const int count = objects.value(0).toInt();
  auto schema = lead.prepare("SELECT count(*) FROM pg_namespace WHERE nspname = 'medlora_review'");
  const bool initialised = lead.scalar(schema).toInt() > 0;
  if (initialised)
    throw ServerError("database " + lead.address().database + " is a review server already (init runs once)", false);
  if (count > 0)
    throw ServerError("database " + lead.address().database + " is not empty (" + std::to_string(count) +
                          " tables or other objects, e.g. " + objects.value(1).toString().toStdString() +
                          "): init needs an empty database",
                      false);
}

void require_lead_role(ServerConnection& lead) {
  auto role = lead.prepare(R"(
      SELECT r.rolsuper, r.rolcreaterole, d.datdba = r.oid
      FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database())");
  lead.exec(role);
  if (!role.next()) throw ServerError("cannot read this role's attributes", false);
  const std::string who = "role " + lead.user();
  if (role.value(0).toBool())
    throw ServerError(who + " is a superuser, which bypasses row-level security: run init as the lead's own role", false);
  if (!role.value(2).toBool())
    throw ServerError(who + " does not own database " + lead.address().database +
                          ": the lead's role must own it (CREATE DATABASE ... OWNER lead)",
                      false);
  if (!role.value(1).toBool())
    throw ServerError(who + " lacks CREATEROLE, which it needs to add reviewers (ALTER ROLE " + lead.user() +
                          " CREATEROLE)",
                      false);
}

}  // namespace

ServerInfo init_server(ServerConnection& lead) {
  require_lead_role(lead);
  require_empty(lead);
  ServerInfo info;
  info.schema_version = kServerSchemaVersion;
  info.lead_role = lead.user();
  info.reviewer_group = "medlora_reviewers_" + text(lead, "SELECT oid::text FROM pg_database WHERE datname = current_database()");
  const QString group = ServerConnection::quote_identifier(info.reviewer_group);
  const QString lead_role = ServerConnection::quote_identifier(info.lead_role);
  const QString database = ServerConnection::quote_identifier(lead.address().database);

  ServerTransaction transaction(lead);
  lead.exec("CREATE ROLE " + group + " NOLOGIN");
  lead.exec("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
  lead.exec("GRANT CONNECT ON DATABASE " + database + " TO " + group);
  // psql sessions (the IT department's, a reviewer's) find the tables without a schema prefix.
  lead.exec("ALTER DATABASE " + database + " SET search_path = medlora_review, public");
  for (const QString& statement : server_schema_statements(lead_role, group)) lead.exec(statement);
  auto insert = lead.prepare("INSERT INTO server_info (key, value) VALUES (?, ?)");
  for (const auto& [key, value] : {std::pair<QString, std::string>{"schema_version", std::to_string(info.schema_version)},
                                   {"lead_role", info.lead_role},
                                   {"reviewer_group", info.reviewer_group}}) {
    insert.addBindValue(key);
    insert.addBindValue(QString::fromStdString(value));
    lead.exec(insert);
  }
  auto audit = lead.prepare("INSERT INTO audit (action, target, detail) VALUES ('init', ?, ?)");
  audit.addBindValue(QString::fromStdString("database " + lead.address().database));
  audit.addBindValue(io::json::compact_text(QJsonObject{{"schema_version", info.schema_version}}));
  lead.exec(audit);
  transaction.commit();
  return info;
}

ServerInfo server_info(ServerConnection& connection) {
  auto query = connection.prepare("SELECT key, value FROM server_info");
  try {
    connection.exec(query);
  } catch (const ServerError& e) {
    if (e.connection_lost()) throw;
    throw ServerError("database " + connection.address().database +
                          " is not a review server this role administers (run `medlora review server init` as the "
                          "lead): " + e.what(),
                      false, e.sqlstate());
  }
  ServerInfo info;
  while (query.next()) {
    const QString key = query.value(0).toString();
    const std::string value = query.value(1).toString().toStdString();
    if (key == "schema_version") info.schema_version = std::stoi(value);
    if (key == "lead_role") info.lead_role = value;
    if (key == "reviewer_group") info.reviewer_group = value;
  }
  if (info.schema_version == 0) throw ServerError("database " + connection.address().database + " was never initialised", false);
  if (info.schema_version > kServerSchemaVersion)
    throw ServerError("the review server has schema " + std::to_string(info.schema_version) + ", this build knows " +
                          std::to_string(kServerSchemaVersion) + ": update MedLoRA",
                      false);
  return info;
}

}  // namespace medlora::review_server
