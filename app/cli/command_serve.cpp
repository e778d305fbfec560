// medlora serve: a local OpenAI-compatible server for one base model and its LoRA adapters
// (model = the base, an adapter's name, or "route"), with API keys from the workspace, rate
// limits, a response cache, the safety filter, knowledge-base grounding and continuous batching.
// Prints {"event": "listening", "url": ...} once ready; SIGTERM (or Ctrl-C) drains and exits 0.
// `medlora serve key ...` manages the keys (command_serve_keys.cpp).
#include "app/cli/chat_options.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>

#include <cerrno>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "app/cli/cli_command.h"
#include "app/cli/model_command_options.h"
#include "app/cli/sampling_options.h"
#include "app/cli/serve_cli.h"
#include "app/cli/workspace_option.h"
#include "core/io/json_util.h"
#include "core/serve/server_stack.h"
#include "core/tokenizer/prompt_format.h"

namespace medlora::cli {
namespace {

const QString kName = "serve";

size_t positive(const QCommandLineParser& parser, const QString& option, int minimum) {
  const int value = parse_int(parser, option);
  if (value < minimum)
    throw std::invalid_argument("--" + option.toStdString() + " must be at least " + std::to_string(minimum));
  return static_cast<size_t>(value);
}

// SIGTERM/SIGINT post this semaphore from a process-wide handler (sem_post is async-signal-safe),
// whichever thread the signal lands on (OpenMP's and Qt's threads exist before the server starts),
// and the stopper thread waits on it.
sem_t g_stop_requested;
void on_stop_signal(int) { sem_post(&g_stop_requested); }

void install_stop_handler() {
  sem_init(&g_stop_requested, 0, 0);
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
}

void wait_for_stop_signal() {
  while (sem_wait(&g_stop_requested) != 0 && errno == EINTR) {
  }
}

int run_server(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "A local OpenAI-compatible server: POST /v1/chat/completions, POST /v1/completions (stream or not),\n"
      "GET /v1/models, GET /health, GET /metrics. Requests need 'Authorization: Bearer KEY'\n"
      "(medlora serve key create). 'model' names the base model (its folder name), an adapter, or 'route'.\n"
      "Prints {\"event\": \"listening\", \"url\": ...} when ready; SIGTERM drains and exits 0.\n"
      "Keys: medlora serve key create|list|revoke (see medlora serve key --help).");
  parser.addHelpOption();
  parser.addOptions({
      {"host", "Address to listen on (default 127.0.0.1; another one only when you mean it).", "HOST", "127.0.0.1"},
      {"port", "Port (default 8080; 0 = any free port, printed when ready).", "PORT", "8080"},
      {"max-queue", "Requests that may wait for the batch; more get 503 (default 16).", "N", "16"},
      {"max-batch", "Sequences decoded together in one forward pass (default 8).", "N", "8"},
      {"template", "Prompt template of chat requests: model (the default when it has one), chatml, clinic, "
                   "clinic-en or raw.", "NAME"},
      {"safety-action", "What a flagged answer gets: flag (flags in the reply only, the default), disclaimer "
                        "(appended to every answer) or refuse (a flagged answer is withheld).", "ACTION", "flag"},
      {"request-log", "Log every request in the workspace (question and answer PII-scrubbed). Off by default."},
      {"cache-size", "Deterministic answers kept in the response cache (default 256; 0 = off).", "N", "256"},
      {"cache-ttl", "Seconds a cached answer stays valid (default 600).", "S", "600"},
  });
  add_generation_options(parser);
  if (const auto done = parse_arguments(parser, args, kName)) return *done;
  try {
    const ModelOptions model = model_options(parser);
    if (parser.isSet("ground"))
      throw std::invalid_argument("--ground is per request here: send \"medlora\": {\"ground\": true}");
    const std::string template_name = parser.value("template").toStdString();
    tokenizer::PromptFormat::check_name(template_name);
    serve::ServerStackConfig config;
    config.model_dir = model.dir;
    config.compute = model.compute;
    config.quantization = model.quantization;
    config.api.safety_action = serve::parse_safety_action(parser.value("safety-action").toStdString());
    config.api.cache_entries = positive(parser, "cache-size", 0);
    config.api.cache_ttl = std::chrono::seconds(positive(parser, "cache-ttl", 1));
    config.api.chat_template = template_name;
    config.api.default_instruction = parser.value("instruction").toStdString();
    config.api.keys_workspace = workspace_file_option(parser).string();
    open_or_create_workspace(parser);  // keys and the log need the file (and its schema)
    if (parser.isSet("request-log")) config.api.request_log_workspace = config.api.keys_workspace;
    config.scheduler.max_queue = positive(parser, "max-queue", 0);
    config.scheduler.max_batch = positive(parser, "max-batch", 1);
    config.scheduler.knowledge_workspace = config.api.keys_workspace;
    config.scheduler.grounding = grounding_settings(parser);
    config.http.host = parser.value("host").toStdString();
    config.http.port = static_cast<int>(positive(parser, "port", 0));
    if (config.http.port > 65535) throw std::invalid_argument("--port must be at most 65535");
    config.defaults = sampling_params(parser);
    config.bad_words = bad_words(parser);
    config.adapters = adapter_options(parser);
    config.router = router_option(parser);
    config.safety = safety_option(parser);

    install_stop_handler();
    signal(SIGPIPE, SIG_IGN);  // a client that hangs up is a failed write, not the end of the server

    serve::ServerStack server(std::move(config));
    std::thread stopper([&] {
      wait_for_stop_signal();
      server.stop();  // drains: finishes every queued and running answer
    });
    QJsonArray ids;
    for (const auto& id : server.model_ids()) ids.append(QString::fromStdString(id));
    std::printf("%s\n", io::json::compact(QJsonObject{{"event", "listening"},
                                                      {"url", QString::fromStdString(server.url())},
                                                      {"models", ids}})
                            .c_str());
    std::fflush(stdout);
    server.serve();
    sem_post(&g_stop_requested);  // when the server ended by itself; harmless after a signal
    stopper.join();
    std::fprintf(stderr, "medlora serve: drained and stopped\n");
    return 0;
  } catch (const std::exception& e) {
    return fail(kName, QString::fromUtf8(e.what()).replace('\n', "; "));
  }
}

int run_serve(const QStringList& args) {
  if (args.size() > 1 && args[1] == "key") return run_serve_keys(args);
  return run_server(args);
}

const CliRegistration registration(kName.toStdString(), "an OpenAI-compatible server (medlora serve key: API keys)",
                                   run_serve);

}  // namespace
}  // namespace medlora::cli
