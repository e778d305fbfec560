// torch (via the core generate headers) before Qt: Qt's `slots` macro breaks ATen's headers.
#include "ui/serve/serve_session.h"

#include <sstream>
#include <stdexcept>

#include "core/chat/adapter_router.h"
#include "core/chat/safety_filter.h"
#include "core/tokenizer/prompt_format.h"

namespace medlora::ui {

serve::ServerStackConfig server_config(const ServeSettings& settings, const runtime::ComputeOptions& compute) {
  serve::ServerStackConfig config;
  config.model_dir = settings.model_dir;
  config.compute = compute;
  config.adapters = settings.adapters;
  if (!settings.route.empty()) {
    auto rules = settings.route == "defaults" ? chat::RoutingRules::defaults() : chat::RoutingRules::load(settings.route);
    config.router = std::make_shared<const chat::AdapterRouter>(std::move(rules));
  }
  // The safety filter checks every answer, as medlora serve's default.
  config.safety = std::make_shared<const chat::SafetyFilter>(chat::SafetyRules::defaults());
  tokenizer::PromptFormat::check_name(settings.chat_template);
  config.api.chat_template = settings.chat_template;
  config.api.safety_action = settings.safety_action;
  config.api.cache_entries = settings.cache_entries;
  config.api.keys_workspace = settings.workspace;
  if (settings.request_log) config.api.request_log_workspace = settings.workspace;
  config.scheduler.max_queue = settings.max_queue;
  config.scheduler.max_batch = settings.max_batch;
  config.scheduler.knowledge_workspace = settings.workspace;
  config.http.host = settings.host;
  config.http.port = settings.port;
  return config;
}

std::vector<generate::AdapterSpec> parse_adapter_lines(const std::string& text) {
  std::vector<generate::AdapterSpec> adapters;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    adapters.push_back(generate::parse_adapter_spec(line));
  }
  return adapters;
}

}  // namespace medlora::ui
