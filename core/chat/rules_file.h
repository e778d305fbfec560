#pragma once
// Shared by the user-editable JSON rule files of the chat tester (routing, safety): reading and
// writing them, and the first steps of parsing with error messages that say where it went wrong.
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <string>
#include <vector>

namespace medlora::chat::rules_file {

// Whole file as bytes; std::runtime_error "cannot read <path>: <reason>".
std::string read(const std::string& path);
// Temporary file renamed into place; std::runtime_error naming the path.
void write(const std::string& path, const std::string& content);

// Parses a JSON object; std::invalid_argument "<what>: not valid JSON at offset N: <reason>" or
// "<what>: the top level must be a JSON object".
QJsonObject parse_object(const std::string& json, const std::string& what);
// Indented UTF-8 text of an object.
std::string to_text(const QJsonObject& object);

// Typed member access; std::invalid_argument "<where>.<key> must be a string" etc.
// `required` false: a missing member gives the empty value.
std::string string_member(const QJsonObject& object, const char* key, const std::string& where,
                          bool required);
std::vector<std::string> string_list_member(const QJsonObject& object, const char* key,
                                            const std::string& where, bool required);
QJsonArray array_member(const QJsonObject& object, const char* key, const std::string& where,
                        bool required);

QJsonArray to_array(const std::vector<std::string>& strings);

}  // namespace medlora::chat::rules_file
