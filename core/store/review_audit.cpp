#include "core/store/review_audit.h"

#include <QSqlQuery>
#include <QVariant>

#include "core/io/json_util.h"
#include "core/store/workspace.h"

namespace medlora::store {

void append_audit(Workspace& workspace, std::optional<int64_t> reviewer_id, const std::string& user,
                  const std::string& action, std::optional<int64_t> study_id, const std::string& target,
                  const QJsonObject& detail) {
  const QVariant null_id(QMetaType(QMetaType::LongLong));
  auto query = workspace.prepare(
      "INSERT INTO audit_log (reviewer_id, user_name, action, study_id, target, at, detail) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  query.addBindValue(reviewer_id ? QVariant(qint64(*reviewer_id)) : null_id);
  query.addBindValue(QString::fromStdString(user));
  query.addBindValue(QString::fromStdString(action));
  query.addBindValue(study_id ? QVariant(qint64(*study_id)) : null_id);
  query.addBindValue(QString::fromStdString(target));
  query.addBindValue(QString::fromStdString(Workspace::now_utc()));
  query.addBindValue(io::json::compact_text(detail));
  workspace.exec(query);
}

}  // namespace medlora::store
