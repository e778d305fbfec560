#include "core/lora/merged_export.h"

#include <torch/torch.h>

#include "core/io/atomic_file.h"
#include "core/lora/lora_model.h"
#include "core/lora/peft_adapter.h"
#include "core/lora/saved_module.h"
#include "core/model/model_loader.h"
#include "core/runtime/compute_options.h"

namespace medlora::lora {

namespace fs = std::filesystem;

namespace {

// Sentencepiece models (llama, mistral) ship tokenizer.model; byte-level BPE ones (qwen2,
// qwen3, Llama 3) tokenizer.json, often with vocab.json / merges.txt beside it.
const char* const kTokenizerFiles[] = {"tokenizer.model",    "tokenizer.json",          "tokenizer_config.json",
                                       "special_tokens_map.json", "added_tokens.json",   "vocab.json",
                                       "merges.txt",         "chat_template.jinja",     "generation_config.json"};

c10::ScalarType dtype_of(const std::string& torch_dtype, const fs::path& base_dir) {
  if (torch_dtype == "float32" || torch_dtype.empty()) return torch::kFloat;
  if (torch_dtype == "bfloat16") return torch::kBFloat16;
  if (torch_dtype == "float16") return torch::kHalf;
  throw LoraError((base_dir / "config.json").string() + ": torch_dtype '" + torch_dtype +
                  "' is not one of float32, bfloat16, float16");
}

bool differs_after_cast(const torch::Tensor& before, const torch::Tensor& after, c10::ScalarType dtype) {
  return !torch::equal(before.to(dtype), after.to(dtype));
}

}  // namespace

bool merge_changes_weights(model::LlamaForCausalLM& m, const std::string& adapter, c10::ScalarType dtype) {
  torch::NoGradGuard no_grad;
  for (auto& [path, layer] : lora_layers(m)) {
    if (!layer->has_adapter(adapter)) continue;
    auto& w = layer->adapter(adapter);
    if (w.B.abs().max().item<float>() == 0.0f) continue;
    auto weight = layer->dense()->weight.to(torch::kFloat);
    if (differs_after_cast(weight, weight + torch::matmul(w.B, w.A) * w.scaling, dtype)) return true;
  }
  if (auto head = std::dynamic_pointer_cast<SavedLinear>(m.lm_head); head && head->copies.has(adapter))
    if (differs_after_cast(head->dense()->weight, head->copies.copy(adapter), dtype)) return true;
  if (auto emb = std::dynamic_pointer_cast<SavedEmbedding>(m.model->embed_tokens); emb && emb->copies.has(adapter))
    if (differs_after_cast(emb->original()->weight, emb->copies.copy(adapter), dtype)) return true;
  return false;
}

ExportReport export_merged_model(const fs::path& base_dir, const fs::path& adapter_dir, const fs::path& out_dir,
                                 const ExportOptions& options) {
  if (!model::looks_like_model_dir(base_dir))
    throw LoraError(base_dir.string() + ": not an HF model folder (needs config.json and model.safetensors); pass the base model with --base");
  std::error_code ec;
  if (fs::exists(out_dir, ec)) {
    if (fs::equivalent(out_dir, base_dir, ec) || fs::equivalent(out_dir, adapter_dir, ec))
      throw LoraError(out_dir.string() + ": the merged model cannot overwrite its base or adapter folder; choose a new folder");
    if (!fs::is_directory(out_dir) || !fs::is_empty(out_dir))
      throw LoraError(out_dir.string() + ": already exists and is not empty; choose a new folder or remove it first");
  }
  // Up front, so that a bad adapter fails before the (possibly large) base is read.
  read_adapter_config(adapter_dir);

  runtime::ComputeOptions compute;  // CPU, float32: merging is done at full precision
  auto model = model::load_llama(base_dir, compute);
  model->eval();
  const std::string adapter = "export";
  const LoraConfig config = load_peft_adapter(*model, adapter_dir, adapter, fs::absolute(base_dir).string());

  ExportReport report;
  const c10::ScalarType save_dtype = options.save_dtype ? *options.save_dtype : dtype_of(model->config().torch_dtype, base_dir);
  report.save_dtype = runtime::dtype_name(save_dtype);
  report.modules_to_save = config.modules_to_save;
  report.tied_embeddings = model->config().tie_word_embeddings;
  for (auto& [path, layer] : lora_layers(*model)) report.merged_layers += layer->has_adapter(adapter) ? 1 : 0;
  if (!options.allow_identity && !merge_changes_weights(*model, adapter, save_dtype))
    throw LoraError(adapter_dir.string() + ": merging this adapter leaves every weight of the base unchanged in " +
                    report.save_dtype + " (all lora_B are zero: an untrained adapter?); the merged model would be the " +
                    "base model. Pass --allow-identity to write it anyway");

  merge_and_unload(*model);
  io::StagingDirectory staging(out_dir);
  model::save_llama(*model, staging.path(), save_dtype);
  for (const char* name : kTokenizerFiles) {
    if (fs::exists(base_dir / name)) fs::copy_file(base_dir / name, staging.path() / name);
  }
  staging.commit();
  return report;
}

}  // namespace medlora::lora
