#pragma once
// The one set of small JSON helpers for everything that is not a strict file format: compact
// lines (operation logs, metrics.jsonl, the CLI's --json output, JSON text columns), counts
// objects and reading stored JSON text back. Built on Qt's QJsonDocument, so every line the
// program writes has the same bytes. String quoting for hand-laid-out files (dataset exports,
// the safetensors index) is io::json::quote in json_lite.h, next to the strict parser it
// round-trips with.
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>

namespace medlora::io::json {

// QJsonDocument's compact form, no trailing newline.
std::string compact(const QJsonObject& object);
std::string compact(const QJsonArray& array);
QString compact_text(const QJsonObject& object);
QString compact_text(const QJsonArray& array);

// {"name": count, ...} in key order.
QJsonObject counts_object(const std::map<std::string, int64_t>& counts);

// JSON text the program wrote itself (stored columns, its own lines) read back; an empty
// object or array when the text is not one.
QJsonObject object_or_empty(const std::string& json);
QJsonArray array_or_empty(const std::string& json);

// One compact line plus "\n", flushed: a JSON-lines stream another process follows.
void write_line(const QJsonObject& object, std::FILE* stream = stdout);

}  // namespace medlora::io::json
