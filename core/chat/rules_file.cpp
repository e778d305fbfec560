#include "core/chat/rules_file.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <system_error>

#include "core/io/atomic_file.h"

namespace medlora::chat::rules_file {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path + ": " +
                             std::error_code(errno, std::generic_category()).message());
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw std::runtime_error("cannot read " + path + ": read error");
  return bytes;
}

void write(const std::string& path, const std::string& content) {
  try {
    io::write_file_atomically(path, content);
  } catch (const std::exception& error) {
    throw std::runtime_error("cannot write " + path + ": " + error.what());
  }
}

QJsonObject parse_object(const std::string& json, const std::string& what) {
  QJsonParseError error;
  const QJsonDocument document =
      QJsonDocument::fromJson(QByteArray::fromRawData(json.data(), static_cast<qsizetype>(json.size())), &error);
  if (error.error != QJsonParseError::NoError) {
    throw std::invalid_argument(what + ": not valid JSON at offset " + std::to_string(error.offset) + ": " +
                                error.errorString().toStdString());
  }
  if (!document.isObject()) throw std::invalid_argument(what + ": the top level must be a JSON object");
  return document.object();
}

std::string to_text(const QJsonObject& object) {
  return QJsonDocument(object).toJson(QJsonDocument::Indented).toStdString();
}

namespace {

QJsonValue member(const QJsonObject& object, const char* key, const std::string& where, bool required) {
  const QJsonValue value = object.value(QLatin1String(key));
  if (value.isUndefined() && required) {
    throw std::invalid_argument(where + ": \"" + key + "\" is missing");
  }
  return value;
}

}  // namespace

std::string string_member(const QJsonObject& object, const char* key, const std::string& where,
                          bool required) {
  const QJsonValue value = member(object, key, where, required);
  if (value.isUndefined() || value.isNull()) return {};
  if (!value.isString()) throw std::invalid_argument(where + "." + key + " must be a string");
  return value.toString().toStdString();
}

QJsonArray array_member(const QJsonObject& object, const char* key, const std::string& where,
                        bool required) {
  const QJsonValue value = member(object, key, where, required);
  if (value.isUndefined() || value.isNull()) return {};
  if (!value.isArray()) throw std::invalid_argument(where + "." + key + " must be a list");
  return value.toArray();
}

std::vector<std::string> string_list_member(const QJsonObject& object, const char* key,
                                            const std::string& where, bool required) {
  const QJsonArray array = array_member(object, key, where, required);
  std::vector<std::string> strings;
  for (qsizetype i = 0; i < array.size(); ++i) {
    if (!array[i].isString()) {
      throw std::invalid_argument(where + "." + key + "[" + std::to_string(i) + "] must be a string");
    }
    strings.push_back(array[i].toString().toStdString());
  }
  return strings;
}

QJsonArray to_array(const std::vector<std::string>& strings) {
  QJsonArray array;
  for (const std::string& s : strings) array.append(QString::fromStdString(s));
  return array;
}

}  // namespace medlora::chat::rules_file
