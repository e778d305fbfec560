#include "core/io/json_util.h"

#include <QByteArray>
#include <QJsonDocument>

namespace medlora::io::json {

std::string compact(const QJsonObject& object) {
  return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

std::string compact(const QJsonArray& array) {
  return QJsonDocument(array).toJson(QJsonDocument::Compact).toStdString();
}

QString compact_text(const QJsonObject& object) {
  return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compact_text(const QJsonArray& array) {
  return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonObject counts_object(const std::map<std::string, int64_t>& counts) {
  QJsonObject object;
  for (const auto& [name, count] : counts) object.insert(QString::fromStdString(name), static_cast<qint64>(count));
  return object;
}

QJsonObject object_or_empty(const std::string& json) {
  return QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
}

QJsonArray array_or_empty(const std::string& json) {
  return QJsonDocument::fromJson(QByteArray::fromStdString(json)).array();
}

void write_line(const QJsonObject& object, std::FILE* stream) {
  const std::string text = compact(object) + "\n";
  std::fwrite(text.data(), 1, text.size(), stream);
  std::fflush(stream);
}

}  // namespace medlora::io::json
