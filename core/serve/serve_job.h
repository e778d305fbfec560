#pragma once
// One request between the HTTP thread that received it and the scheduler thread that decodes
// it: the scheduler pushes text pieces and then the finished reply (or an error); the HTTP
// thread waits for them and may set `cancel` (the client went away).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>

#include "core/generate/chat_engine.h"
#include "core/serve/api_error.h"
#include "core/serve/openai_request.h"

namespace medlora::serve {

class ServeJob {
 public:
  using Clock = std::chrono::steady_clock;
  explicit ServeJob(ServeRequest request) : request_(std::move(request)), arrived_(Clock::now()) {}

  const ServeRequest& request() const { return request_; }
  ServeRequest& request() { return request_; }
  Clock::time_point arrived() const { return arrived_; }

  // --- the scheduler's side ---
  // The request passed the scheduler's checks (context length, grounding) and is decoding.
  void admit();
  void push_piece(const std::string& text);
  void complete(generate::ChatReply reply);
  void fail(const ApiError& error);

  // --- the HTTP thread's side ---
  struct Update {
    std::string text;                          // every piece since the last update
    std::optional<generate::ChatReply> reply;  // set once: the job is done
    std::optional<ApiError> error;             // set once: the job failed
    bool finished() const { return reply || error; }
  };
  // Blocks until the scheduler admits the job (nullopt) or refuses it (the error, which wait()
  // then no longer reports): a stream starts only once its request is known to be valid, so a
  // refusal is an HTTP error rather than an event inside a 200 stream.
  std::optional<ApiError> wait_admitted();
  // Blocks until there is new text or the job ends.
  Update wait();
  // When the first piece arrived (or the job ended without one).
  std::optional<Clock::time_point> first_token_at() const;

  std::atomic<bool> cancel{false};

 private:
  ServeRequest request_;
  Clock::time_point arrived_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string pending_;
  std::optional<generate::ChatReply> reply_;
  std::optional<ApiError> error_;
  std::optional<Clock::time_point> first_token_at_;
  bool delivered_ = false;
  bool admitted_ = false;
};

}  // namespace medlora::serve
