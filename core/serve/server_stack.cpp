#include "core/serve/server_stack.h"

#include <chrono>
#include <stdexcept>

#include "core/chat/adapter_router.h"
#include "core/generate/chat_engine.h"
#include "core/generate/side_by_side.h"

namespace medlora::serve {
std::string served_base_id(const std::filesystem::path& model_dir) {
  std::string id = model_dir.filename().string();
  if (id.empty()) id = std::filesystem::absolute(model_dir).parent_path().filename().string();
  return id;
}

ServerStack::ServerStack(ServerStackConfig config) {
  if (config.api.keys_workspace.empty()) throw std::invalid_argument("the server needs a workspace for its API keys");
  if (config.scheduler.max_batch < 1) throw std::invalid_argument("the batch must hold at least 1 sequence");
  if (config.http.port < 0 || config.http.port > 65535) throw std::invalid_argument("the port must be 0 to 65535");
  if (config.http.threads == 0) config.http.threads = config.scheduler.max_batch + config.scheduler.max_queue + 8;

  engine_ = std::make_unique<generate::ChatEngine>(config.model_dir, config.compute, config.quantization);
  for (const auto& spec : config.adapters) engine_->load_adapter(spec.dir, spec.name);
  if (config.router)
    generate::require_route_adapters(*engine_, config.router->rules(), "", "add an adapter NAME=DIR for each");
  config.defaults.bad_words_ids = engine_->bad_words_ids(config.bad_words);
  config.defaults.validate();

  models_ = ServedModels{served_base_id(config.model_dir), engine_->adapter_names(), config.router != nullptr};
  scheduler_ = std::make_unique<Scheduler>(*engine_, config.scheduler);
  api_ = std::make_unique<ServeApi>(config.api, *scheduler_, models_, config.defaults, config.router, config.safety);
  server_ = std::make_unique<HttpServer>(*api_, config.http);
  server_->bind();
}

ServerStack::~ServerStack() { stop(); }

void ServerStack::serve() {
  serving_ = true;
  if (stopped_) {  // stop() came first (a signal while the model loaded)
    serving_ended_ = true;
    return;
  }
  scheduler_->start();
  server_->run();
  serving_ended_ = true;
}

void ServerStack::start() {
  serving_ = true;
  thread_ = std::thread([this] { serve(); });
}

void ServerStack::stop() {
  if (stopped_.exchange(true)) return;
  api_->begin_drain();
  scheduler_->stop();  // finishes every queued and running answer
  // HttpServer::stop() does nothing before the server has started listening, so it is repeated
  // until serve() has returned.
  if (serving_) {
    while (!serving_ended_) {
      server_->stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  if (thread_.joinable()) thread_.join();
}

std::string ServerStack::url() const { return server_->url(); }

}  // namespace medlora::serve
