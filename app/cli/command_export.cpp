// medlora export --base DIR --adapter DIR --merged-out DIR: base model + PEFT adapter -> merged HF model.
#include <QCommandLineParser>
#include <cstdio>
#include <exception>

#include "app/cli/cli_command.h"
#include "core/lora/merged_export.h"
#include "core/runtime/compute_options.h"

namespace medlora::cli {
namespace {

int run_export(const QStringList& args) {
  const QString command = "export";
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Merges a PEFT LoRA adapter into its base model and writes a plain HF model folder "
      "(config.json, model.safetensors, tokenizer files) that loads without PEFT.");
  parser.addHelpOption();
  QCommandLineOption base("base", "Base model folder (HF: config.json, model.safetensors).", "DIR");
  QCommandLineOption adapter("adapter", "PEFT adapter folder (adapter_config.json, adapter_model.safetensors).", "DIR");
  QCommandLineOption out("merged-out", "New folder for the merged model (must not exist or be empty).", "DIR");
  QCommandLineOption dtype("dtype", "Save dtype: float32, bfloat16 or float16 (default: the base's torch_dtype).", "TYPE");
  QCommandLineOption identity("allow-identity", "Write the model even if the adapter changes no weight.");
  QCommandLineOption threads("threads", "CPU threads (default: all cores).", "N", "0");
  parser.addOptions({base, adapter, out, dtype, identity, threads});
  if (const auto done = parse_arguments(parser, args, command)) return *done;
  for (const auto* option : {&base, &adapter, &out})
    if (!parser.isSet(*option) || parser.value(*option).isEmpty())
      return fail(command, "--" + option->names().first() + " DIR is required (medlora export --help)");

  lora::ExportOptions options;
  options.allow_identity = parser.isSet(identity);
  try {
    bool ok = false;
    const int thread_count = parser.value(threads).toInt(&ok);
    if (!ok || thread_count < 0) return fail(command, "--threads must be a whole number >= 0");
    runtime::configure_threads(thread_count);
    if (parser.isSet(dtype)) {
      const auto choice = runtime::parse_dtype_choice(parser.value(dtype).toStdString());
      if (choice == runtime::DTypeChoice::Auto) return fail(command, "--dtype must be float32, bfloat16 or float16");
      options.save_dtype = choice == runtime::DTypeChoice::Float32    ? c10::kFloat
                           : choice == runtime::DTypeChoice::BFloat16 ? c10::kBFloat16
                                                                      : c10::kHalf;
    }
    const auto report = lora::export_merged_model(parser.value(base).toStdString(), parser.value(adapter).toStdString(),
                                                  parser.value(out).toStdString(), options);
    std::string saved;
    for (const auto& name : report.modules_to_save) saved += (saved.empty() ? "" : ", ") + name;
    std::printf("merged %lld LoRA projections%s into %s (%s%s)\n", static_cast<long long>(report.merged_layers),
                saved.empty() ? "" : (" and full copies of " + saved).c_str(), qPrintable(parser.value(out)),
                report.save_dtype.c_str(), report.tied_embeddings ? ", tied embeddings" : "");
    return 0;
  } catch (const std::exception& e) {
    return fail(command, QString::fromStdString(e.what()));
  }
}

const CliRegistration registration("export", "merge a LoRA adapter into its base model (HF folder)", run_export);

}  // namespace
}  // namespace medlora::cli
