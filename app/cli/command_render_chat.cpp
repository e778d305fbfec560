// medlora render-chat: conversations rendered by a model's own chat template (as HF's
// apply_chat_template), with the token ids the model is given for them: the template's markup
// with its special tokens, message content always as plain text.
#include <QCommandLineParser>
#include <QFile>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <stdexcept>

#include "app/cli/cli_command.h"
#include "core/tokenizer/chat_template.h"
#include "core/tokenizer/prompt_format.h"
#include "core/tokenizer/tokenizer.h"

namespace medlora::cli {
namespace {

const QString kName = "render-chat";

nlohmann::ordered_json read_json_file(const QString& path, const char* what) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) throw std::invalid_argument(path.toStdString() + ": cannot open " + what);
  try {
    return nlohmann::ordered_json::parse(file.readAll().toStdString());
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(path.toStdString() + ": not valid JSON (" + e.what() + ")");
  }
}

// A file holds a list of conversations, or one conversation (a list of message objects).
std::vector<nlohmann::ordered_json> conversations_of(const nlohmann::ordered_json& json, const QString& path) {
  if (!json.is_array()) throw std::invalid_argument(path.toStdString() + ": expected a JSON array of conversations");
  if (!json.empty() && json.front().is_object()) return {json};
  std::vector<nlohmann::ordered_json> out;
  for (size_t i = 0; i < json.size(); ++i) {
    if (!json[i].is_array())
      throw std::invalid_argument(path.toStdString() + ": conversation " + std::to_string(i + 1) +
                                  " is not an array of {role, content} messages");
    out.push_back(json[i]);
  }
  return out;
}

int run_render_chat(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Render conversations with a model's chat template and show the token ids the model gets for them.");
  parser.addHelpOption();
  parser.addOptions({
      {"model", "Model folder, or a folder with only the tokenizer files (tokenizer.json + tokenizer_config.json).", "DIR"},
      {"messages", "JSON file: an array of conversations, each an array of {role, content} (or one conversation).", "FILE"},
      {"add-generation-prompt", "End with the opening of the assistant's turn."},
      {"variables", "Extra template variables as a JSON object, e.g. {\"enable_thinking\": false}.", "JSON"},
      {"json", "Print {\"texts\": [...], \"ids\": [[...]]} (the only output format)."},
  });
  if (const auto done = parse_arguments(parser, args, kName)) return *done;
  try {
    if (!parser.isSet("model")) throw std::invalid_argument("--model DIR is required");
    if (!parser.isSet("messages")) throw std::invalid_argument("--messages FILE is required");
    const std::filesystem::path dir = parser.value("model").toStdString();
    const auto format = tokenizer::PromptFormat::resolve("model", "", dir, tokenizer::Tokenizer::load(dir));
    std::string variables;
    if (parser.isSet("variables")) {
      try {
        const auto parsed = nlohmann::ordered_json::parse(parser.value("variables").toStdString());
        if (!parsed.is_object()) throw std::invalid_argument("not an object");
        variables = parsed.dump();
      } catch (const std::exception& e) {
        throw std::invalid_argument("--variables must be a JSON object (" + std::string(e.what()) + ")");
      }
    }
    const bool generation_prompt = parser.isSet("add-generation-prompt");
    nlohmann::ordered_json out = {{"texts", nlohmann::ordered_json::array()}, {"ids", nlohmann::ordered_json::array()}};
    for (const auto& conversation : conversations_of(read_json_file(parser.value("messages"), "the messages"),
                                                     parser.value("messages"))) {
      const auto rendered = format.chat_template()->render_json_text(conversation.dump(), generation_prompt, variables);
      const auto encoded = format.encode_rendered(rendered.text, rendered.markup);
      out["texts"].push_back(encoded.text);
      out["ids"].push_back(encoded.ids);
    }
    std::printf("%s\n", out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return 0;
  } catch (const std::exception& e) {
    return fail(kName, QString::fromUtf8(e.what()).replace('\n', "; "));
  }
}

const CliRegistration registration(kName.toStdString(), "render conversations with a model's chat template",
                                   run_render_chat);

}  // namespace
}  // namespace medlora::cli
