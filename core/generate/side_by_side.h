#pragma once
// Side by side: the same prompt and seed sent to 2-4 model configurations (the base, the base
// with adapter X, with adapter Y, a merged model ...) one after the other, so that a LoRA's
// effect shows at a glance. Configurations on the same model folder share one loaded base
// (one ChatEngine per folder, adapters switched on it), kept by an EnginePool that the test-set
// runner uses too.
//
// THREADS: like ChatEngine, driven by one thread; only the cancel flag may be set elsewhere.
#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/generate/chat_engine.h"

namespace medlora::generate {

struct AdapterSpec {
  std::string name;            // "" = the folder's name
  std::filesystem::path dir;   // a PEFT adapter folder
};

// "NAME=DIR" or "DIR" (surrounding blanks trimmed), as --adapter and the Serve panel take it: a
// '=' counts only when what precedes it is not a path (has no '/'). Throws
// std::invalid_argument when the folder is missing.
AdapterSpec parse_adapter_spec(const std::string& text);

// Throws std::invalid_argument "<prefix>the routing rules name adapters that are not loaded: A, B
// (<hint>)" when the rules may pick an adapter `engine` has not loaded.
void require_route_adapters(const ChatEngine& engine, const chat::RoutingRules& rules, const std::string& prefix,
                            const std::string& hint);

struct ModelConfiguration {
  std::string label;                  // shown over the column / stored with the answers
  std::filesystem::path model_dir;    // a base model folder, or a merged model folder
  std::optional<AdapterSpec> adapter; // none: the model alone
  // Routing instead of one adapter: these adapters are loaded and the router picks one per
  // question (`adapter` must then be empty).
  std::vector<AdapterSpec> routed_adapters;
  std::shared_ptr<const chat::AdapterRouter> router;
};

// A configuration made ready: its engine (adapters loaded) and the request it answers.
struct PreparedRequest {
  ChatEngine* engine = nullptr;
  ChatRequest request;  // the base request with the configuration's adapter or router
};

// Loads each model folder once and each adapter once per folder; every later request for the
// same folder (and adapter folder) reuses them.
class EnginePool {
 public:
  // Every folder is loaded with `compute` and its base stored as `quantization` says.
  explicit EnginePool(runtime::ComputeOptions compute, quant::BaseQuantization quantization = {});
  ~EnginePool();

  // Loads what `configuration` needs (if not loaded yet) and returns its engine with `base`
  // turned into the configuration's request. An adapter without a name is called after its
  // folder ("-2", "-3" ... appended when another folder has that name already). Throws like
  // ChatEngine (a missing folder, an adapter made for another base) and std::invalid_argument
  // for an explicit adapter name that another folder already has, both an adapter and a
  // router, or a router that may pick an adapter not among routed_adapters.
  PreparedRequest prepare(const ModelConfiguration& configuration, const ChatRequest& base);
  // The engine of a model folder, loading it on first use.
  ChatEngine& engine(const std::filesystem::path& model_dir);
  size_t size() const { return engines_.size(); }

 private:
  std::string load_once(ChatEngine& engine, const AdapterSpec& spec, bool rename_on_clash);

  runtime::ComputeOptions compute_;
  quant::BaseQuantization quantization_;
  std::map<std::string, std::unique_ptr<ChatEngine>> engines_;  // by normalised absolute folder
};

struct SideBySideResult {
  std::string label;
  // finish_reason "cancelled" (no text) for a configuration never started, "error" for one
  // that failed.
  ChatReply reply;
  bool ran = false;   // false when cancelled before this configuration or when it failed
  std::string error;  // why this configuration failed (the others still ran)
};

// (configuration index, text piece): pieces of each configuration concatenate to its text.
using SideBySideCallback = std::function<void(size_t configuration, const std::string& piece)>;
// (configuration index) before a configuration starts, so a view can mark its column.
using ConfigurationStarted = std::function<void(size_t configuration)>;

class SideBySide {
 public:
  explicit SideBySide(EnginePool& pool) : pool_(pool) {}

  // Runs `request` (its question, history, settings; adapter and router are replaced by each
  // configuration's) through 2-4 configurations in turn with one seed: the request's, or one
  // drawn once for all. A failing configuration records its error and the next one runs;
  // after a cancel the remaining ones are not started. Throws std::invalid_argument for fewer
  // than 2 or more than 4 configurations, or duplicate labels.
  std::vector<SideBySideResult> run(const ChatRequest& request, const std::vector<ModelConfiguration>& configurations,
                                    const SideBySideCallback& on_piece = {}, const std::atomic<bool>* cancel = nullptr,
                                    const ConfigurationStarted& on_start = {});

  static constexpr size_t kMinConfigurations = 2;
  static constexpr size_t kMaxConfigurations = 4;

 private:
  EnginePool& pool_;
};

}  // namespace medlora::generate
