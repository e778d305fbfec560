#pragma once
// `medlora export`: base model + PEFT adapter -> a merged HF model folder that loads anywhere
// without PEFT.
#include <c10/core/ScalarType.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace medlora::model {
class LlamaForCausalLM;
}

namespace medlora::lora {

struct ExportOptions {
  // Write the model even when the adapter would leave every weight as in the base.
  bool allow_identity = false;
  // Default: the base config's torch_dtype.
  std::optional<c10::ScalarType> save_dtype;
};

struct ExportReport {
  int64_t merged_layers = 0;                 // projections that received scaling * B A
  std::vector<std::string> modules_to_save;  // full copies written over the base modules
  std::string save_dtype;
  bool tied_embeddings = false;
};

// Whether merging the active adapter `adapter` of `model` changes any weight once stored in
// `dtype` (false for an untrained adapter: every lora_B zero).
bool merge_changes_weights(model::LlamaForCausalLM& model, const std::string& adapter, c10::ScalarType dtype);

// Loads the base (float32, as stored), loads and checks the adapter against it, merges, and
// writes config.json, the weights (base biases and q/k norm weights included) and the base's
// tokenizer files (tokenizer.model, tokenizer.json, tokenizer_config.json,
// special_tokens_map.json, added_tokens.json, vocab.json, merges.txt, chat_template.jinja,
// generation_config.json when present) into
// out_dir, which appears at once. Refuses (LoraError) an out_dir that exists and is not empty,
// out_dir == base_dir, and an adapter that would change no weight in the save dtype unless
// allow_identity. Tied embeddings stay tied: a saved embedding copy becomes the shared table.
ExportReport export_merged_model(const std::filesystem::path& base_dir, const std::filesystem::path& adapter_dir,
                                 const std::filesystem::path& out_dir, const ExportOptions& options = {});

}  // namespace medlora::lora
