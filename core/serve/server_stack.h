#pragma once
// Everything `medlora serve` runs, in one object, so the CLI and the workbench's Serve panel
// build the same server from the same settings: the model and its adapters (ChatEngine), the
// scheduler (queue + continuous batch), the OpenAI API (keys, limits, cache, safety, routing)
// and the HTTP server bound to host:port.
//
// THREADS: construct, then serve() on one thread (or start() for a thread of its own); stop()
// from any other thread drains and ends serve(). The engine belongs to the scheduler's thread.
#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/generate/sampling_params.h"
#include "core/generate/side_by_side.h"
#include "core/quant/quant_format.h"
#include "core/runtime/compute_options.h"
#include "core/serve/http_server.h"
#include "core/serve/scheduler.h"
#include "core/serve/serve_api.h"

namespace medlora::chat {
class AdapterRouter;
class SafetyFilter;
}  // namespace medlora::chat

namespace medlora::generate {
class ChatEngine;
}

namespace medlora::serve {

struct ServerStackConfig {
  std::filesystem::path model_dir;
  runtime::ComputeOptions compute;
  quant::BaseQuantization quantization;
  std::vector<generate::AdapterSpec> adapters;
  std::shared_ptr<const chat::AdapterRouter> router;  // null: no model "route"
  std::shared_ptr<const chat::SafetyFilter> safety;   // null: answers are not checked
  generate::SamplingParams defaults;                  // what a request does not set
  std::vector<std::string> bad_words;                 // banned in every answer (text)
  ApiOptions api;                                     // keys_workspace is required
  SchedulerOptions scheduler;
  HttpServerOptions http;  // threads: 0 = enough for the batch and the queue
};

class ServerStack {
 public:
  // Loads the model and adapters, checks the routing rules' adapters are loaded, and binds
  // host:port. Throws std::exception with a message naming what went wrong.
  explicit ServerStack(ServerStackConfig config);
  ~ServerStack();  // stop()
  ServerStack(const ServerStack&) = delete;
  ServerStack& operator=(const ServerStack&) = delete;

  // Starts the scheduler and answers HTTP on this thread until stop().
  void serve();
  // serve() on a thread of its own; returns at once.
  void start();
  // Refuses new generation requests (503), finishes the queued and running ones, closes the
  // port and waits for serve() to return. Safe to call twice; not from serve()'s thread.
  void stop();
  // True once serve() has returned (stopped, or the server ended by itself).
  bool serving_ended() const { return serving_ended_; }

  std::string url() const;
  std::vector<std::string> model_ids() const { return models_.ids(); }
  const ServeApi& api() const { return *api_; }

 private:
  ServedModels models_;
  std::unique_ptr<generate::ChatEngine> engine_;
  std::unique_ptr<Scheduler> scheduler_;
  std::unique_ptr<ServeApi> api_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  std::atomic<bool> serving_{false};
  std::atomic<bool> serving_ended_{false};
  std::atomic<bool> stopped_{false};
};

// The served base model's id: the model folder's name (its parent's for "DIR/").
std::string served_base_id(const std::filesystem::path& model_dir);

}  // namespace medlora::serve
