// medlora export: a base model + PEFT adapter out of the workbench, as
//   --merged-out DIR   a plain HF model folder (the adapter merged in),
//   --gguf FILE        one GGUF file llama.cpp / Ollama load (base, or base + adapter merged),
//   --gguf-lora FILE   the adapter alone as a GGUF LoRA (llama.cpp --lora, Ollama ADAPTER);
// --modelfile writes an Ollama Modelfile next to the GGUF.
#include <QCommandLineParser>
#include <cstdio>
#include <exception>
#include <filesystem>

#include "app/cli/cli_command.h"
#include "core/lora/gguf_export.h"
#include "core/lora/merged_export.h"
#include "core/lora/ollama_modelfile.h"
#include "core/runtime/compute_options.h"

namespace medlora::cli {
namespace {

namespace fs = std::filesystem;

const QString kCommand = "export";

struct ExportFlags {
  QCommandLineOption base{"base", "Base model folder (HF: config.json, model.safetensors).", "DIR"};
  QCommandLineOption adapter{"adapter", "PEFT adapter folder (adapter_config.json, adapter_model.safetensors).", "DIR"};
  QCommandLineOption merged_out{"merged-out", "New folder for the merged HF model (must not exist or be empty).", "DIR"};
  QCommandLineOption gguf{"gguf", "Write the model (with --adapter merged in) as one GGUF file for llama.cpp / Ollama.", "FILE"};
  QCommandLineOption gguf_lora{"gguf-lora", "Write the --adapter alone as a GGUF LoRA adapter (llama.cpp --lora).", "FILE"};
  QCommandLineOption type{"type", "GGUF tensor type: f32, f16, bf16 or q8_0 (default f16 for --gguf, f32 for --gguf-lora).", "TYPE"};
  QCommandLineOption modelfile{"modelfile", "Also write an Ollama Modelfile next to the GGUF file."};
  QCommandLineOption base_gguf{"base-gguf", "With --gguf-lora --modelfile: the base's GGUF (or Ollama model name) for FROM.", "FILE"};
  QCommandLineOption dtype{"dtype", "--merged-out save dtype: float32, bfloat16 or float16 (default: the base's torch_dtype).", "TYPE"};
  QCommandLineOption identity{"allow-identity", "Write the model even if the adapter changes no weight."};
  QCommandLineOption threads{"threads", "CPU threads (default: all cores).", "N", "0"};
};

// Progress on stderr every 10 %, so a long export of a big model shows it is alive.
lora::GgufExportOptions gguf_options(const QCommandLineParser& parser, const ExportFlags& flags, gguf::TensorType default_type) {
  lora::GgufExportOptions options;
  options.type = parser.isSet(flags.type) ? lora::parse_gguf_type(parser.value(flags.type).toStdString()) : default_type;
  options.allow_identity = parser.isSet(flags.identity);
  options.progress = [last = -1](int64_t done, int64_t total) mutable {
    const int percent = static_cast<int>(100 * done / std::max<int64_t>(total, 1));
    if (percent / 10 == last / 10 && done != total) return;
    last = percent;
    std::fprintf(stderr, "exporting tensors: %d%% (%lld/%lld)\n", percent, static_cast<long long>(done), static_cast<long long>(total));
  };
  return options;
}

void print_gguf_report(const lora::GgufExportReport& report, const QString& file) {
  std::printf("wrote %s: %s, %lld tensors (%s), %.1f MB%s\n", qPrintable(file), report.architecture.c_str(),
              static_cast<long long>(report.tensors), report.type.c_str(), static_cast<double>(report.bytes) / 1e6,
              report.merged_layers ? (", " + std::to_string(report.merged_layers) + " LoRA projections").c_str() : "");
  for (const auto& warning : report.warnings) std::fprintf(stderr, "warning: %s\n", warning.c_str());
}

int run_merged(const QCommandLineParser& parser, const ExportFlags& flags) {
  if (!parser.isSet(flags.adapter)) return fail(kCommand, "--merged-out needs --adapter DIR (medlora export --help)");
  lora::ExportOptions options;
  options.allow_identity = parser.isSet(flags.identity);
  if (parser.isSet(flags.dtype)) {
    const auto choice = runtime::parse_dtype_choice(parser.value(flags.dtype).toStdString());
    if (choice == runtime::DTypeChoice::Auto) return fail(kCommand, "--dtype must be float32, bfloat16 or float16");
    options.save_dtype = choice == runtime::DTypeChoice::Float32    ? c10::kFloat
                         : choice == runtime::DTypeChoice::BFloat16 ? c10::kBFloat16
                                                                    : c10::kHalf;
  }
  const auto report = lora::export_merged_model(parser.value(flags.base).toStdString(), parser.value(flags.adapter).toStdString(),
                                                parser.value(flags.merged_out).toStdString(), options);
  std::string saved;
  for (const auto& name : report.modules_to_save) saved += (saved.empty() ? "" : ", ") + name;
  std::printf("merged %lld LoRA projections%s into %s (%s%s)\n", static_cast<long long>(report.merged_layers),
              saved.empty() ? "" : (" and full copies of " + saved).c_str(), qPrintable(parser.value(flags.merged_out)),
              report.save_dtype.c_str(), report.tied_embeddings ? ", tied embeddings" : "");
  return 0;
}

int run_gguf(const QCommandLineParser& parser, const ExportFlags& flags) {
  const fs::path base = parser.value(flags.base).toStdString();
  const fs::path out = parser.value(flags.gguf).toStdString();
  std::optional<fs::path> adapter;
  if (parser.isSet(flags.adapter)) adapter = parser.value(flags.adapter).toStdString();
  const auto report = lora::export_gguf_model(base, adapter, out, gguf_options(parser, flags, gguf::TensorType::F16));
  print_gguf_report(report, parser.value(flags.gguf));
  if (parser.isSet(flags.modelfile)) {
    const auto written = lora::write_modelfile_for_model(out, base);
    std::printf("wrote %s (ollama create NAME -f %s)\n", written.c_str(), written.c_str());
  }
  return 0;
}

int run_gguf_lora(const QCommandLineParser& parser, const ExportFlags& flags) {
  if (!parser.isSet(flags.adapter)) return fail(kCommand, "--gguf-lora needs --adapter DIR (medlora export --help)");
  if (parser.isSet(flags.modelfile) && !parser.isSet(flags.base_gguf))
    return fail(kCommand, "--gguf-lora --modelfile needs --base-gguf FILE: the base model's GGUF (medlora export --gguf) for FROM");
  const fs::path base = parser.value(flags.base).toStdString();
  const fs::path out = parser.value(flags.gguf_lora).toStdString();
  const auto report =
      lora::export_gguf_lora(base, parser.value(flags.adapter).toStdString(), out, gguf_options(parser, flags, gguf::TensorType::F32));
  print_gguf_report(report, parser.value(flags.gguf_lora));
  if (parser.isSet(flags.modelfile)) {
    const auto written = lora::write_modelfile_for_adapter(out, parser.value(flags.base_gguf).toStdString(), base);
    std::printf("wrote %s (ollama create NAME -f %s)\n", written.c_str(), written.c_str());
  }
  return 0;
}

int run_export(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Takes a model out of the workbench: --merged-out DIR merges a PEFT LoRA adapter into its base and writes a plain\n"
      "HF model folder; --gguf FILE writes the base (with --adapter merged in) as one GGUF file for llama.cpp and\n"
      "Ollama; --gguf-lora FILE writes the adapter alone as a GGUF LoRA (llama.cpp --lora). --modelfile adds an\n"
      "Ollama Modelfile next to the GGUF.");
  parser.addHelpOption();
  const ExportFlags flags;
  parser.addOptions({flags.base, flags.adapter, flags.merged_out, flags.gguf, flags.gguf_lora, flags.type, flags.modelfile,
                     flags.base_gguf, flags.dtype, flags.identity, flags.threads});
  if (const auto done = parse_arguments(parser, args, kCommand)) return *done;
  if (!parser.isSet(flags.base) || parser.value(flags.base).isEmpty())
    return fail(kCommand, "--base DIR is required (medlora export --help)");
  const int outputs = int(parser.isSet(flags.merged_out)) + int(parser.isSet(flags.gguf)) + int(parser.isSet(flags.gguf_lora));
  if (outputs != 1) return fail(kCommand, "give exactly one of --merged-out DIR, --gguf FILE and --gguf-lora FILE");
  for (const auto* option : {&flags.merged_out, &flags.gguf, &flags.gguf_lora, &flags.adapter, &flags.base_gguf})
    if (parser.isSet(*option) && parser.value(*option).isEmpty())
      return fail(kCommand, "--" + option->names().first() + " needs a path");
  if (parser.isSet(flags.merged_out) && (parser.isSet(flags.type) || parser.isSet(flags.modelfile)))
    return fail(kCommand, "--type and --modelfile go with --gguf or --gguf-lora; --merged-out takes --dtype");
  if (!parser.isSet(flags.merged_out) && parser.isSet(flags.dtype))
    return fail(kCommand, "--dtype goes with --merged-out; a GGUF export takes --type f32|f16|bf16|q8_0");
  if (parser.isSet(flags.base_gguf) && !parser.isSet(flags.gguf_lora))
    return fail(kCommand, "--base-gguf goes with --gguf-lora --modelfile");
  try {
    bool ok = false;
    const int thread_count = parser.value(flags.threads).toInt(&ok);
    if (!ok || thread_count < 0) return fail(kCommand, "--threads must be a whole number >= 0");
    runtime::configure_threads(thread_count);
    if (parser.isSet(flags.merged_out)) return run_merged(parser, flags);
    if (parser.isSet(flags.gguf)) return run_gguf(parser, flags);
    return run_gguf_lora(parser, flags);
  } catch (const std::exception& e) {
    return fail(kCommand, QString::fromStdString(e.what()));
  }
}

const CliRegistration registration("export", "take a model out: merged HF folder, GGUF (llama.cpp / Ollama), GGUF LoRA",
                                   run_export);

}  // namespace
}  // namespace medlora::cli
