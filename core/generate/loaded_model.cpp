#include "core/generate/loaded_model.h"

#include "core/lora/peft_adapter.h"

#include <stdexcept>

#include "core/model/model_loader.h"
#include "core/tokenizer/tokenizer.h"

namespace medlora::generate {

LoadedModel load_model_for_generation(const std::filesystem::path& model_dir, const std::filesystem::path& adapter_dir,
                                      const runtime::ComputeOptions& compute,
                                      const quant::BaseQuantization& quantization) {
  if (!std::filesystem::is_directory(model_dir))
    throw std::runtime_error(model_dir.string() + ": no such folder (expected an HF model folder)");
  LoadedModel loaded;
  loaded.compute = compute;
  // The tokenizer first: a missing or broken one is reported before the weights are read.
  loaded.tokenizer = tokenizer::Tokenizer::load(model_dir);
  loaded.model = model::load_llama(model_dir, compute, quantization);
  loaded.model->eval();
  if (loaded.tokenizer->vocab_size() > loaded.model->config().vocab_size)
    throw std::runtime_error(model_dir.string() + ": the tokenizer has " +
                             std::to_string(loaded.tokenizer->vocab_size()) + " ids but the model only " +
                             std::to_string(loaded.model->config().vocab_size) +
                             " (the tokenizer belongs to another model)");
  if (!adapter_dir.empty()) lora::load_peft_adapter(*loaded.model, adapter_dir);
  return loaded;
}

}  // namespace medlora::generate
