#include "app/cli/model_command_options.h"

#include <stdexcept>

#include "app/cli/chat_options.h"
#include "app/cli/sampling_options.h"

namespace medlora::cli {

void add_model_options(QCommandLineParser& parser) {
  parser.addOptions({
      {"model", "HF model folder (config.json, safetensors, tokenizer.json or tokenizer.model).", "DIR"},
      {"quantize", "Store the base's q/k/v/o and gate/up/down weights quantised as they load: none (the default), "
                   "int8 (per-row absmax), nf4 (4-bit NormalFloat, block 64) or nf4-dq (nf4 with double-quantised "
                   "scales). CPU only.", "FORMAT", "none"},
  });
  add_compute_options(parser);
}

void add_generation_options(QCommandLineParser& parser) {
  add_model_options(parser);
  add_chat_options(parser);
  add_sampling_options(parser);
}

ModelOptions model_options(const QCommandLineParser& parser) {
  if (!parser.isSet("model")) throw std::invalid_argument("--model DIR is required");
  ModelOptions options;
  options.dir = parser.value("model").toStdString();
  try {
    options.quantization = quant::parse_base_quantization(parser.value("quantize").toStdString());
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(std::string("--quantize: ") + e.what());
  }
  options.compute = compute_options(parser);
  // Said here, before the tokenizer and weights are read; the loader refuses it too.
  if (options.quantization.enabled() && !options.compute.device.is_cpu())
    throw std::invalid_argument("--quantize " + quant::base_quantization_name(options.quantization) +
                                " runs on the CPU only: add --device cpu");
  return options;
}

}  // namespace medlora::cli
