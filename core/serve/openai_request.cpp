#include "core/serve/openai_request.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace medlora::serve {
namespace {

using nlohmann::json;

const json* field(const json& object, const char* name) {
  auto it = object.find(name);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

double number(const json& object, const char* name, double low, double high) {
  const json* value = field(object, name);
  if (!value->is_number() || value->get<double>() < low || value->get<double>() > high)
    throw bad_request(name, std::string(name) + " must be a number from " + json(low).dump() + " to " + json(high).dump());
  return value->get<double>();
}

int64_t integer(const json& object, const char* name, int64_t low) {
  const json* value = field(object, name);
  if (!value->is_number_integer() || value->get<int64_t>() < low)
    throw bad_request(name, std::string(name) + " must be an integer of at least " + std::to_string(low));
  return value->get<int64_t>();
}

bool boolean(const json& object, const char* name) {
  const json* value = field(object, name);
  if (!value->is_boolean()) throw bad_request(name, std::string(name) + " must be true or false");
  return value->get<bool>();
}

// A message's content: a string, or an array of {"type": "text", "text": ...} parts.
std::string message_text(const json& content, const std::string& where) {
  if (content.is_string()) return content.get<std::string>();
  if (!content.is_array()) throw bad_request(where, where + " must be a string or an array of text parts");
  std::string text;
  for (const auto& part : content) {
    if (!part.is_object() || part.value("type", "") != "text" || !part.contains("text") || !part["text"].is_string())
      throw bad_request(where, where + ": only text parts ({\"type\": \"text\", \"text\": ...}) are supported");
    text += part["text"].get<std::string>();
  }
  return text;
}

// system/developer messages first, then user/assistant turns ending with the question.
void read_messages(const json& body, generate::ChatRequest& chat) {
  const json* messages = field(body, "messages");
  if (!messages || !messages->is_array() || messages->empty())
    throw bad_request("messages", "messages must be a non-empty array");
  std::string pending_user;
  bool have_user = false;
  for (size_t i = 0; i < messages->size(); ++i) {
    const auto& m = (*messages)[i];
    const std::string where = "messages[" + std::to_string(i) + "]";
    if (!m.is_object() || !m.contains("role") || !m["role"].is_string() || !m.contains("content"))
      throw bad_request(where, where + " needs a role and a content");
    const std::string role = m["role"].get<std::string>();
    const std::string text = message_text(m["content"], where + ".content");
    if (role == "system" || role == "developer") {
      if (have_user || !chat.history.empty())
        throw bad_request(where, where + ": system messages must come before the conversation");
      chat.instruction += (chat.instruction.empty() ? "" : "\n\n") + text;
    } else if (role == "user") {
      if (have_user) throw bad_request(where, where + ": two user messages in a row (expected an assistant turn between)");
      pending_user = text;
      have_user = true;
    } else if (role == "assistant") {
      if (!have_user) throw bad_request(where, where + ": an assistant message must answer a user message");
      chat.history.push_back({pending_user, text});
      have_user = false;
    } else {
      throw bad_request(where, where + ": role '" + role + "' is not supported (system, developer, user, assistant)");
    }
  }
  if (!have_user) throw bad_request("messages", "the last message must be the user's question");
  chat.question = pending_user;
}

void read_stop(const json& body, generate::SamplingParams& sampling) {
  const json* stop = field(body, "stop");
  if (!stop) return;
  if (stop->is_string()) {
    sampling.stop_strings = {stop->get<std::string>()};
  } else if (stop->is_array() && stop->size() <= 4 &&
             std::all_of(stop->begin(), stop->end(), [](const json& s) { return s.is_string(); })) {
    sampling.stop_strings = stop->get<std::vector<std::string>>();
  } else {
    throw bad_request("stop", "stop must be a string or an array of up to 4 strings");
  }
  for (const auto& s : sampling.stop_strings)
    if (s.empty()) throw bad_request("stop", "a stop string must not be empty");
}

// OpenAI's logit_bias: {"token id": bias from -100 to 100}.
void read_logit_bias(const json& body, generate::SamplingParams& sampling) {
  const json* bias = field(body, "logit_bias");
  if (!bias) return;
  if (!bias->is_object()) throw bad_request("logit_bias", "logit_bias must be an object of token id to bias");
  for (const auto& [id, value] : bias->items()) {
    const bool digits = !id.empty() && id.size() < 12 && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) throw bad_request("logit_bias", "logit_bias keys must be token ids, got '" + id + "'");
    if (!value.is_number() || value.get<double>() < -100 || value.get<double>() > 100)
      throw bad_request("logit_bias", "logit_bias values must be numbers from -100 to 100");
    sampling.logit_bias.emplace_back(std::stoll(id), value.get<double>());
  }
}

// Options whose answer this server cannot give (log-probabilities, the prompt echoed, best-of
// sampling, a suffix) are refused: ignoring them would return a reply without what was asked for.
void reject_unsupported_outputs(const json& body, Endpoint endpoint) {
  const auto refuse = [](const char* name, const std::string& why) {
    throw bad_request(name, std::string(name) + " is not supported: " + why);
  };
  if (endpoint == Endpoint::ChatCompletions) {
    if (field(body, "logprobs") && boolean(body, "logprobs")) refuse("logprobs", "this server returns no log-probabilities");
    if (field(body, "top_logprobs") && integer(body, "top_logprobs", 0) != 0)
      refuse("top_logprobs", "this server returns no log-probabilities");
    return;
  }
  if (field(body, "logprobs")) refuse("logprobs", "this server returns no log-probabilities");
  if (field(body, "echo") && boolean(body, "echo")) refuse("echo", "the reply is the completion only");
  if (field(body, "best_of") && integer(body, "best_of", 1) != 1) refuse("best_of", "best_of must be 1");
  const json* suffix = field(body, "suffix");
  if (suffix && !(suffix->is_string() && suffix->get<std::string>().empty()))
    refuse("suffix", "this server only completes after the prompt");
}

void read_sampling(const json& body, Endpoint endpoint, generate::SamplingParams& sampling, std::string& max_tokens_field) {
  if (field(body, "temperature")) sampling.temperature = number(body, "temperature", 0, 2);
  if (field(body, "top_p")) sampling.top_p = number(body, "top_p", 1e-9, 1);
  const char* max_name = field(body, "max_completion_tokens") && endpoint == Endpoint::ChatCompletions
                             ? "max_completion_tokens"
                             : "max_tokens";
  if (field(body, max_name)) {
    sampling.max_new_tokens = static_cast<int>(std::min<int64_t>(integer(body, max_name, 1), 1 << 20));
    max_tokens_field = max_name;
  }
  if (field(body, "seed")) sampling.seed = static_cast<uint64_t>(integer(body, "seed", 0));
  if (field(body, "n") && integer(body, "n", 1) != 1) throw bad_request("n", "n must be 1 (one choice per request)");
  for (const char* penalty : {"presence_penalty", "frequency_penalty"})
    if (field(body, penalty) && number(body, penalty, -2, 2) != 0)
      throw bad_request(penalty, std::string(penalty) + " is not supported; use medlora.repetition_penalty");
  read_logit_bias(body, sampling);
  read_stop(body, sampling);
}

void read_extension(const json& body, ServeRequest& request) {
  const json* ext = field(body, "medlora");
  if (!ext) return;
  if (!ext->is_object()) throw bad_request("medlora", "medlora must be an object");
  for (const auto& [name, value] : ext->items())
    if (name != "ground" && name != "top_k" && name != "repetition_penalty")
      throw bad_request("medlora." + name, "medlora." + name + " is not a setting (ground, top_k, repetition_penalty)");
  if (field(*ext, "ground")) request.ground = boolean(*ext, "ground");
  if (field(*ext, "top_k")) request.chat.sampling.top_k = static_cast<int>(integer(*ext, "top_k", 0));
  if (field(*ext, "repetition_penalty"))
    request.chat.sampling.repetition_penalty = number(*ext, "repetition_penalty", 1e-6, 100);
}

void resolve_model(const std::string& model, const ServedModels& models, ServeRequest& request) {
  if (model == models.base_id || model == "base") return;
  if (model == "route") {
    if (!models.routing) throw ApiError(404, "invalid_request_error", "model_not_found",
                                        "model 'route' needs routing rules: start the server with --route", "model");
    request.route = true;
    return;
  }
  if (std::find(models.adapters.begin(), models.adapters.end(), model) != models.adapters.end()) {
    request.chat.adapter = model;
    return;
  }
  std::string known;
  for (const auto& id : models.ids()) known += (known.empty() ? "" : ", ") + id;
  throw ApiError(404, "invalid_request_error", "model_not_found",
                 "The model '" + model + "' does not exist (this server has: " + known + ")", "model");
}

}  // namespace

const char* endpoint_name(Endpoint endpoint) {
  return endpoint == Endpoint::ChatCompletions ? "chat.completions" : "completions";
}

std::vector<std::string> ServedModels::ids() const {
  std::vector<std::string> out{base_id};
  out.insert(out.end(), adapters.begin(), adapters.end());
  if (routing) out.push_back("route");
  return out;
}

void check_context_length(const ServeRequest& request, int64_t prompt_tokens, int64_t context_length) {
  const int64_t asked = request.max_tokens_field.empty() ? 0 : request.chat.sampling.max_new_tokens;
  if (prompt_tokens < context_length && prompt_tokens + asked <= context_length) return;
  const bool chat = request.endpoint == Endpoint::ChatCompletions;
  const std::string input = chat ? "messages" : "prompt";
  std::string message = "This model's maximum context length is " + std::to_string(context_length) +
                        " tokens. However, you requested " + std::to_string(prompt_tokens + asked) + " tokens (" +
                        std::to_string(prompt_tokens) + " in the " + input;
  message += asked > 0 ? ", " + std::to_string(asked) + " in the completion). Please reduce the length of the " + input +
                             " or completion."
                       : ", which leaves no room for the completion). Please reduce the length of the " + input + ".";
  throw ApiError(400, "invalid_request_error", "context_length_exceeded", message, input);
}

ServeRequest parse_request(Endpoint endpoint, const std::string& body, const ServedModels& models,
                           const generate::SamplingParams& defaults) {
  json parsed = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) throw bad_request("", "the request body must be a JSON object");
  ServeRequest request;
  request.endpoint = endpoint;
  const json* model = field(parsed, "model");
  if (!model || !model->is_string()) throw bad_request("model", "model must name a model (see GET /v1/models)");
  request.model = model->get<std::string>();
  resolve_model(request.model, models, request);

  request.chat.sampling = defaults;
  if (endpoint == Endpoint::ChatCompletions) {
    read_messages(parsed, request.chat);
  } else {
    const json* prompt = field(parsed, "prompt");
    if (!prompt || !prompt->is_string() || prompt->get<std::string>().empty())
      throw bad_request("prompt", "prompt must be a non-empty string");
    request.chat.question = prompt->get<std::string>();
    request.chat.template_name = "raw";  // the prompt is the model's input as it is
  }
  read_sampling(parsed, endpoint, request.chat.sampling, request.max_tokens_field);
  reject_unsupported_outputs(parsed, endpoint);
  read_extension(parsed, request);
  if (field(parsed, "stream")) request.stream = boolean(parsed, "stream");
  if (const json* options = field(parsed, "stream_options")) {
    if (!options->is_object()) throw bad_request("stream_options", "stream_options must be an object");
    if (field(*options, "include_usage")) request.include_usage = boolean(*options, "include_usage");
  }
  try {
    request.chat.sampling.validate();
  } catch (const std::invalid_argument& e) {
    throw bad_request("", e.what());
  }

  if (request.chat.sampling.greedy() || request.chat.sampling.seed) {
    // Everything that decides the answer, in a canonical order (json objects sort their keys).
    for (const char* ignored : {"stream", "stream_options", "user"}) parsed.erase(ignored);
    request.cache_key = std::string(endpoint_name(endpoint)) + "\n" + parsed.dump();
  }
  return request;
}

}  // namespace medlora::serve
