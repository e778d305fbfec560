// torch (via the core generate headers) before Qt: Qt's `slots` macro breaks ATen's headers.
#include "core/generate/chat_engine.h"

#include "ui/serve/serve_session.h"

#include <signal.h>

#include <chrono>
#include <sstream>
#include <stdexcept>

#include "core/chat/safety_filter.h"
#include "core/serve/http_server.h"
#include "core/serve/scheduler.h"
#include "core/serve/serve_api.h"

namespace medlora::ui {

ServeSession::ServeSession(const ServeSettings& settings, const runtime::ComputeOptions& compute) {
  if (settings.workspace.empty()) throw std::invalid_argument("the server needs a workspace for its API keys");
  if (settings.max_batch < 1) throw std::invalid_argument("the batch must hold at least 1 sequence");
  if (settings.port < 0 || settings.port > 65535) throw std::invalid_argument("the port must be 0 to 65535");
  engine_ = std::make_unique<generate::ChatEngine>(settings.model_dir, compute);
  for (const auto& spec : settings.adapters) engine_->load_adapter(spec.dir, spec.name);

  // The same settings `medlora serve` uses when given only these options.
  generate::SamplingParams defaults;
  defaults.validate();
  serve::ApiOptions api_options;
  api_options.keys_workspace = settings.workspace;
  serve::SchedulerOptions scheduler_options;
  scheduler_options.max_queue = settings.max_queue;
  scheduler_options.max_batch = settings.max_batch;
  scheduler_options.knowledge_workspace = settings.workspace;
  serve::HttpServerOptions http_options;
  http_options.host = settings.host;
  http_options.port = settings.port;
  http_options.threads = settings.max_batch + settings.max_queue + 8;

  serve::ServedModels models{settings.model_dir.filename().string(), engine_->adapter_names(), false};
  if (models.base_id.empty())
    models.base_id = std::filesystem::absolute(settings.model_dir).parent_path().filename().string();
  model_ids_ = models.ids();
  auto safety = std::make_shared<const chat::SafetyFilter>(chat::SafetyRules::defaults());
  scheduler_ = std::make_unique<serve::Scheduler>(*engine_, scheduler_options);
  api_ = std::make_unique<serve::ServeApi>(api_options, *scheduler_, models, defaults, nullptr, safety);
  server_ = std::make_unique<serve::HttpServer>(*api_, http_options);
  server_->bind();
  url_ = server_->url();
}

ServeSession::~ServeSession() { stop(); }

void ServeSession::run() {
  signal(SIGPIPE, SIG_IGN);  // a client that hangs up is a failed write, not the end of the program
  scheduler_->start();
  server_thread_ = std::thread([this] {
    server_->run();
    serving_ended_ = true;
  });
}

void ServeSession::stop() {
  if (stopped_) return;
  stopped_ = true;
  api_->begin_drain();
  scheduler_->stop();  // finishes every queued and running answer
  // HttpServer::stop() does nothing before the server thread has started listening, so it is
  // repeated until run() has returned.
  if (server_thread_.joinable()) {
    while (!serving_ended_) {
      server_->stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    server_thread_.join();
  }
}

serve::ServeMetrics::Totals ServeSession::totals() const { return api_->metrics().totals(); }

serve::ServeGauges ServeSession::gauges() const { return api_->gauges(); }

std::vector<generate::AdapterSpec> parse_adapter_lines(const std::string& text) {
  std::vector<generate::AdapterSpec> adapters;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    line = line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
    generate::AdapterSpec spec;
    const auto equals = line.find('=');
    // "NAME=DIR" unless what precedes '=' looks like a path (as --adapter reads it).
    if (equals != std::string::npos && equals > 0 && line.substr(0, equals).find('/') == std::string::npos) {
      spec.name = line.substr(0, equals);
      spec.dir = line.substr(equals + 1);
    } else {
      spec.dir = line;
    }
    if (spec.dir.empty()) throw std::invalid_argument("adapter " + line + ": the folder is missing");
    adapters.push_back(std::move(spec));
  }
  return adapters;
}

}  // namespace medlora::ui
