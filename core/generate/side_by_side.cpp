#include "core/generate/side_by_side.h"

#include <set>
#include <stdexcept>

namespace medlora::generate {

namespace {

std::string folder_key(const std::filesystem::path& dir) {
  return std::filesystem::weakly_canonical(std::filesystem::absolute(dir)).string();
}

std::string folder_name(const std::filesystem::path& dir) {
  const auto path = dir.lexically_normal();
  return (path.has_filename() ? path : path.parent_path()).filename().string();
}

}  // namespace

AdapterSpec parse_adapter_spec(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  const std::string line =
      first == std::string::npos ? std::string() : text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  AdapterSpec spec;
  const auto equals = line.find('=');
  if (equals != std::string::npos && equals > 0 && line.substr(0, equals).find('/') == std::string::npos) {
    spec.name = line.substr(0, equals);
    spec.dir = line.substr(equals + 1);
  } else {
    spec.dir = line;
  }
  if (spec.dir.empty()) throw std::invalid_argument("adapter \"" + text + "\": the folder is missing");
  return spec;
}

void require_route_adapters(const ChatEngine& engine, const chat::RoutingRules& rules, const std::string& prefix,
                            const std::string& hint) {
  const auto missing = engine.missing_route_adapters(rules);
  if (missing.empty()) return;
  std::string names;
  for (const auto& name : missing) names += (names.empty() ? "" : ", ") + name;
  throw std::invalid_argument(prefix + "the routing rules name adapters that are not loaded: " + names + " (" + hint +
                              ")");
}

EnginePool::EnginePool(runtime::ComputeOptions compute, quant::BaseQuantization quantization)
    : compute_(compute), quantization_(quantization) {}

EnginePool::~EnginePool() = default;

ChatEngine& EnginePool::engine(const std::filesystem::path& model_dir) {
  if (model_dir.empty()) throw std::invalid_argument("a configuration needs a model folder");
  const std::string key = folder_key(model_dir);
  auto found = engines_.find(key);
  if (found == engines_.end())
    found = engines_.emplace(key, std::make_unique<ChatEngine>(model_dir, compute_, quantization_)).first;
  return *found->second;
}

std::string EnginePool::load_once(ChatEngine& engine, const AdapterSpec& spec, bool rename_on_clash) {
  if (spec.dir.empty()) throw std::invalid_argument("an adapter needs its folder");
  const std::string wanted = spec.name.empty() ? folder_name(spec.dir) : spec.name;
  const std::string dir_key = folder_key(spec.dir);
  std::string name = wanted;
  for (int suffix = 2; engine.has_adapter(name); ++suffix) {
    if (folder_key(engine.adapter_dir(name)) == dir_key) return name;  // loaded already
    if (!rename_on_clash)
      throw std::invalid_argument("two different adapter folders are both called '" + wanted + "' (" +
                                  engine.adapter_dir(name).string() + " and " + spec.dir.string() +
                                  "); give them different names");
    name = wanted + "-" + std::to_string(suffix);
  }
  return engine.load_adapter(spec.dir, name);
}

PreparedRequest EnginePool::prepare(const ModelConfiguration& configuration, const ChatRequest& base) {
  const std::string label = configuration.label.empty() ? configuration.model_dir.string() : configuration.label;
  if (configuration.adapter && configuration.router)
    throw std::invalid_argument("configuration '" + label + "' has both an adapter and routing rules; pick one");
  PreparedRequest prepared;
  prepared.engine = &engine(configuration.model_dir);
  prepared.request = base;
  prepared.request.adapter.clear();
  prepared.request.router.reset();
  if (configuration.adapter)
    prepared.request.adapter =
        load_once(*prepared.engine, *configuration.adapter, /*rename_on_clash=*/configuration.adapter->name.empty());
  for (const auto& spec : configuration.routed_adapters)
    load_once(*prepared.engine, spec, /*rename_on_clash=*/false);  // rules name adapters: names stay
  if (configuration.router) {
    require_route_adapters(*prepared.engine, configuration.router->rules(), "configuration '" + label + "': ",
                           "load them or edit the rules");
    prepared.request.router = configuration.router;
  }
  return prepared;
}

std::vector<SideBySideResult> SideBySide::run(const ChatRequest& request,
                                              const std::vector<ModelConfiguration>& configurations,
                                              const SideBySideCallback& on_piece, const std::atomic<bool>* cancel,
                                              const ConfigurationStarted& on_start) {
  if (configurations.size() < kMinConfigurations || configurations.size() > kMaxConfigurations)
    throw std::invalid_argument("side by side compares 2 to 4 configurations, got " +
                                std::to_string(configurations.size()));
  std::set<std::string> labels;
  for (const auto& configuration : configurations)
    if (!labels.insert(configuration.label).second)
      throw std::invalid_argument("two configurations are labelled '" + configuration.label + "'; labels must differ");

  // One seed for all: differences between the columns then come from the models alone.
  ChatRequest shared = request;
  if (!shared.sampling.seed) shared.sampling.seed = draw_seed();

  std::vector<SideBySideResult> results(configurations.size());
  for (size_t i = 0; i < configurations.size(); ++i) {
    results[i].label = configurations[i].label;
    results[i].reply.finish_reason = "cancelled";
    results[i].reply.seed = *shared.sampling.seed;
  }
  for (size_t i = 0; i < configurations.size(); ++i) {
    if (cancel && cancel->load()) break;
    if (on_start) on_start(i);
    try {
      auto prepared = pool_.prepare(configurations[i], shared);
      TokenCallback forward;
      if (on_piece) forward = [&on_piece, i](const std::string& piece, int64_t) { on_piece(i, piece); };
      results[i].reply = prepared.engine->answer(prepared.request, forward, cancel);
      results[i].ran = true;
    } catch (const std::exception& e) {
      results[i].error = e.what();
      results[i].reply.finish_reason = "error";
    }
  }
  return results;
}

}  // namespace medlora::generate
