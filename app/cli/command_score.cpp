// medlora score: teacher-forced log-probability of every token of a text under a model.
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>
#include <stdexcept>

#include "app/cli/cli_command.h"
#include "app/cli/model_command_options.h"
#include "core/io/json_util.h"
#include "core/generate/loaded_model.h"
#include "core/generate/sequence_score.h"
#include "core/tokenizer/prompt_template.h"
#include "core/tokenizer/tokenizer.h"

namespace medlora::cli {
namespace {

const QString kName = "score";

int run_score(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription("Score a text: the log-probability of each token given the ones before it.");
  parser.addHelpOption();
  parser.addOptions({
      {"adapter", "PEFT LoRA adapter folder to apply.", "DIR"},
      {"text", "The text to score.", "TEXT"},
      {"template", "raw (default) scores the text as is; clinic or clinic-en score the text as the input "
                   "rendered by that template.", "NAME", "raw"},
      {"json", "Print one JSON object (the only output format)."},
  });
  add_model_options(parser);
  if (const auto done = parse_arguments(parser, args, kName)) return *done;
  try {
    const ModelOptions model = model_options(parser);
    if (!parser.isSet("text")) throw std::invalid_argument("--text TEXT is required");
    const auto& prompt_template = tokenizer::find_template(parser.value("template").toStdString());
    const auto loaded = generate::load_model_for_generation(model.dir, parser.value("adapter").toStdString(),
                                                            model.compute, model.quantization);
    const std::string text = parser.value("text").toStdString();
    // raw scores the text as `medlora tokenize --add-special-tokens` encodes it (special-token
    // text counts, as in HF's encode); a template's rendering keeps such text plain.
    const bool raw = prompt_template.name == "raw";
    const std::string rendered = raw ? text : prompt_template.render_prompt(text);
    const auto ids = loaded.tokenizer->encode(rendered, /*add_special_tokens=*/true,
                                              raw ? tokenizer::SpecialTokens::recognised : tokenizer::SpecialTokens::as_text);
    const auto score = generate::score_sequence(*loaded.model, ids);

    QJsonArray tokens, logprobs;
    for (auto id : score.tokens) tokens.append(static_cast<qint64>(id));
    for (auto lp : score.logprobs) logprobs.append(lp);
    QJsonObject out;
    out["tokens"] = tokens;
    out["logprobs"] = logprobs;
    out["mean_nll"] = score.mean_nll;
    io::json::write_line(out);
    return 0;
  } catch (const std::exception& e) {
    return fail(kName, QString::fromUtf8(e.what()).replace('\n', "; "));
  }
}

const CliRegistration registration(kName.toStdString(), "log-probabilities of a text under a model", run_score);

}  // namespace
}  // namespace medlora::cli
