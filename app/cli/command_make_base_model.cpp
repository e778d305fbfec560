// medlora make-base-model: the bundled base model (tokenizer + small LLaMA pretrained on the
// project's own medical text), written as an HF folder.
#include "app/cli/cli_command.h"
#include "core/io/json_util.h"
#include "core/pipeline/base_model_builder.h"

#include <QCommandLineParser>

#include <cstdio>
#include <exception>

namespace medlora::cli {
namespace {

bool parse_int(QCommandLineParser& parser, const QString& name, int64_t min, int64_t* out, QString* error) {
  if (!parser.isSet(name)) return true;
  bool ok = false;
  const qlonglong value = parser.value(name).toLongLong(&ok);
  if (!ok || value < min) {
    *error = QString("--%1 must be an integer >= %2, got '%3'").arg(name).arg(min).arg(parser.value(name));
    return false;
  }
  *out = value;
  return true;
}

int run_make_base_model(const QStringList& args) {
  const QString command = "make-base-model";
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Make the bundled base model: train a sentencepiece tokenizer on the project's medical text,\n"
      "initialise a small LLaMA (seeded, deterministic) and pretrain it, then write an HF folder.");
  parser.addHelpOption();
  parser.addOption({"out", "Output folder (default: <models folder>/medlora-base).", "DIR"});
  parser.addOption({"seed", "Random seed (default 42).", "S"});
  parser.addOption({"steps", "Pretraining steps (default 400, a few minutes on 2 cores; 0 = initialised only).", "N"});
  parser.addOption({"corpus", "A text file to train on instead of the bundled corpus (repeatable).", "FILE"});
  parser.addOption({"vocab-size", "Tokenizer vocabulary size (default 4000).", "N"});
  parser.addOption({"hidden-size", "Hidden size (default 256).", "N"});
  parser.addOption({"intermediate-size", "Feed-forward size (default 704).", "N"});
  parser.addOption({"layers", "Decoder layers (default 4).", "N"});
  parser.addOption({"heads", "Attention heads (default 4).", "N"});
  parser.addOption({"kv-heads", "Key/value heads (default 2).", "N"});
  parser.addOption({"seq-len", "Pretraining sequence length (default 128).", "N"});
  parser.addOption({"batch-size", "Pretraining batch size (default 8).", "N"});
  parser.addOption({"threads", "Torch threads (default: all cores).", "N"});
  parser.addOption({"json", "Print progress as JSON lines."});
  if (const auto done = parse_arguments(parser, args, command)) return *done;

  pipeline::BaseModelOptions options;
  QString error;
  int64_t seed = static_cast<int64_t>(options.seed), threads = 0;
  if (!parse_int(parser, "seed", 0, &seed, &error) || !parse_int(parser, "steps", 0, &options.pretrain_steps, &error) ||
      !parse_int(parser, "vocab-size", 300, &options.vocab_size, &error) ||
      !parse_int(parser, "hidden-size", 8, &options.hidden_size, &error) ||
      !parse_int(parser, "intermediate-size", 8, &options.intermediate_size, &error) ||
      !parse_int(parser, "layers", 1, &options.num_layers, &error) ||
      !parse_int(parser, "heads", 1, &options.num_heads, &error) ||
      !parse_int(parser, "kv-heads", 1, &options.num_kv_heads, &error) ||
      !parse_int(parser, "seq-len", 8, &options.sequence_length, &error) ||
      !parse_int(parser, "batch-size", 1, &options.batch_size, &error) ||
      !parse_int(parser, "threads", 0, &threads, &error))
    return fail(command, error);
  options.seed = static_cast<uint64_t>(seed);
  options.threads = static_cast<int>(threads);
  for (const auto& file : parser.values("corpus")) options.corpus_files.emplace_back(file.toStdString());
  options.output_dir = parser.isSet("out") ? std::filesystem::path(parser.value("out").toStdString())
                                           : pipeline::default_base_model_dir();
  const bool json = parser.isSet("json");

  try {
    pipeline::build_base_model(options, [&](const QJsonObject& event) {
      if (json) {
        io::json::write_line(event);
      } else {
        const auto stage = event.value("stage").toString();
        if (stage == "tokenizer") {
          std::printf("[1/3] training the tokenizer (vocabulary %d)\n", event.value("vocab_size").toInt());
        } else if (stage == "init") {
          std::printf("[2/3] initialising a LLaMA of %.2f M parameters (seed %d)\n",
                      event.value("parameters").toDouble() / 1e6, event.value("seed").toInt());
        } else if (stage == "pretrain" && event.contains("loss")) {
          std::printf("[3/3] pretraining step %d  loss %.3f  %.0f tokens/s\n", event.value("step").toInt(),
                      event.value("loss").toDouble(), event.value("tokens_per_second").toDouble());
        } else if (stage == "done") {
          std::printf("base model written to %s\n", qPrintable(event.value("path").toString()));
        }
      }
      std::fflush(stdout);
    });
  } catch (const std::exception& e) {
    return fail(command, QString::fromUtf8(e.what()));
  }
  return 0;
}

CliRegistration registration("make-base-model", "make the bundled base model (tokenizer + pretrained small LLaMA)",
                             run_make_base_model);

}  // namespace
}  // namespace medlora::cli
