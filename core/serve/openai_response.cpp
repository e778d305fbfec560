#include "core/serve/openai_response.h"

#include <QRandomGenerator>

#include <algorithm>
#include <chrono>

namespace medlora::serve {
namespace {

using nlohmann::json;

const char* object_name(Endpoint endpoint, bool chunk) {
  if (endpoint == Endpoint::Completions) return "text_completion";
  return chunk ? "chat.completion.chunk" : "chat.completion";
}

json usage_json(int64_t prompt_tokens, int64_t completion_tokens) {
  return {{"prompt_tokens", prompt_tokens},
          {"completion_tokens", completion_tokens},
          {"total_tokens", prompt_tokens + completion_tokens}};
}

json head_json(Endpoint endpoint, const ResponseHead& head, bool chunk) {
  return {{"id", head.id},
          {"object", object_name(endpoint, chunk)},
          {"created", head.created},
          {"model", head.model},
          {"system_fingerprint", nullptr}};
}

// Generated text is valid UTF-8 (the stream decoder holds back partial characters), but a
// broken byte must never turn a reply into an exception.
std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

json null_or(const std::optional<std::string>& value) { return value ? json(*value) : json(nullptr); }

}  // namespace

std::string openai_finish_reason(const std::string& generator_reason) {
  return generator_reason == "max_new_tokens" ? "length" : "stop";
}

ResponseHead new_response_head(Endpoint endpoint, const std::string& model) {
  ResponseHead head;
  const quint64 random = QRandomGenerator::global()->generate64();
  head.id = std::string(endpoint == Endpoint::ChatCompletions ? "chatcmpl-" : "cmpl-") + QString::number(random, 36).toStdString();
  head.created = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  head.model = model;
  return head;
}

std::string completion_body(Endpoint endpoint, const ResponseHead& head, const CompletionOutcome& outcome) {
  json body = head_json(endpoint, head, false);
  json choice = {{"index", 0}, {"logprobs", nullptr}, {"finish_reason", outcome.finish_reason}};
  if (endpoint == Endpoint::ChatCompletions)
    choice["message"] = {{"role", "assistant"}, {"content", outcome.text}, {"refusal", nullptr}};
  else
    choice["text"] = outcome.text;
  body["choices"] = json::array({choice});
  body["usage"] = usage_json(outcome.prompt_tokens, outcome.completion_tokens);
  body["medlora"] = outcome.medlora;
  return dump(body);
}

std::string chunk_body(Endpoint endpoint, const ResponseHead& head, const ChunkParts& parts) {
  json body = head_json(endpoint, head, true);
  json choice = {{"index", 0}, {"logprobs", nullptr}, {"finish_reason", null_or(parts.finish_reason)}};
  if (endpoint == Endpoint::ChatCompletions) {
    json delta = json::object();
    if (parts.role) delta["role"] = *parts.role;
    if (parts.content) delta["content"] = *parts.content;
    choice["delta"] = delta;
  } else {
    choice["text"] = parts.content.value_or("");
  }
  body["choices"] = json::array({choice});
  if (parts.medlora) body["medlora"] = *parts.medlora;
  return dump(body);
}

std::string usage_chunk_body(Endpoint endpoint, const ResponseHead& head, int64_t prompt_tokens,
                             int64_t completion_tokens) {
  json body = head_json(endpoint, head, true);
  body["choices"] = json::array();
  body["usage"] = usage_json(prompt_tokens, completion_tokens);
  return dump(body);
}

std::string error_body(const ApiError& error) {
  return dump(json{{"error",
               {{"message", error.what()},
                {"type", error.type},
                {"param", error.param.empty() ? json(nullptr) : json(error.param)},
                {"code", error.code.empty() ? json(nullptr) : json(error.code)}}}});
}

namespace {
json model_json(const std::string& id, int64_t created) {
  return {{"id", id}, {"object", "model"}, {"created", created}, {"owned_by", "medlora"}};
}
}  // namespace

std::string models_body(const ServedModels& models, int64_t created) {
  json data = json::array();
  for (const auto& id : models.ids()) data.push_back(model_json(id, created));
  return dump(json{{"object", "list"}, {"data", data}});
}

std::string model_body(const ServedModels& models, const std::string& id, int64_t created) {
  const auto ids = models.ids();
  if (std::find(ids.begin(), ids.end(), id) == ids.end())
    throw ApiError(404, "invalid_request_error", "model_not_found", "The model '" + id + "' does not exist", "model");
  return dump(model_json(id, created));
}

std::string new_request_id() {
  const quint64 high = QRandomGenerator::global()->generate64();
  const quint64 low = QRandomGenerator::global()->generate64();
  return "req_" + QString::number(high, 16).rightJustified(16, '0').toStdString() +
         QString::number(low, 16).rightJustified(16, '0').toStdString();
}

std::string sse_event(const std::string& data) { return "data: " + data + "\n\n"; }

}  // namespace medlora::serve
