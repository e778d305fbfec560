#pragma once
// The JSON objects the tool dialogs write into a dataset's operation log.
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <map>
#include <string>

namespace medlora::ui {

inline std::string compact_json(const QJsonObject& object) {
  return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

inline QJsonObject counts_object(const std::map<std::string, int64_t>& counts) {
  QJsonObject object;
  for (const auto& [name, count] : counts) object.insert(QString::fromStdString(name), static_cast<qint64>(count));
  return object;
}

}  // namespace medlora::ui
