#pragma once
// The server's endpoints, independent of the HTTP library (http_server.h adapts them):
//   POST /v1/chat/completions, POST /v1/completions (stream or not), GET /v1/models,
//   GET /v1/models/{id}, GET /health, GET /metrics.
// Every reply carries an x-request-id header, unique per request, as OpenAI's do.
// /v1/* need `Authorization: Bearer KEY` (401), pass the key's token buckets (429 with
// Retry-After), are answered from the response cache when deterministic and seen before, and
// otherwise queue for the scheduler (503 when the queue is full or the server is draining).
//
// THREADS: handle() runs on the HTTP library's threads, many at once.
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/serve/answer_outcome.h"
#include "core/serve/key_auth.h"
#include "core/serve/rate_limiter.h"
#include "core/serve/request_log.h"
#include "core/serve/response_cache.h"
#include "core/serve/scheduler.h"
#include "core/serve/serve_metrics.h"

namespace medlora::serve {

struct HttpRequest {
  std::string method;
  std::string path;
  std::string body;
  std::string authorization;  // the Authorization header, "" when absent
};

// Writes one piece of a streamed body; false once the client is gone.
using ChunkWriter = std::function<bool(const std::string&)>;

struct HttpReply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Set for a streamed (server-sent events) body; it writes everything, then returns.
  std::function<void(const ChunkWriter&)> stream;
};

struct ApiOptions {
  std::string keys_workspace;        // where API keys are looked up (required)
  std::string request_log_workspace; // "" = no request log
  SafetyAction safety_action = SafetyAction::Flag;
  std::string chat_template;        // chat requests' prompt template ("" = the model's, else clinic)
  std::string default_instruction;  // the system message of a chat request that sends none
  size_t cache_entries = 256;        // 0 = no cache
  std::chrono::seconds cache_ttl{600};
};

class ServeApi {
 public:
  // `defaults` are the sampling settings a request does not set; `router` (may be null) backs
  // model "route", `safety` (may be null: no checks) checks every answer.
  ServeApi(ApiOptions options, Scheduler& scheduler, ServedModels models, generate::SamplingParams defaults,
           std::shared_ptr<const chat::AdapterRouter> router, std::shared_ptr<const chat::SafetyFilter> safety);

  HttpReply handle(const HttpRequest& request);
  // From now on, generation requests get 503 (SIGTERM: drain what is running, take no more).
  void begin_drain() { draining_ = true; }

  const ServeMetrics& metrics() const { return metrics_; }
  ServeGauges gauges() const;

 private:
  struct Call;  // one generation request on its way through
  HttpReply route(const HttpRequest& request);
  HttpReply completion(Endpoint endpoint, const HttpRequest& request);
  HttpReply cached_reply(Call& call, CompletionOutcome outcome);
  HttpReply blocking_reply(const std::shared_ptr<Call>& call);
  HttpReply streaming_reply(const std::shared_ptr<Call>& call);
  // Accounting once an answer is done: tokens, the key's bucket, latency, the cache, the log.
  void account(Call& call, const generate::ChatReply& reply, const AnswerOutcome& outcome);
  HttpReply error_reply(const std::string& endpoint, const ApiError& error);

  ApiOptions options_;
  Scheduler& scheduler_;
  ServedModels models_;
  generate::SamplingParams defaults_;
  std::shared_ptr<const chat::AdapterRouter> router_;
  std::shared_ptr<const chat::SafetyFilter> safety_;
  KeyAuthenticator keys_;
  RequestLog log_;
  RateLimiter limiter_;
  ResponseCache cache_;
  ServeMetrics metrics_;
  std::atomic<bool> draining_{false};
  int64_t started_ = 0;  // unix seconds, the models' "created"
};

}  // namespace medlora::serve
