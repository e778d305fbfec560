#include "app/cli/chat_options.h"

#include <QJsonDocument>
#include <filesystem>
#include <stdexcept>

#include "app/cli/workspace_option.h"
#include "core/store/workspace_location.h"

namespace medlora::cli {

void add_chat_options(QCommandLineParser& parser) {
  parser.addOptions({
      {"adapter", "PEFT LoRA adapter: NAME=DIR or DIR (repeatable; the name defaults to the folder's).", "ADAPTER"},
      {"route", "Pick the adapter per question with these keyword rules (JSON, or 'defaults').", "RULES"},
      {"ground", "Ground answers on the workspace's knowledge base (see medlora kb)."},
      {"workspace",
       "Workspace with the knowledge base (default: the workbench's, " +
           QString::fromStdString(store::default_workspace_path().string()) + ").",
       "W"},
      {"ground-top-k", "Passages put in front of the question with --ground (default 3).", "K", "3"},
      {"ground-language", "Language of the grounding template: auto, zh or en (default auto).", "L", "auto"},
      {"instruction", "Instruction for the template (default: the template's own).", "TEXT"},
      {"safety", "Safety rules: a JSON file, 'defaults' or 'off'.", "RULES"},
  });
}

std::vector<generate::AdapterSpec> adapter_options(const QCommandLineParser& parser) {
  std::vector<generate::AdapterSpec> adapters;
  for (const auto& value : parser.values("adapter")) {
    try {
      adapters.push_back(generate::parse_adapter_spec(value.toStdString()));
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(std::string("--") + e.what());
    }
  }
  return adapters;
}

std::shared_ptr<const chat::AdapterRouter> router_option(const QCommandLineParser& parser) {
  if (!parser.isSet("route")) return nullptr;
  const std::string value = parser.value("route").toStdString();
  auto rules = value == "defaults" ? chat::RoutingRules::defaults() : chat::RoutingRules::load(value);
  return std::make_shared<const chat::AdapterRouter>(std::move(rules));
}

std::shared_ptr<const chat::SafetyFilter> safety_option(const QCommandLineParser& parser) {
  const std::string value = parser.isSet("safety") ? parser.value("safety").toStdString() : "defaults";
  if (value == "off") return nullptr;
  auto rules = value == "defaults" ? chat::SafetyRules::defaults() : chat::SafetyRules::load(value);
  return std::make_shared<const chat::SafetyFilter>(std::move(rules));
}

std::string workspace_path_option(const QCommandLineParser& parser, bool must_exist) {
  const std::filesystem::path file = workspace_file_option(parser);
  if (must_exist && !std::filesystem::is_regular_file(file))
    throw std::invalid_argument(file.string() +
                                ": no such workspace (import documents first: medlora kb import --workspace W FILE)");
  if (!must_exist && file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  return file.string();
}

generate::ChatGrounding grounding_settings(const QCommandLineParser& parser) {
  bool ok = false;
  const int top_k = parser.value("ground-top-k").toInt(&ok);
  if (!ok || top_k < 1) throw std::invalid_argument("--ground-top-k expects a positive integer, got \"" +
                                                    parser.value("ground-top-k").toStdString() + "\"");
  const std::string language = parser.value("ground-language").toStdString();
  if (language != "auto" && language != "zh" && language != "en")
    throw std::invalid_argument("--ground-language expects auto, zh or en, got \"" + language + "\"");
  generate::ChatGrounding grounding;
  grounding.top_k = top_k;
  grounding.options.language = language;
  return grounding;
}

std::unique_ptr<GroundingSource> grounding_option(const QCommandLineParser& parser) {
  if (!parser.isSet("ground")) return nullptr;
  const auto settings = grounding_settings(parser);
  auto source = std::make_unique<GroundingSource>();
  source->workspace = std::make_unique<store::Workspace>(workspace_path_option(parser, true));
  source->knowledge_base = std::make_unique<store::KnowledgeBase>(*source->workspace);
  if (source->knowledge_base->chunk_count() == 0)
    throw std::invalid_argument(source->workspace->path() +
                                ": the knowledge base is empty (import documents with medlora kb import)");
  source->grounding = settings;
  source->grounding.knowledge_base = source->knowledge_base.get();
  return source;
}

void load_adapters(generate::ChatEngine& engine, const std::vector<generate::AdapterSpec>& adapters,
                   const chat::AdapterRouter* router) {
  for (const auto& spec : adapters) engine.load_adapter(spec.dir, spec.name);
  if (router) generate::require_route_adapters(engine, router->rules(), "", "add --adapter NAME=DIR for each");
}

QJsonObject passage_json(const store::Passage& passage) {
  return {{"title", QString::fromStdString(passage.title)},
          {"document", QString::fromStdString(passage.document_title)},
          {"text", QString::fromStdString(passage.text)},
          {"score", passage.score}};
}

}  // namespace medlora::cli
