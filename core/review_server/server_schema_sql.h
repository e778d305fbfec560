#pragma once
// The DDL of the review server (server_schema.h says what it enforces), as statements for one
// transaction. `lead` and `group` are quoted role names.
#include <QString>
#include <QStringList>

namespace medlora::review_server {

QStringList server_schema_statements(const QString& lead, const QString& group);

}  // namespace medlora::review_server
