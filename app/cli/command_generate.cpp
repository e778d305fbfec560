// medlora generate: one completion from a model folder (optionally with a LoRA adapter),
// streamed to stdout as it is produced, or one JSON object with --json.
#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <stdexcept>

#include "app/cli/cli_command.h"
#include "core/generate/generator.h"
#include "core/generate/loaded_model.h"
#include "core/runtime/compute_options.h"
#include "core/tokenizer/prompt_template.h"

namespace medlora::cli {
namespace {

const QString kName = "generate";

double parse_number(const QCommandLineParser& parser, const QString& option) {
  bool ok = false;
  const double value = parser.value(option).toDouble(&ok);
  if (!ok) throw std::invalid_argument("--" + option.toStdString() + " expects a number, got \"" +
                                       parser.value(option).toStdString() + "\"");
  return value;
}

int parse_int(const QCommandLineParser& parser, const QString& option) {
  bool ok = false;
  const int value = parser.value(option).toInt(&ok);
  if (!ok) throw std::invalid_argument("--" + option.toStdString() + " expects an integer, got \"" +
                                       parser.value(option).toStdString() + "\"");
  return value;
}

int run_generate(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription("Generate a completion with a model folder (and an optional LoRA adapter).");
  parser.addHelpOption();
  parser.addOptions({
      {"model", "HF model folder (config.json, safetensors, tokenizer.model).", "DIR"},
      {"adapter", "PEFT LoRA adapter folder to apply.", "DIR"},
      {"prompt", "The user's input (\"\" starts from BOS alone).", "TEXT"},
      {"prompt-file", "Read the input from a UTF-8 file.", "FILE"},
      {"template", "Prompt template: clinic (default), clinic-en or raw.", "NAME", "clinic"},
      {"max-new-tokens", "Most tokens to generate (default 200).", "N", "200"},
      {"temperature", "Sampling temperature, 0 = greedy (default 0.7).", "T", "0.7"},
      {"top-k", "Keep the k most likely tokens, 0 = off (default 50).", "K", "50"},
      {"top-p", "Nucleus sampling mass in (0, 1] (default 0.9).", "P", "0.9"},
      {"repetition-penalty", "Penalty for tokens already seen, 1 = off (default 1.2).", "R", "1.2"},
      {"seed", "Random seed for reproducible sampling.", "S"},
      {"device", "auto, cpu or cuda (default auto).", "D", "auto"},
      {"dtype", "auto, float32, bfloat16 or float16 (default auto).", "T", "auto"},
      {"threads", "CPU threads, 0 = all cores (default 0).", "N", "0"},
      {"stop", "Stop before this text (repeatable).", "S"},
      {"json", "Print one JSON object instead of streaming the text."},
  });
  if (const auto done = parse_arguments(parser, args, kName)) return *done;
  try {
    if (!parser.isSet("model")) throw std::invalid_argument("--model DIR is required");
    if (parser.isSet("prompt") == parser.isSet("prompt-file"))
      throw std::invalid_argument("give exactly one of --prompt TEXT and --prompt-file FILE");

    std::string input;
    if (parser.isSet("prompt")) {
      input = parser.value("prompt").toStdString();
    } else {
      QFile file(parser.value("prompt-file"));
      if (!file.open(QIODevice::ReadOnly))
        throw std::invalid_argument(parser.value("prompt-file").toStdString() + ": cannot be read");
      input = file.readAll().toStdString();
    }
    const auto& prompt_template = tokenizer::find_template(parser.value("template").toStdString());

    generate::SamplingParams params;
    params.max_new_tokens = parse_int(parser, "max-new-tokens");
    params.temperature = parse_number(parser, "temperature");
    params.top_k = parse_int(parser, "top-k");
    params.top_p = parse_number(parser, "top-p");
    params.repetition_penalty = parse_number(parser, "repetition-penalty");
    if (parser.isSet("seed")) {
      bool ok = false;
      params.seed = parser.value("seed").toULongLong(&ok);
      if (!ok) throw std::invalid_argument("--seed expects a non-negative integer, got \"" +
                                           parser.value("seed").toStdString() + "\"");
    }
    for (const auto& stop : parser.values("stop")) params.stop_strings.push_back(stop.toStdString());
    params.validate();
    const int threads = parse_int(parser, "threads");
    if (threads < 0) throw std::invalid_argument("--threads must be 0 (all cores) or positive");

    const auto compute =
        runtime::resolve_compute(parser.value("device").toStdString(), parser.value("dtype").toStdString(), threads);
    const auto loaded = generate::load_model_for_generation(parser.value("model").toStdString(),
                                                            parser.value("adapter").toStdString(), compute);
    generate::Generator generator(loaded.model, loaded.tokenizer);
    // An empty input means "start from BOS alone", not "the template around nothing".
    const std::string prompt = input.empty() ? std::string() : prompt_template.render_prompt(input);

    const bool json = parser.isSet("json");
    generate::TokenCallback stream;
    if (!json)
      stream = [](const std::string& piece, int64_t) {
        std::fwrite(piece.data(), 1, piece.size(), stdout);
        std::fflush(stdout);
      };
    const auto result = generator.generate(prompt, params, stream);
    if (json) {
      QJsonObject out;
      out["text"] = QString::fromStdString(result.text);
      out["tokens"] = static_cast<qint64>(result.tokens.size());
      out["prompt_tokens"] = static_cast<qint64>(result.prompt_tokens);
      out["seconds"] = result.seconds;
      out["tokens_per_second"] = result.tokens_per_second;
      out["finish_reason"] = QString::fromStdString(result.finish_reason);
      std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    }
    std::fputs("\n", stdout);
    return 0;
  } catch (const std::exception& e) {
    return fail(kName, QString::fromUtf8(e.what()).replace('\n', "; "));
  }
}

const CliRegistration registration(kName.toStdString(), "generate a completion from a prompt", run_generate);

}  // namespace
}  // namespace medlora::cli
