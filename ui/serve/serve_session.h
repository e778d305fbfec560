#pragma once
// What the Serve panel starts: its settings, turned into the core server's configuration (the
// same serve::ServerStack `medlora serve` runs, with the same defaults for what the panel does
// not set).
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "core/generate/side_by_side.h"
#include "core/runtime/compute_options.h"
#include "core/serve/answer_outcome.h"
#include "core/serve/server_stack.h"

namespace medlora::ui {

struct ServeSettings {
  std::filesystem::path model_dir;
  std::vector<generate::AdapterSpec> adapters;
  std::string route;          // "" = no model "route"; "defaults" = the built-in rules; else a rules file
  std::string chat_template;  // "" = the model's own (clinic when it has none), or a PromptFormat name
  serve::SafetyAction safety_action = serve::SafetyAction::Flag;
  size_t cache_entries = 256;  // 0 = no response cache
  bool request_log = false;    // log each request (PII-scrubbed) in the workspace
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 = any free port
  size_t max_queue = 16;
  size_t max_batch = 8;
  std::string workspace;  // where the API keys (and the request log) are (required)
};

// The server configuration for `settings`; reads the routing rules file. Throws
// std::invalid_argument naming what is wrong.
serve::ServerStackConfig server_config(const ServeSettings& settings, const runtime::ComputeOptions& compute);

// "NAME=DIR" lines (or a bare DIR: the adapter takes the folder's name), as --adapter reads
// them; blank lines are skipped. Throws std::invalid_argument for a line without a folder.
std::vector<generate::AdapterSpec> parse_adapter_lines(const std::string& text);

}  // namespace medlora::ui
