// SafetyReport and SafetyFlag as JSON: what transcripts and test-set answers store.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <stdexcept>

#include "core/chat/rules_file.h"
#include "core/chat/safety_filter.h"
#include "core/io/json_util.h"

namespace medlora::chat {
namespace {

QJsonObject flag_to_json(const SafetyFlag& flag) {
  QJsonObject object;
  object["kind"] = safety_flag_kind_name(flag.kind);
  object["rule_id"] = QString::fromStdString(flag.rule_id);
  object["category"] = QString::fromStdString(flag.category);
  object["description"] = QString::fromStdString(flag.description);
  object["matched_text"] = QString::fromStdString(flag.matched_text);
  object["offset"] = static_cast<qint64>(flag.offset);
  object["length"] = static_cast<qint64>(flag.length);
  return object;
}

size_t non_negative(const QJsonObject& object, const char* key, const std::string& where) {
  const QJsonValue value = object.value(QLatin1String(key));
  if (value.isUndefined()) return 0;
  if (!value.isDouble() || value.toDouble() < 0) {
    throw std::invalid_argument(where + "." + key + " must be a non-negative number");
  }
  return static_cast<size_t>(value.toInteger());
}

std::vector<SafetyFlag> flags_from_array(const QJsonArray& array, const std::string& what) {
  std::vector<SafetyFlag> flags;
  for (qsizetype i = 0; i < array.size(); ++i) {
    const std::string where = what + "[" + std::to_string(i) + "]";
    if (!array[i].isObject()) throw std::invalid_argument(where + " must be an object");
    const QJsonObject object = array[i].toObject();
    SafetyFlag flag;
    flag.kind = parse_safety_flag_kind(rules_file::string_member(object, "kind", where, true));
    flag.rule_id = rules_file::string_member(object, "rule_id", where, false);
    flag.category = rules_file::string_member(object, "category", where, false);
    flag.description = rules_file::string_member(object, "description", where, false);
    flag.matched_text = rules_file::string_member(object, "matched_text", where, false);
    flag.offset = non_negative(object, "offset", where);
    flag.length = non_negative(object, "length", where);
    flags.push_back(std::move(flag));
  }
  return flags;
}

QJsonArray flags_to_array(const std::vector<SafetyFlag>& flags) {
  QJsonArray array;
  for (const SafetyFlag& flag : flags) array.append(flag_to_json(flag));
  return array;
}

}  // namespace

const char* safety_flag_kind_name(SafetyFlagKind kind) {
  switch (kind) {
    case SafetyFlagKind::DangerousAdvice: return "dangerous_advice";
    case SafetyFlagKind::EmergencyQuestion: return "emergency_question";
    case SafetyFlagKind::MissingEmergencyAdvice: return "missing_emergency_advice";
  }
  return "dangerous_advice";
}

SafetyFlagKind parse_safety_flag_kind(const std::string& name) {
  for (SafetyFlagKind kind : {SafetyFlagKind::DangerousAdvice, SafetyFlagKind::EmergencyQuestion,
                              SafetyFlagKind::MissingEmergencyAdvice}) {
    if (name == safety_flag_kind_name(kind)) return kind;
  }
  throw std::invalid_argument("unknown safety flag kind '" + name +
                              "' (dangerous_advice, emergency_question, missing_emergency_advice)");
}

bool SafetyReport::has(SafetyFlagKind kind) const {
  return std::any_of(flags.begin(), flags.end(), [kind](const SafetyFlag& f) { return f.kind == kind; });
}

std::string SafetyReport::to_json() const {
  QJsonObject root;
  root["flags"] = flags_to_array(flags);
  root["language"] = QString::fromStdString(language);
  root["emergency_notice"] = QString::fromStdString(emergency_notice);
  root["disclaimer"] = QString::fromStdString(disclaimer);
  return io::json::compact(root);
}

SafetyReport SafetyReport::from_json(const std::string& json) {
  const std::string what = "safety report";
  const QJsonObject root = rules_file::parse_object(json, what);
  SafetyReport report;
  report.flags = flags_from_array(rules_file::array_member(root, "flags", what, false), what + ": flags");
  report.language = rules_file::string_member(root, "language", what, false);
  report.emergency_notice = rules_file::string_member(root, "emergency_notice", what, false);
  report.disclaimer = rules_file::string_member(root, "disclaimer", what, false);
  return report;
}

std::string safety_flags_to_json(const std::vector<SafetyFlag>& flags) {
  return io::json::compact(flags_to_array(flags));
}

std::vector<SafetyFlag> safety_flags_from_json(const std::string& json) {
  QJsonParseError error;
  const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
  if (error.error != QJsonParseError::NoError || !document.isArray()) {
    throw std::invalid_argument("safety flags: not a JSON array" +
                                (error.error != QJsonParseError::NoError
                                     ? " (" + error.errorString().toStdString() + ")"
                                     : std::string()));
  }
  return flags_from_array(document.array(), "safety flags");
}

}  // namespace medlora::chat
