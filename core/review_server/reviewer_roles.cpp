#include "core/review_server/reviewer_roles.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QVariant>

#include <stdexcept>

#include "core/io/json_util.h"
#include "core/review_server/scram_verifier.h"
#include "core/review_server/server_schema.h"

namespace medlora::review_server {
namespace {

void validate(const std::string& name, const std::string& password, const std::string& role) {
  static const QRegularExpression pattern("^[A-Za-z0-9_.-]{1,63}$");
  if (!pattern.match(QString::fromStdString(name)).hasMatch())
    throw std::invalid_argument("a reviewer name is 1-63 letters, digits, '_', '-' or '.', not '" + name + "'");
  if (role != "doctor" && role != "adjudicator")
    throw std::invalid_argument("a server reviewer is a doctor or an adjudicator, not '" + role + "'");
  if (password.size() < static_cast<size_t>(kMinimumReviewerPasswordLength))
    throw std::invalid_argument("the password needs at least " + std::to_string(kMinimumReviewerPasswordLength) +
                                " characters");
}

}  // namespace

ServerReviewer add_reviewer(ServerConnection& lead, const std::string& name, const std::string& password,
                            const std::string& role) {
  validate(name, password, role);
  const ServerInfo info = server_info(lead);
  auto exists = lead.prepare("SELECT count(*) FROM pg_roles WHERE rolname = ?");
  exists.addBindValue(QString::fromStdString(name));
  if (lead.scalar(exists).toInt() > 0)
    throw ServerError("a PostgreSQL role named '" + name + "' exists already on this server", false);
  // The verifier is base64 and '$:' only: safe inside quotes. DDL takes no bound values.
  const QString verifier = QString::fromStdString(scram_sha256_verifier(password));
  ServerTransaction transaction(lead);
  lead.exec("CREATE ROLE " + ServerConnection::quote_identifier(name) + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE " +
            "PASSWORD '" + verifier + "' IN ROLE " + ServerConnection::quote_identifier(info.reviewer_group));
  auto insert = lead.prepare(QString("INSERT INTO reviewers (name, role) VALUES (?, ?) RETURNING ") +
                             ServerConnection::utc_text("created_at"));
  insert.addBindValue(QString::fromStdString(name));
  insert.addBindValue(QString::fromStdString(role));
  const std::string created_at = lead.scalar(insert).toString().toStdString();
  auto audit = lead.prepare("INSERT INTO audit (action, target, detail) VALUES ('account-create', ?, ?)");
  audit.addBindValue(QString::fromStdString("reviewer " + name));
  audit.addBindValue(io::json::compact_text(QJsonObject{{"role", QString::fromStdString(role)}}));
  lead.exec(audit);
  transaction.commit();
  return {name, role, created_at};
}

std::vector<ServerReviewer> list_reviewers(ServerConnection& lead) {
  auto query = lead.prepare(QString("SELECT name, role, ") + ServerConnection::utc_text("created_at") +
                            " FROM reviewers ORDER BY name");
  lead.exec(query);
  std::vector<ServerReviewer> reviewers;
  while (query.next())
    reviewers.push_back({query.value(0).toString().toStdString(), query.value(1).toString().toStdString(),
                         query.value(2).toString().toStdString()});
  return reviewers;
}

}  // namespace medlora::review_server
