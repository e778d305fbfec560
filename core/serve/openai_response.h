#pragma once
// OpenAI response bodies: the completion objects ("chat.completion", "text_completion"), the
// streamed chunks ("chat.completion.chunk", and text_completion chunks), the model list and the
// error object. What OpenAI has no field for (the adapter that answered and why, safety flags,
// grounding passages) goes in an extra "medlora" object, which OpenAI clients ignore.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "core/serve/api_error.h"
#include "core/serve/openai_request.h"

namespace medlora::serve {

// The parts of a response every shape shares.
struct ResponseHead {
  std::string id;       // "chatcmpl-…" / "cmpl-…"
  int64_t created = 0;  // unix seconds
  std::string model;    // as the client named it
};

struct CompletionOutcome {
  std::string text;
  std::string finish_reason;  // OpenAI's: "stop", "length", "content_filter"
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  nlohmann::json medlora = nlohmann::json::object();
};

// The generator's finish reason in OpenAI's words (eos/stop_string → stop, max_new_tokens →
// length, cancelled → stop).
std::string openai_finish_reason(const std::string& generator_reason);

// A fresh response id with the endpoint's prefix.
ResponseHead new_response_head(Endpoint endpoint, const std::string& model);

std::string completion_body(Endpoint endpoint, const ResponseHead& head, const CompletionOutcome& outcome);

// One streamed chunk. Chat: `role` starts the message (the first chunk), `content` is a delta,
// `finish_reason` ends the choice. Completions: `content` is the text piece.
struct ChunkParts {
  std::optional<std::string> role;
  std::optional<std::string> content;
  std::optional<std::string> finish_reason;
  std::optional<nlohmann::json> medlora;
};
std::string chunk_body(Endpoint endpoint, const ResponseHead& head, const ChunkParts& parts);
// The extra chunk of stream_options.include_usage: no choices, the usage.
std::string usage_chunk_body(Endpoint endpoint, const ResponseHead& head, int64_t prompt_tokens,
                             int64_t completion_tokens);

std::string error_body(const ApiError& error);
std::string models_body(const ServedModels& models, int64_t created);
// GET /v1/models/{id}: one model object; throws ApiError 404 model_not_found for an id the
// server does not serve.
std::string model_body(const ServedModels& models, const std::string& id, int64_t created);

// A fresh id for the x-request-id header: "req_" and 32 hex digits.
std::string new_request_id();

// Server-sent events as OpenAI streams them: "data: <json>\n\n", and "data: [DONE]\n\n" last.
std::string sse_event(const std::string& data);
inline std::string sse_done() { return sse_event("[DONE]"); }

}  // namespace medlora::serve
