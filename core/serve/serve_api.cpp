#include "core/serve/serve_api.h"

#include <cmath>

namespace medlora::serve {

// A generation request after admission: who sent it, what it asks and when it came.
struct ServeApi::Call {
  std::string endpoint;
  store::ServeKey key;
  RateLimits limits;
  std::shared_ptr<ServeJob> job;
  ResponseHead head;
  ServeJob::Clock::time_point arrived = ServeJob::Clock::now();
  const ServeRequest& request() const { return job->request(); }
};

namespace {

double seconds_since(ServeJob::Clock::time_point since) {
  return std::chrono::duration<double>(ServeJob::Clock::now() - since).count();
}

HttpReply json_reply(int status, std::string body) {
  HttpReply reply;
  reply.status = status;
  reply.body = std::move(body);
  return reply;
}

// The first chunk, content chunks, the finish chunk (with the extras), usage, [DONE].
struct ChunkStream {
  Endpoint endpoint;
  const ResponseHead& head;
  const ChunkWriter& write;
  bool open = true;  // false once a write failed: the client is gone

  bool send(const ChunkParts& parts) { return open = open && write(sse_event(chunk_body(endpoint, head, parts))); }
  bool start() {
    ChunkParts parts;
    if (endpoint == Endpoint::ChatCompletions) parts.role = "assistant";
    parts.content = "";
    return send(parts);
  }
  bool text(const std::string& piece) { return piece.empty() || send({std::nullopt, piece, std::nullopt, std::nullopt}); }
  void end(const CompletionOutcome& outcome, bool include_usage) {
    send({std::nullopt, std::nullopt, outcome.finish_reason, outcome.medlora});
    if (include_usage)
      open = open && write(sse_event(usage_chunk_body(endpoint, head, outcome.prompt_tokens, outcome.completion_tokens)));
    open = open && write(sse_done());
  }
};

}  // namespace

ServeApi::ServeApi(ApiOptions options, Scheduler& scheduler, ServedModels models, generate::SamplingParams defaults,
                   std::shared_ptr<const chat::AdapterRouter> router, std::shared_ptr<const chat::SafetyFilter> safety)
    : options_(std::move(options)),
      scheduler_(scheduler),
      models_(std::move(models)),
      defaults_(std::move(defaults)),
      router_(std::move(router)),
      safety_(std::move(safety)),
      keys_(options_.keys_workspace),
      log_(options_.request_log_workspace),
      cache_(options_.cache_entries, options_.cache_ttl) {
  started_ = new_response_head(Endpoint::Completions, "").created;
}

ServeGauges ServeApi::gauges() const {
  return {static_cast<int64_t>(scheduler_.queue_length()), static_cast<int64_t>(scheduler_.active()), cache_.hits(),
          cache_.misses()};
}

HttpReply ServeApi::error_reply(const std::string& endpoint, const ApiError& error) {
  metrics_.count_request(endpoint, error.status);
  HttpReply reply = json_reply(error.status, error_body(error));
  if (error.retry_after_seconds > 0)
    reply.headers.emplace_back("Retry-After", std::to_string(static_cast<int64_t>(std::ceil(error.retry_after_seconds))));
  return reply;
}

HttpReply ServeApi::handle(const HttpRequest& request) {
  HttpReply reply = route(request);
  // OpenAI names every response (the client's `_request_id`), streamed or not, errors too.
  reply.headers.emplace_back("x-request-id", new_request_id());
  return reply;
}

HttpReply ServeApi::route(const HttpRequest& request) {
  if (request.method == "GET" && request.path == "/health")
    return json_reply(200, nlohmann::json{{"status", draining_ ? "draining" : "ok"},
                                          {"queue_length", scheduler_.queue_length()},
                                          {"active_sequences", scheduler_.active()}}
                               .dump());
  if (request.method == "GET" && request.path == "/metrics") {
    HttpReply reply = json_reply(200, metrics_.render(gauges()));
    reply.content_type = "text/plain; version=0.0.4";
    return reply;
  }
  try {
    if (request.path == "/v1/models" && request.method == "GET") {
      keys_.authenticate(request.authorization);
      return json_reply(200, models_body(models_, started_));
    }
    const std::string model_prefix = "/v1/models/";
    if (request.path.rfind(model_prefix, 0) == 0 && request.path.size() > model_prefix.size() && request.method == "GET") {
      try {
        keys_.authenticate(request.authorization);
        return json_reply(200, model_body(models_, request.path.substr(model_prefix.size()), started_));
      } catch (const ApiError& error) {
        return error_reply("/v1/models/{id}", error);  // one metrics label, whatever id was asked
      }
    }
    if (request.path == "/v1/chat/completions" && request.method == "POST")
      return completion(Endpoint::ChatCompletions, request);
    if (request.path == "/v1/completions" && request.method == "POST") return completion(Endpoint::Completions, request);
  } catch (const ApiError& error) {
    return error_reply(request.path, error);
  }
  return json_reply(404, error_body(ApiError(404, "invalid_request_error", "unknown_url",
                                             "Unknown request URL: " + request.method + " " + request.path)));
}

HttpReply ServeApi::completion(Endpoint endpoint, const HttpRequest& http) {
  auto call = std::make_shared<Call>();
  call->endpoint = endpoint_name(endpoint);
  try {
    call->key = keys_.authenticate(http.authorization);
    call->limits = {call->key.requests_per_minute, call->key.tokens_per_minute};
    const Admission admission = limiter_.admit(call->key.id, call->limits);
    if (!admission.allowed) {
      ApiError error(429, "rate_limit_error", "rate_limit_exceeded",
                     "Rate limit reached for key '" + call->key.name + "' (" + admission.reason + "); try again later.");
      error.retry_after_seconds = std::max(1.0, admission.retry_after_seconds);
      throw error;
    }
    ServeRequest request = parse_request(endpoint, http.body, models_, defaults_);
    if (endpoint == Endpoint::ChatCompletions) {
      request.chat.template_name = options_.chat_template;
      if (request.chat.instruction.empty()) request.chat.instruction = options_.default_instruction;
    }
    if (request.route) request.chat.router = router_;
    request.chat.safety = safety_;
    call->job = std::make_shared<ServeJob>(std::move(request));
    call->head = new_response_head(endpoint, call->request().model);
    if (!call->request().cache_key.empty())
      if (auto cached = cache_.find(call->request().cache_key)) return cached_reply(*call, std::move(*cached));
    if (draining_) throw ApiError(503, "server_error", "shutting_down", "The server is shutting down.");
    if (!scheduler_.submit(call->job)) {
      ApiError error(503, "server_error", "overloaded",
                     "The server is busy: " + std::to_string(scheduler_.options().max_queue) +
                         " requests are waiting already. Try again shortly.");
      error.retry_after_seconds = 1;
      throw error;
    }
  } catch (const ApiError& error) {
    return error_reply(call->endpoint, error);
  }
  if (!call->request().stream) return blocking_reply(call);
  // A request the scheduler refuses (context_length_exceeded, say) is an HTTP error, not a stream.
  if (auto refused = call->job->wait_admitted()) return error_reply(call->endpoint, *refused);
  return streaming_reply(call);
}

HttpReply ServeApi::cached_reply(Call& call, CompletionOutcome outcome) {
  outcome.medlora["cached"] = true;
  metrics_.count_request(call.endpoint, 200);
  metrics_.observe_latency(seconds_since(call.arrived));
  if (!call.request().stream) return json_reply(200, completion_body(call.request().endpoint, call.head, outcome));
  HttpReply reply;
  reply.content_type = "text/event-stream";
  const Endpoint endpoint = call.request().endpoint;
  const bool include_usage = call.request().include_usage;
  reply.stream = [endpoint, head = call.head, outcome, include_usage](const ChunkWriter& write) {
    ChunkStream chunks{endpoint, head, write};
    if (chunks.start() && chunks.text(outcome.text)) chunks.end(outcome, include_usage);
  };
  return reply;
}

void ServeApi::account(Call& call, const generate::ChatReply& reply, const AnswerOutcome& outcome) {
  const auto& completion = outcome.completion;
  metrics_.count_request(call.endpoint, 200);
  metrics_.count_tokens(completion.prompt_tokens, completion.completion_tokens);
  metrics_.observe_latency(seconds_since(call.arrived));
  if (auto first = call.job->first_token_at())
    metrics_.observe_first_token(std::chrono::duration<double>(*first - call.arrived).count());
  limiter_.charge_tokens(call.key.id, call.limits, completion.prompt_tokens + completion.completion_tokens);
  if (!call.request().cache_key.empty() && reply.finish_reason != "cancelled")
    cache_.store(call.request().cache_key, completion);
  log_.record(call.key.name, call.request(), reply, completion.finish_reason);
}

HttpReply ServeApi::blocking_reply(const std::shared_ptr<Call>& call) {
  while (true) {
    auto update = call->job->wait();
    if (update.error) return error_reply(call->endpoint, *update.error);
    if (!update.reply) continue;
    const AnswerOutcome outcome = answer_outcome(*update.reply, options_.safety_action, "");
    account(*call, *update.reply, outcome);
    return json_reply(200, completion_body(call->request().endpoint, call->head, outcome.completion));
  }
}

HttpReply ServeApi::streaming_reply(const std::shared_ptr<Call>& call) {
  HttpReply reply;
  reply.content_type = "text/event-stream";
  reply.stream = [this, call](const ChunkWriter& write) {
    ChunkStream chunks{call->request().endpoint, call->head, write};
    const bool hold_back = holds_back_text(options_.safety_action);
    std::string streamed;
    if (!chunks.start()) call->job->cancel = true;
    while (true) {
      auto update = call->job->wait();
      if (!update.text.empty() && !hold_back && chunks.open) {
        if (chunks.text(update.text))
          streamed += update.text;
        else
          call->job->cancel = true;  // the client went away: the scheduler drops the sequence
      }
      if (update.error) {
        metrics_.count_request(call->endpoint, update.error->status);
        if (chunks.open) write(sse_event(error_body(*update.error)));
        return;
      }
      if (!update.reply) continue;
      const AnswerOutcome outcome = answer_outcome(*update.reply, options_.safety_action, streamed);
      account(*call, *update.reply, outcome);
      if (chunks.open && chunks.text(outcome.tail)) chunks.end(outcome.completion, call->request().include_usage);
      return;
    }
  };
  return reply;
}

}  // namespace medlora::serve
