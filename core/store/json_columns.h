#pragma once
// Checks for the workspace's JSON text columns (chat metadata and settings, test-set
// configurations and flags, system metadata, operation logs): a bad value is refused before it
// reaches the workspace, with a message naming the column.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QString>

#include <algorithm>
#include <string>

#include "core/store/store_error.h"

namespace medlora::store::json_columns {

// The value, unchanged, once it parses as the expected JSON kind; StoreError otherwise:
// "<what> must be a JSON object, got '...'".
inline QString checked(const std::string& json, bool array, const std::string& what) {
  QJsonParseError error;
  const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
  if (error.error != QJsonParseError::NoError || (array ? !document.isArray() : !document.isObject())) {
    size_t cut = std::min<size_t>(json.size(), 80);
    while (cut < json.size() && cut > 0 && (static_cast<unsigned char>(json[cut]) & 0xC0) == 0x80) --cut;
    const std::string shown = cut < json.size() ? json.substr(0, cut) + "…" : json;
    throw StoreError(what + " must be a JSON " + (array ? "array" : "object") + ", got '" + shown + "'");
  }
  return QString::fromStdString(json);
}

inline QString object(const std::string& json, const std::string& what) { return checked(json, false, what); }
inline QString array(const std::string& json, const std::string& what) { return checked(json, true, what); }

}  // namespace medlora::store::json_columns
