#pragma once
// OpenAI request bodies (POST /v1/chat/completions and /v1/completions) turned into the chat
// engine's request: messages become the system instruction, earlier turns and the question; the
// sampling fields map onto SamplingParams (unset ones keep the server's defaults, the clinic's).
// Extra settings go in "medlora": {"ground": bool, "top_k": int, "repetition_penalty": number}.
// A field this server cannot honour is a 400 naming it, never silently ignored.
#include <string>
#include <vector>

#include "core/generate/chat_engine.h"
#include "core/serve/api_error.h"

namespace medlora::serve {

enum class Endpoint { ChatCompletions, Completions };

// "chat.completions" | "completions" (metrics labels, the request log).
const char* endpoint_name(Endpoint endpoint);

// What `model` may name: the base model's id, a loaded adapter, or "route" when routing rules
// are loaded.
struct ServedModels {
  std::string base_id;
  std::vector<std::string> adapters;
  bool routing = false;
  std::vector<std::string> ids() const;  // base, adapters, then "route"
};

struct ServeRequest {
  Endpoint endpoint = Endpoint::ChatCompletions;
  std::string model;     // as the client named it
  bool route = false;    // the router picks the adapter (chat.adapter is then unused)
  generate::ChatRequest chat;  // question, history, instruction, sampling, adapter, template
  bool stream = false;
  bool include_usage = false;  // stream_options.include_usage
  bool ground = false;         // medlora.ground
  // "max_tokens" / "max_completion_tokens" when the client set it, "" when the server's default
  // applies (a default is cut to fit the context; a limit the client asked for is a 400).
  std::string max_tokens_field;
  // Identical deterministic requests (greedy, or a fixed seed) share this key; "" otherwise.
  std::string cache_key;
};

// Throws ApiError (400 for a malformed body or field, 404 for an unknown model).
ServeRequest parse_request(Endpoint endpoint, const std::string& body, const ServedModels& models,
                           const generate::SamplingParams& defaults);

// OpenAI's 400 context_length_exceeded, naming both numbers, when the prompt of `prompt_tokens`
// and the max_tokens the client set exceed the model's context, or the prompt alone fills it.
void check_context_length(const ServeRequest& request, int64_t prompt_tokens, int64_t context_length);

}  // namespace medlora::serve
