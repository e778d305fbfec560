#pragma once
// The server's one model thread: a bounded queue of requests in front of a continuous batch.
// Each step the scheduler lets waiting requests join the batch (up to max_batch sequences; the
// prompts joining in one step are prefilled together, a forward pass per adapter and similar
// prompt length), drops the sequences whose client went away, and decodes one
// token for every sequence that uses the same adapter in one forward pass (adapter groups take
// turns, step by step; switching an adapter never reloads the base). Each sequence keeps its own
// sampling settings, position and KV cache, and leaves the batch when it finishes.
//
// THREADS: the engine and everything it owns are used by the scheduler's thread only, from
// start() on. submit(), queue_length(), active() and stop() may be called from any thread.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/serve/prefill_plan.h"
#include "core/serve/serve_job.h"

namespace medlora::generate {
class ChatEngine;
}

namespace medlora::serve {

struct SchedulerOptions {
  size_t max_queue = 16;  // requests waiting beyond the batch; more are refused (503)
  size_t max_batch = 8;   // sequences decoded together
  PrefillLimits prefill;  // which joining prompts share a prefill pass
  // The workspace whose knowledge base grounds requests with medlora.ground ("" = none); the
  // scheduler opens its own connection to it.
  std::string knowledge_workspace;
  generate::ChatGrounding grounding;  // top_k and options; the knowledge base is the scheduler's
};

class Scheduler {
 public:
  Scheduler(generate::ChatEngine& engine, SchedulerOptions options);
  ~Scheduler();  // stops (draining) when still running
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  void start();
  // False when the queue is full or the scheduler is stopping: the caller answers 503.
  bool submit(const std::shared_ptr<ServeJob>& job);
  // Refuses new requests, finishes every queued and running one, then joins the thread.
  void stop();

  size_t queue_length() const;
  size_t active() const;
  const SchedulerOptions& options() const { return options_; }

 private:
  struct Running;
  void run();

  generate::ChatEngine& engine_;
  SchedulerOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<ServeJob>> queue_;
  size_t active_ = 0;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace medlora::serve
