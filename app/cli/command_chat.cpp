// medlora chat: the chat tester in a terminal. One question a line on stdin (a terminal or a
// pipe); the answer streams as it is generated, then its speed, the adapter that answered and
// why, the passages it was grounded on, the safety flags and the disclaimer. Commands: /reset
// /adapter NAME|base|route /adapters /help /quit. Ctrl-C stops the answer being written.
#include "app/cli/chat_options.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <string>

#include "app/cli/cli_command.h"
#include "app/cli/model_command_options.h"
#include "app/cli/sampling_options.h"
#include "core/io/json_util.h"
#include "core/tokenizer/prompt_format.h"

namespace medlora::cli {
namespace {

const QString kName = "chat";

std::atomic<bool> g_stop{false};
extern "C" void request_stop(int) { g_stop = true; }

void print(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

std::string trimmed(std::string text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return {};
  const auto end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

// The first `limit` characters (code points) of a passage on one line.
std::string excerpt(const std::string& text, size_t limit = 80) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80 && chars++ == limit) return out + "…";
    out += (c == '\n' || c == '\r') ? ' ' : text[i];
  }
  return out;
}

QJsonObject reply_json(const std::string& question, const generate::ChatReply& reply) {
  QJsonArray passages;
  for (const auto& passage : reply.passages) passages.append(passage_json(passage));
  QJsonArray cited;
  for (int n : reply.cited) cited.append(n);
  QJsonObject out{{"question", QString::fromStdString(question)},
                  {"answer", QString::fromStdString(reply.text)},
                  {"adapter", QString::fromStdString(reply.adapter)},
                  {"route_reason", QString::fromStdString(reply.route ? reply.route->reason : "")},
                  {"passages", passages},
                  {"cited", cited},
                  {"tokens", static_cast<qint64>(reply.tokens.size())},
                  {"tokens_per_second", reply.tokens_per_second},
                  {"finish_reason", QString::fromStdString(reply.finish_reason)},
                  {"seed", static_cast<qint64>(reply.seed)}};
  if (reply.safety)
    out["safety"] = io::json::object_or_empty(reply.safety->to_json());
  return out;
}

void print_reply_details(const generate::ChatReply& reply) {
  print("\n(" + std::to_string(reply.tokens.size()) + " tokens, " +
        QString::number(reply.tokens_per_second, 'f', 1).toStdString() + " tokens/s, " + reply.finish_reason + ")\n");
  if (!reply.passages.empty()) {
    print("passages:\n");
    for (size_t i = 0; i < reply.passages.size(); ++i) {
      const int number = static_cast<int>(i + 1);
      const bool cited = std::find(reply.cited.begin(), reply.cited.end(), number) != reply.cited.end();
      print("  [" + std::to_string(i + 1) + "] " + reply.passages[i].title + (cited ? " (cited)" : "") + ": " +
            excerpt(reply.passages[i].text) + "\n");
    }
  }
  if (!reply.safety) return;
  for (const auto& flag : reply.safety->flags)
    print("safety flag [" + std::string(chat::safety_flag_kind_name(flag.kind)) + "] " + flag.rule_id + ": " +
          flag.description + (flag.matched_text.empty() ? "" : " (\"" + flag.matched_text + "\")") + "\n");
  if (reply.safety->emergency()) print("!! " + reply.safety->emergency_notice + "\n");
  if (!reply.safety->disclaimer.empty()) print(reply.safety->disclaimer + "\n");
}

struct ChatSession {
  generate::ChatEngine& engine;
  generate::ChatRequest request;  // settings; question and history change per turn
  std::shared_ptr<const chat::AdapterRouter> router;
  bool routing = false;
  bool json = false;

  std::string answering_with() const {
    if (routing) return "routing rules";
    return request.adapter.empty() ? "base model" : "adapter " + request.adapter;
  }

  // Handles a /command; false for /quit.
  bool command(const std::string& line) {
    const auto space = line.find(' ');
    const std::string name = line.substr(0, space);
    const std::string arg = space == std::string::npos ? "" : trimmed(line.substr(space + 1));
    auto note = [&](const std::string& text) { std::fprintf(json ? stderr : stdout, "%s\n", text.c_str()); };
    if (name == "/quit" || name == "/exit") return false;
    if (name == "/reset") {
      request.history.clear();
      note("(conversation cleared)");
    } else if (name == "/adapters") {
      std::string names = "base";
      for (const auto& adapter : engine.adapter_names()) names += ", " + adapter;
      note("adapters: " + names + (router ? ", route" : "") + "; answering with " + answering_with());
    } else if (name == "/adapter") {
      if (arg == "route") {
        if (!router) {
          note("no routing rules: start medlora chat with --route RULES");
          return true;
        }
        routing = true;
      } else if (arg.empty() || arg == "base") {
        routing = false;
        request.adapter.clear();
      } else if (engine.has_adapter(arg)) {
        routing = false;
        request.adapter = arg;
      } else {
        note("no adapter named '" + arg + "' (see /adapters)");
        return true;
      }
      note("(answering with " + answering_with() + ")");
    } else if (name == "/help") {
      note("/reset  forget the conversation\n/adapter NAME|base|route  answer with another adapter\n"
           "/adapters  list them\n/quit  leave\nCtrl-C stops an answer.");
    } else {
      note("unknown command " + name + " (/help lists them)");
    }
    return true;
  }

  // Answers one question; false when it failed.
  bool ask(const std::string& question) {
    request.question = question;
    request.router = routing ? router : nullptr;
    generate::TokenCallback stream;
    if (!json) {
      if (routing) {
        const auto decision = router->route(question);
        print("[" + (decision.adapter.empty() || decision.adapter == "base" ? std::string("base model")
                                                                             : "adapter " + decision.adapter) +
              ": " + decision.reason + "]\n");
      } else {
        print("[" + answering_with() + "]\n");
      }
      stream = [](const std::string& piece, int64_t) { print(piece); };
    }
    g_stop = false;
    const auto previous = std::signal(SIGINT, request_stop);
    generate::ChatReply reply;
    try {
      reply = engine.answer(request, stream, &g_stop);
    } catch (const std::exception& e) {
      std::signal(SIGINT, previous);
      fail(kName, QString::fromUtf8(e.what()).replace('\n', "; "));
      return false;
    }
    std::signal(SIGINT, previous);
    if (json) {
      print(io::json::compact(reply_json(question, reply)) + "\n");
    } else {
      print_reply_details(reply);
      if (reply.history_used < request.history.size())
        print("(the oldest " + std::to_string(request.history.size() - reply.history_used) +
              " turns were left out to fit the model's context; /reset starts afresh)\n");
    }
    // A stopped answer is not part of the conversation the model sees next.
    if (reply.finish_reason != "cancelled") request.history.push_back({question, reply.text});
    return true;
  }
};

int run_chat(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Chat with a model in the terminal: one question a line on stdin, answers streamed.\n"
      "Commands: /reset, /adapter NAME|base|route, /adapters, /help, /quit. Ctrl-C stops an answer.");
  parser.addHelpOption();
  parser.addOptions({
      {"use",
       "The adapter that answers first (default: the rules with --route, else the first --adapter; 'base': none).",
       "NAME"},
      {"template", "Prompt template: model (the model's chat template; the default when it has one), chatml, "
                   "clinic (the default otherwise), clinic-en or raw.", "NAME"},
      {"template-format", "A custom template with {input} and optionally {instruction}.", "FORMAT"},
      {"json", "Print each answer as one JSON object instead of streaming it."},
  });
  add_generation_options(parser);
  if (const auto done = parse_arguments(parser, args, kName)) return *done;
  try {
    const ModelOptions model = model_options(parser);
    generate::ChatRequest settings;
    settings.sampling = sampling_params(parser);
    settings.template_name = parser.value("template").toStdString();
    settings.custom_template = parser.value("template-format").toStdString();
    settings.instruction = parser.value("instruction").toStdString();
    settings.safety = safety_option(parser);
    // A bad template is reported before the model is loaded.
    if (settings.custom_template.empty())
      tokenizer::PromptFormat::check_name(settings.template_name);
    else
      tokenizer::make_custom_template(settings.custom_template);
    const auto adapters = adapter_options(parser);
    const auto router = router_option(parser);
    const auto grounding = grounding_option(parser);
    if (grounding) settings.grounding = grounding->grounding;

    generate::ChatEngine engine(model.dir, model.compute, model.quantization);
    load_adapters(engine, adapters, router.get());
    settings.sampling.bad_words_ids = engine.bad_words_ids(bad_words(parser));
    ChatSession session{engine, settings, router, router != nullptr, parser.isSet("json")};
    if (parser.isSet("use")) {
      const std::string use = parser.value("use").toStdString();
      if (use != "base" && !engine.has_adapter(use))
        throw std::invalid_argument("--use " + use + ": no such adapter (give it with --adapter NAME=DIR)");
      session.request.adapter = use == "base" ? "" : use;
      session.routing = false;
    } else if (!router && !engine.adapter_names().empty()) {
      session.request.adapter = engine.adapter_names().front();
    }

    const bool terminal = ::isatty(STDIN_FILENO) != 0;
    if (terminal) std::printf("Answering with %s. /help lists the commands.\n", session.answering_with().c_str());
    int failures = 0;
    std::string line;
    while (true) {
      if (terminal) print("> ");
      if (!std::getline(std::cin, line)) break;
      line = trimmed(line);
      if (line.empty()) continue;
      if (line[0] == '/') {
        if (!session.command(line)) break;
        continue;
      }
      if (!session.ask(line)) ++failures;
    }
    if (terminal) print("\n");
    return failures == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    return fail(kName, QString::fromUtf8(e.what()).replace('\n', "; "));
  }
}

const CliRegistration registration(kName.toStdString(), "chat with a model in the terminal (streaming)", run_chat);

}  // namespace
}  // namespace medlora::cli
