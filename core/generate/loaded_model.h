#pragma once
// Everything a generation front end (CLI, chat tester) needs from a model folder: the weights
// on the chosen device, an optional PEFT adapter applied, and the folder's tokenizer.
#include <filesystem>
#include <memory>
#include <string>

#include "core/quant/quant_format.h"
#include "core/runtime/compute_options.h"

namespace medlora::model {
class LlamaForCausalLM;
}
namespace medlora::tokenizer {
class Tokenizer;
}

namespace medlora::generate {

struct LoadedModel {
  std::shared_ptr<model::LlamaForCausalLM> model;
  std::shared_ptr<const tokenizer::Tokenizer> tokenizer;
  runtime::ComputeOptions compute;
};

// Loads model_dir (config.json, safetensors, tokenizer.json or tokenizer.model) and, when adapter_dir is not
// empty, the PEFT adapter in it. Throws with a message naming the folder and what is missing;
// a tokenizer larger than the model's vocabulary is refused. With a base quantization the
// frozen projections are quantised as they are read (model::load_llama; CPU only).
LoadedModel load_model_for_generation(const std::filesystem::path& model_dir, const std::filesystem::path& adapter_dir,
                                      const runtime::ComputeOptions& compute,
                                      const quant::BaseQuantization& quantization = {});

}  // namespace medlora::generate
