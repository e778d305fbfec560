#pragma once
// The chat-tester flags shared by `medlora chat` and `medlora generate`: adapters by name
// (--adapter NAME=DIR), keyword routing (--route), grounding on the workspace's knowledge base
// (--ground --workspace --ground-top-k --ground-language; --top-k is sampling's), the
// instruction, and the safety rules.
#include "core/generate/side_by_side.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QStringList>
#include <memory>
#include <string>
#include <vector>

#include "core/store/knowledge_base.h"
#include "core/store/workspace.h"

namespace medlora::cli {

// --adapter --route --ground --workspace --ground-top-k --ground-language --instruction --safety
// (--template and the sampling flags are the commands' own).
void add_chat_options(QCommandLineParser& parser);

// Each --adapter value: "NAME=DIR" or "DIR" (named after its folder).
std::vector<generate::AdapterSpec> adapter_options(const QCommandLineParser& parser);
// The router for --route FILE ("defaults" = the shipped rules), or null without --route.
std::shared_ptr<const chat::AdapterRouter> router_option(const QCommandLineParser& parser);
// The safety filter: --safety FILE, "defaults" (the shipped rules) or "off" (null).
std::shared_ptr<const chat::SafetyFilter> safety_option(const QCommandLineParser& parser);

// The workspace and knowledge base that --ground reads; they belong to the calling thread.
struct GroundingSource {
  std::unique_ptr<store::Workspace> workspace;
  std::unique_ptr<store::KnowledgeBase> knowledge_base;
  generate::ChatGrounding grounding;  // points at knowledge_base
};
// --ground-top-k and --ground-language (no knowledge base yet).
generate::ChatGrounding grounding_settings(const QCommandLineParser& parser);
// Null without --ground. Throws when the workspace file does not exist or holds no passages.
std::unique_ptr<GroundingSource> grounding_option(const QCommandLineParser& parser);
// --workspace, or the default workspace; `must_exist` refuses a missing file.
std::string workspace_path_option(const QCommandLineParser& parser, bool must_exist);

// Loads every adapter into the engine and checks that the router's adapters are among them.
void load_adapters(generate::ChatEngine& engine, const std::vector<generate::AdapterSpec>& adapters,
                   const chat::AdapterRouter* router);

// A passage as JSON: {"title", "document", "text", "score"}.
QJsonObject passage_json(const store::Passage& passage);

}  // namespace medlora::cli
