#include "ui/chat/chat_job.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <stdexcept>

#include "core/io/json_util.h"

namespace medlora::ui {
namespace {

QJsonObject parse_object(const QString& json, const char* what) {
  QJsonParseError error{};
  const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
  if (error.error != QJsonParseError::NoError || !document.isObject())
    throw std::invalid_argument(std::string(what) + " is not a JSON object: " +
                                (error.error != QJsonParseError::NoError ? error.errorString().toStdString()
                                                                         : std::string("another JSON value")));
  return document.object();
}

const char* mode_word(AdapterMode mode) {
  switch (mode) {
    case AdapterMode::OneAdapter: return "adapter";
    case AdapterMode::Routed: return "routed";
    case AdapterMode::Base: break;
  }
  return "base";
}

AdapterMode parse_mode(const QString& word) {
  if (word == "base" || word.isEmpty()) return AdapterMode::Base;
  if (word == "adapter") return AdapterMode::OneAdapter;
  if (word == "routed") return AdapterMode::Routed;
  throw std::invalid_argument("configuration mode '" + word.toStdString() + "' is not base, adapter or routed");
}

QJsonArray string_array(const QStringList& list) {
  QJsonArray array;
  for (const QString& s : list) array.append(s);
  return array;
}

QStringList strings_of(const QJsonValue& value) {
  QStringList list;
  for (const QJsonValue& v : value.toArray()) list << v.toString();
  return list;
}

}  // namespace

QString ChatConfiguration::to_json() const {
  QJsonObject root;
  root["label"] = label;
  root["model_dir"] = model_dir;
  root["mode"] = mode_word(mode);
  QJsonArray list;
  for (const ChatAdapter& adapter : adapters) list.append(QJsonObject{{"name", adapter.name}, {"dir", adapter.dir}});
  root["adapters"] = list;
  root["kind"] = mode != AdapterMode::Base ? "adapter" : merged ? "merged" : "base";
  return io::json::compact_text(root);
}

ChatConfiguration ChatConfiguration::from_json(const QString& json) {
  const QJsonObject root = parse_object(json, "a model configuration");
  ChatConfiguration configuration;
  configuration.label = root.value("label").toString();
  configuration.model_dir = root.value("model_dir").toString();
  configuration.mode = parse_mode(root.value("mode").toString());
  configuration.merged = root.value("kind").toString() == "merged";
  for (const QJsonValue& value : root.value("adapters").toArray())
    configuration.adapters.append({value.toObject().value("name").toString(), value.toObject().value("dir").toString()});
  return configuration;
}

QString ChatConfiguration::problem() const {
  if (model_dir.isEmpty()) return QCoreApplication::translate("medlora::ui::ChatConfiguration", "Choose a model first.");
  if (mode == AdapterMode::OneAdapter && adapters.size() != 1)
    return QCoreApplication::translate("medlora::ui::ChatConfiguration",
                                       "\"One adapter\" needs exactly one checked adapter (%1 checked).")
        .arg(adapters.size());
  if (mode == AdapterMode::Routed && adapters.isEmpty())
    return QCoreApplication::translate("medlora::ui::ChatConfiguration",
                                       "\"Route by rules\" needs the adapters the rules may pick: check at least one.");
  return {};
}

QString GenerationSettings::to_json() const {
  QJsonObject root;
  root["temperature"] = sampling.temperature;
  root["top_k"] = sampling.top_k;
  root["top_p"] = sampling.top_p;
  root["repetition_penalty"] = sampling.repetition_penalty;
  root["max_new_tokens"] = sampling.max_new_tokens;
  // A string: JSON numbers are doubles and would round a 64-bit seed.
  root["seed"] = sampling.seed ? QJsonValue(QString::number(*sampling.seed)) : QJsonValue();
  QStringList stops;
  for (const auto& s : sampling.stop_strings) stops << QString::fromStdString(s);
  root["stop_strings"] = string_array(stops);
  root["bad_words"] = string_array(bad_words);
  root["template"] = template_name;
  return io::json::compact_text(root);
}

GenerationSettings GenerationSettings::from_json(const QString& json) {
  const QJsonObject root = parse_object(json, "generation settings");
  GenerationSettings settings;
  auto& s = settings.sampling;
  s.temperature = root.value("temperature").toDouble(s.temperature);
  s.top_k = root.value("top_k").toInt(s.top_k);
  s.top_p = root.value("top_p").toDouble(s.top_p);
  s.repetition_penalty = root.value("repetition_penalty").toDouble(s.repetition_penalty);
  s.max_new_tokens = root.value("max_new_tokens").toInt(s.max_new_tokens);
  bool ok = false;
  const qulonglong seed = root.value("seed").toString().toULongLong(&ok);
  if (ok) s.seed = seed;
  for (const QString& stop : strings_of(root.value("stop_strings"))) s.stop_strings.push_back(stop.toStdString());
  settings.bad_words = strings_of(root.value("bad_words"));
  settings.template_name = root.value("template").toString();
  return settings;
}

QString answer_status(const std::string& finish_reason) {
  return finish_reason == "cancelled" ? QStringLiteral("stopped") : QStringLiteral("done");
}

std::string answer_metadata_json(const ChatAnswer& answer) {
  QJsonObject root = parse_object(QString::fromStdString(answer.metadata.to_json()), "answer metadata");
  root["status"] = answer.status.isEmpty() ? answer_status(answer.metadata.finish_reason) : answer.status;
  return io::json::compact(root);
}

}  // namespace medlora::ui
