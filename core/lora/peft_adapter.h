#pragma once
// PEFT adapter folders: adapter_config.json + adapter_model.safetensors, with PEFT's key names
// ("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight", A [r, in], B [out, r];
// modules_to_save under their module path, "base_model.model.lm_head.weight").
#include <filesystem>
#include <string>

#include "core/lora/lora_config.h"
#include "core/model/llama_model.h"

namespace medlora::lora {

inline constexpr const char* kAdapterConfigName = "adapter_config.json";

// Writes the adapter's tensors (float32) and config into `dir`, which appears at once (staged
// beside it and renamed). Throws LoraError when `config` does not describe the adapter the
// model holds (rank, modules_to_save).
void save_peft_adapter(model::LlamaForCausalLM& model, const LoraConfig& config, const std::filesystem::path& dir,
                       const std::string& adapter = "default");

// Reads and checks adapter_config.json alone.
LoraConfig read_adapter_config(const std::filesystem::path& dir);

// Loads a PEFT folder as `adapter` (injecting it) and makes it active. Everything is checked
// before the model is touched: missing, unexpected or misshapen tensors are a LoraError that
// names the tensor and both shapes. With `expected_base` (the base folder or its name), an
// adapter whose base_model_name_or_path names another model is refused too.
LoraConfig load_peft_adapter(model::LlamaForCausalLM& model, const std::filesystem::path& dir,
                             const std::string& adapter = "default", const std::string& expected_base = "");

// True when base_model_name_or_path plausibly names `base`: equal strings, the same folder, or
// the same last path component ("meta-llama/Llama-2-7b-hf" vs /models/Llama-2-7b-hf).
bool same_base_model(const std::string& recorded, const std::string& base);

}  // namespace medlora::lora
