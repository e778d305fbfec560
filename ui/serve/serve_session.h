#pragma once
// One running `medlora serve` inside the workbench: the same core pieces the CLI builds
// (ChatEngine, Scheduler, ServeApi, HttpServer), owned together so the Serve panel can start
// and stop them as one thing.
//
// THREADS: the constructor loads the model and binds the port (seconds; call it off the GUI
// thread). run() serves on a thread of its own. stop() drains and blocks until done (call it off
// the GUI thread too). totals(), gauges() and url() may be called from any thread at any time.
#include <atomic>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/generate/side_by_side.h"
#include "core/runtime/compute_options.h"
#include "core/serve/serve_metrics.h"

namespace medlora::generate {
class ChatEngine;
}

namespace medlora::serve {
class HttpServer;
class Scheduler;
class ServeApi;
}  // namespace medlora::serve

namespace medlora::ui {

struct ServeSettings {
  std::filesystem::path model_dir;
  std::vector<generate::AdapterSpec> adapters;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 = any free port
  size_t max_queue = 16;
  size_t max_batch = 8;
  std::string workspace;  // where the API keys are (required)
};

class ServeSession {
 public:
  // Loads the model and the adapters and binds host:port; throws std::exception with a message
  // that names what went wrong (a bad folder, a taken port).
  ServeSession(const ServeSettings& settings, const runtime::ComputeOptions& compute);
  ~ServeSession();  // stops (draining) when still serving
  ServeSession(const ServeSession&) = delete;
  ServeSession& operator=(const ServeSession&) = delete;

  // Starts the scheduler and the HTTP server's thread; returns at once.
  void run();
  // Refuses new generation requests, finishes the queued and running ones, closes the port and
  // joins the server thread. Blocks; safe to call twice.
  void stop();

  std::string url() const { return url_; }
  std::vector<std::string> model_ids() const { return model_ids_; }
  serve::ServeMetrics::Totals totals() const;
  serve::ServeGauges gauges() const;

 private:
  std::unique_ptr<generate::ChatEngine> engine_;
  std::unique_ptr<serve::Scheduler> scheduler_;
  std::unique_ptr<serve::ServeApi> api_;
  std::unique_ptr<serve::HttpServer> server_;
  std::thread server_thread_;
  std::string url_;
  std::vector<std::string> model_ids_;
  bool stopped_ = false;
  std::atomic<bool> serving_ended_{false};
};

// "NAME=DIR" lines (or a bare DIR: the adapter takes the folder's name), as --adapter reads
// them; blank lines are skipped. Throws std::invalid_argument for a line without a folder.
std::vector<generate::AdapterSpec> parse_adapter_lines(const std::string& text);

}  // namespace medlora::ui
