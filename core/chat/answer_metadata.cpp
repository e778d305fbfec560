#include "core/chat/answer_metadata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <stdexcept>

#include "core/chat/rules_file.h"
#include "core/io/json_util.h"

namespace medlora::chat {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

std::string str(const QJsonObject& object, const char* key) {
  return object.value(QLatin1String(key)).toString().toStdString();
}

}  // namespace

std::string AnswerMetadata::to_json() const {
  QJsonObject root;
  root["configuration"] = q(configuration);
  root["adapter"] = q(adapter);
  root["route_reason"] = q(route_reason);
  QJsonArray list;
  for (const store::Passage& passage : passages) {
    QJsonObject object;
    object["chunk_id"] = static_cast<qint64>(passage.chunk_id);
    object["document_id"] = static_cast<qint64>(passage.document_id);
    object["seq"] = static_cast<qint64>(passage.seq);
    object["title"] = q(passage.title);
    object["document_title"] = q(passage.document_title);
    object["text"] = q(passage.text);
    object["score"] = passage.score;
    list.append(object);
  }
  root["passages"] = list;
  root["safety"] = io::json::object_or_empty(safety.to_json());
  root["tokens_per_second"] = tokens_per_second;
  root["tokens"] = static_cast<qint64>(tokens);
  root["finish_reason"] = q(finish_reason);
  root["seed"] = static_cast<qint64>(seed);
  return io::json::compact(root);
}

AnswerMetadata AnswerMetadata::from_json(const std::string& json) {
  const QJsonObject root = rules_file::parse_object(json, "answer metadata");
  AnswerMetadata metadata;
  metadata.configuration = str(root, "configuration");
  metadata.adapter = str(root, "adapter");
  metadata.route_reason = str(root, "route_reason");
  for (const QJsonValue& value : root.value("passages").toArray()) {
    const QJsonObject object = value.toObject();
    store::Passage passage;
    passage.chunk_id = object.value("chunk_id").toInteger();
    passage.document_id = object.value("document_id").toInteger();
    passage.seq = object.value("seq").toInteger();
    passage.title = str(object, "title");
    passage.document_title = str(object, "document_title");
    passage.text = str(object, "text");
    passage.score = object.value("score").toDouble();
    metadata.passages.push_back(std::move(passage));
  }
  if (root.value("safety").isObject()) {
    metadata.safety = SafetyReport::from_json(
        io::json::compact(root.value("safety").toObject()));
  }
  metadata.tokens_per_second = root.value("tokens_per_second").toDouble();
  metadata.tokens = root.value("tokens").toInteger();
  metadata.finish_reason = str(root, "finish_reason");
  metadata.seed = root.value("seed").toInteger(-1);
  return metadata;
}

}  // namespace medlora::chat
