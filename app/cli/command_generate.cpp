// medlora generate: one completion from a model folder (optionally with LoRA adapters, routing
// and grounding), streamed to stdout as it is produced or one JSON object with --json; or, with
// --batch, a test set of questions through every configuration, one JSON line per answer
// (batch mode lives in generate_batch.cpp).
#include "app/cli/chat_options.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>
#include <stdexcept>

#include "app/cli/cli_command.h"
#include "app/cli/generate_batch.h"
#include "app/cli/model_command_options.h"
#include "app/cli/sampling_options.h"
#include "core/io/json_util.h"
#include "core/tokenizer/prompt_format.h"

namespace medlora::cli {
namespace {

const QString kName = "generate";

std::string read_input(const QCommandLineParser& parser) {
  if (parser.isSet("prompt")) return parser.value("prompt").toStdString();
  QFile file(parser.value("prompt-file"));
  if (!file.open(QIODevice::ReadOnly))
    throw std::invalid_argument(parser.value("prompt-file").toStdString() + ": cannot be read");
  return file.readAll().toStdString();
}

int run_single(const QCommandLineParser& parser, const ModelOptions& model, generate::ChatRequest settings) {
  const std::string input = read_input(parser);
  const auto adapters = adapter_options(parser);
  const auto router = router_option(parser);
  if (adapters.size() > 1 && !router)
    throw std::invalid_argument(
        "several --adapter folders: add --route RULES to choose per question, or --batch to compare them");
  const auto grounding = grounding_option(parser);
  if (grounding) settings.grounding = grounding->grounding;
  if (parser.isSet("safety")) settings.safety = safety_option(parser);

  generate::ChatEngine engine(model.dir, model.compute, model.quantization);
  load_adapters(engine, adapters, router.get());
  settings.sampling.bad_words_ids = engine.bad_words_ids(bad_words(parser));
  if (router)
    settings.router = router;
  else if (!adapters.empty())
    settings.adapter = engine.adapter_names().front();

  const bool json = parser.isSet("json");
  generate::TokenCallback stream;
  if (!json)
    stream = [](const std::string& piece, int64_t) {
      std::fwrite(piece.data(), 1, piece.size(), stdout);
      std::fflush(stdout);
    };
  generate::ChatReply reply;
  if (input.empty()) {
    // An empty input means "start from BOS alone", not "the template around nothing".
    if (router || grounding) throw std::invalid_argument("--route and --ground need a prompt");
    engine.use_adapter(settings.adapter);
    auto result = generate::Generator(engine.model(), engine.tokenizer()).generate("", settings.sampling, stream);
    reply.text = result.text;
    reply.tokens = result.tokens;
    reply.prompt_tokens = result.prompt_tokens;
    reply.seconds = result.seconds;
    reply.tokens_per_second = result.tokens_per_second;
    reply.finish_reason = result.finish_reason;
  } else {
    settings.question = input;
    reply = engine.answer(settings, stream);
  }
  if (json) {
    QJsonObject out;
    out["text"] = QString::fromStdString(reply.text);
    out["tokens"] = static_cast<qint64>(reply.tokens.size());
    QJsonArray token_ids;  // what was generated, for comparisons with other runtimes (llama.cpp)
    for (const int64_t id : reply.tokens) token_ids.append(static_cast<qint64>(id));
    out["token_ids"] = token_ids;
    out["prompt_tokens"] = static_cast<qint64>(reply.prompt_tokens);
    out["seconds"] = reply.seconds;
    out["tokens_per_second"] = reply.tokens_per_second;
    out["finish_reason"] = QString::fromStdString(reply.finish_reason);
    if (router) {
      out["adapter"] = QString::fromStdString(reply.adapter);
      out["route_reason"] = QString::fromStdString(reply.route ? reply.route->reason : "");
    }
    if (grounding) {
      QJsonArray passages;
      for (const auto& passage : reply.passages) passages.append(passage_json(passage));
      out["passages"] = passages;
    }
    if (reply.safety)
      out["flags"] =
          io::json::array_or_empty(chat::safety_flags_to_json(reply.safety->flags));
    std::fputs(io::json::compact(out).c_str(), stdout);
  }
  std::fputs("\n", stdout);
  if (!json && reply.safety) {
    for (const auto& flag : reply.safety->flags)
      std::fprintf(stderr, "safety flag [%s] %s: %s\n", chat::safety_flag_kind_name(flag.kind), flag.rule_id.c_str(),
                   flag.description.c_str());
  }
  return 0;
}

int run_generate(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Generate a completion with a model folder (and optional LoRA adapters), or answer a test set with --batch.");
  parser.addHelpOption();
  parser.addOptions({
      {"prompt", "The user's input (\"\" starts from BOS alone).", "TEXT"},
      {"prompt-file", "Read the input from a UTF-8 file.", "FILE"},
      {"template", "Prompt template: model (the model's chat template; the default when it has one), chatml, "
                   "clinic (the default otherwise), clinic-en or raw.", "NAME"},
      {"template-format", "A custom template with {input} and optionally {instruction}.", "FORMAT"},
      {"json", "Print one JSON object instead of streaming the text."},
      {"batch", "Answer every question of FILE (JSONL {\"item\",\"question\",\"reference\"} or one per line).", "FILE"},
      {"out", "With --batch: append one JSON line per answer here (an existing file is resumed).", "FILE"},
      {"base", "With --batch and adapters: answer with the base model too."},
      {"merged", "With --batch: a merged model folder as one more configuration (repeatable).", "DIR"},
  });
  add_generation_options(parser);
  if (const auto done = parse_arguments(parser, args, kName)) return *done;
  try {
    const ModelOptions model = model_options(parser);
    const bool batch = parser.isSet("batch");
    if (batch && (parser.isSet("prompt") || parser.isSet("prompt-file")))
      throw std::invalid_argument("--batch reads its questions from FILE; drop --prompt/--prompt-file");
    if (!batch && parser.isSet("prompt") == parser.isSet("prompt-file"))
      throw std::invalid_argument("give exactly one of --prompt TEXT and --prompt-file FILE (or --batch FILE)");
    if (!batch && (parser.isSet("out") || parser.isSet("base") || parser.isSet("merged")))
      throw std::invalid_argument("--out, --base and --merged go with --batch FILE");

    generate::ChatRequest settings;
    settings.sampling = sampling_params(parser);
    settings.template_name = parser.value("template").toStdString();
    settings.custom_template = parser.value("template-format").toStdString();
    settings.instruction = parser.value("instruction").toStdString();
    // A bad template is reported before the model is loaded.
    if (settings.custom_template.empty())
      tokenizer::PromptFormat::check_name(settings.template_name);
    else
      tokenizer::make_custom_template(settings.custom_template);
    return batch ? run_batch(parser, model, settings) : run_single(parser, model, settings);
  } catch (const std::exception& e) {
    return fail(kName, QString::fromUtf8(e.what()).replace('\n', "; "));
  }
}

const CliRegistration registration(kName.toStdString(), "generate a completion from a prompt, or answer a test set",
                                   run_generate);

}  // namespace
}  // namespace medlora::cli
