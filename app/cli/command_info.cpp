// medlora info: what a model folder holds, read from config.json and the tokenizer files without
// loading the weights.
// libtorch headers first: Qt's `slots` macro breaks them when it is defined before.
#include "core/io/json_util.h"
#include "core/model/model_loader.h"  // includes <torch/nn/module.h> before any Qt header
#include "core/model/llama_config.h"
#include "core/tokenizer/prompt_format.h"
#include "core/tokenizer/tokenizer.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "app/cli/cli_command.h"

namespace medlora::cli {
namespace {

const QString kName = "info";

int run_info(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription("Describe a model folder: architecture, size, shapes, tokenizer.");
  parser.addHelpOption();
  parser.addOptions({
      {"model", "HF model folder (config.json, safetensors, tokenizer.json or tokenizer.model).", "DIR"},
      {"json", "Print one JSON object."},
  });
  if (const auto done = parse_arguments(parser, args, kName)) return *done;
  try {
    if (!parser.isSet("model")) throw std::invalid_argument("--model DIR is required");
    const std::filesystem::path dir = parser.value("model").toStdString();
    if (!std::filesystem::is_directory(dir)) throw std::invalid_argument(dir.string() + ": no such folder");
    if (!model::looks_like_model_dir(dir))
      throw std::invalid_argument(dir.string() + ": not an HF model folder (needs config.json and model.safetensors)");
    const auto config = model::LlamaConfig::from_file(dir / "config.json");

    QJsonObject out;
    out["architecture"] = QString::fromStdString(config.model_type);
    out["parameters"] = static_cast<qint64>(config.parameter_count());
    out["dtype"] = QString::fromStdString(config.torch_dtype);
    out["layers"] = static_cast<qint64>(config.num_hidden_layers);
    out["heads"] = static_cast<qint64>(config.num_attention_heads);
    out["kv_heads"] = static_cast<qint64>(config.num_key_value_heads);
    out["head_dim"] = static_cast<qint64>(config.head_dim);
    out["hidden"] = static_cast<qint64>(config.hidden_size);
    out["intermediate"] = static_cast<qint64>(config.intermediate_size);
    out["vocab"] = static_cast<qint64>(config.vocab_size);
    out["max_positions"] = static_cast<qint64>(config.max_position_embeddings);
    out["rope"] = QString::fromStdString(config.rope_scaling.type);
    out["tied_embeddings"] = config.tie_word_embeddings;
    if (tokenizer::Tokenizer::folder_has_tokenizer(dir)) {
      const auto tokenizer = tokenizer::Tokenizer::load(dir);
      out["tokenizer"] = QString::fromStdString(tokenizer->model_type());
      out["tokenizer_file"] = QString::fromStdString(tokenizer->kind());
      QJsonArray eos;
      for (const auto id : tokenizer->eos_ids()) eos.append(static_cast<qint64>(id));
      out["eos_ids"] = eos;
      out["chat_template"] = tokenizer::PromptFormat::default_name(dir) == "model";
      out["tokenizer_vocab"] = static_cast<qint64>(tokenizer->vocab_size());
    } else {
      out["tokenizer"] = QJsonValue::Null;
      out["tokenizer_vocab"] = QJsonValue::Null;
    }

    if (parser.isSet("json")) {
      io::json::write_line(out);
      return 0;
    }
    auto line = [](const char* label, const QString& value) { std::printf("%-16s %s\n", label, qPrintable(value)); };
    auto number = [](const QJsonValue& v) { return QString::number(v.toInteger()); };
    line("architecture", out["architecture"].toString());
    line("parameters", QString("%1 (%2 M)").arg(number(out["parameters"])).arg(config.parameter_count() / 1e6, 0, 'f', 2));
    line("dtype", out["dtype"].toString());
    line("layers", number(out["layers"]));
    line("heads", number(out["heads"]) + " (kv heads " + number(out["kv_heads"]) + ", head dim " +
                      number(out["head_dim"]) + ")");
    line("hidden", number(out["hidden"]) + " (intermediate " + number(out["intermediate"]) + ")");
    line("vocab", number(out["vocab"]));
    line("rope", out["rope"].toString());
    line("tied embeddings", config.tie_word_embeddings ? "yes" : "no");
    line("tokenizer", out["tokenizer"].isNull()
                          ? QString("none (no tokenizer.json or tokenizer.model)")
                          : out["tokenizer"].toString() + " (" + number(out["tokenizer_vocab"]) + " pieces)");
    return 0;
  } catch (const std::exception& e) {
    return fail(kName, QString::fromUtf8(e.what()).replace('\n', "; "));
  }
}

const CliRegistration registration(kName.toStdString(), "describe a model folder", run_info);

}  // namespace
}  // namespace medlora::cli
