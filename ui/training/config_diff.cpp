#include "ui/training/config_diff.h"

#include <QJsonArray>
#include <QMap>

#include "core/io/json_util.h"

namespace medlora::ui {
namespace {

QString text_of(const QJsonValue& value) {
  if (value.isString()) return value.toString();
  if (value.isDouble()) return QString::number(value.toDouble(), 'g', 12);
  if (value.isBool()) return value.toBool() ? "true" : "false";
  if (value.isArray()) return io::json::compact_text(value.toArray());
  if (value.isNull()) return "null";
  return {};
}

void flatten(const QJsonObject& object, const QString& prefix, QMap<QString, QString>& out) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    const QString key = prefix.isEmpty() ? it.key() : prefix + "." + it.key();
    if (it.value().isObject()) flatten(it.value().toObject(), key, out);
    else out.insert(key, text_of(it.value()));
  }
}

}  // namespace

QList<ConfigDifference> diff_configs(const QJsonObject& left, const QJsonObject& right) {
  QMap<QString, QString> a, b;
  flatten(left, {}, a);
  flatten(right, {}, b);
  QMap<QString, bool> keys;
  for (const auto& k : a.keys()) keys.insert(k, true);
  for (const auto& k : b.keys()) keys.insert(k, true);
  QList<ConfigDifference> out;
  for (const auto& key : keys.keys()) {
    const bool in_a = a.contains(key), in_b = b.contains(key);
    if (in_a && in_b && a.value(key) == b.value(key)) continue;
    out.append({key, a.value(key), b.value(key)});
  }
  return out;
}

}  // namespace medlora::ui
