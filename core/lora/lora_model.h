#pragma once
// LoRA on a whole LlamaForCausalLM: wrapping the target projections, modules_to_save copies,
// the trainable tensors, switching between several adapters, merge / unmerge.
//
// Inject after the model has its final device and dtype: LoRA tensors are created float32 on
// the base weights' device, and a later model.to(dtype) would convert them too.
#include <ATen/core/Tensor.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/lora/lora_config.h"
#include "core/lora/lora_linear.h"
#include "core/model/llama_model.h"

namespace medlora::lora {

// Wraps the targets of `config` in LoraLinear (A Kaiming-uniform a = sqrt(5), B zeros, float32,
// requires_grad) and sets up modules_to_save copies; base weights are frozen. Seeded. Adds to
// layers already wrapped by another adapter; the new adapter becomes the active one.
void inject_lora(model::LlamaForCausalLM& model, const LoraConfig& config, const std::string& adapter = "default",
                 uint64_t seed = 0);

// Trainable tensors of one adapter under their PEFT file key names
// ("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight", "base_model.model.lm_head.weight"),
// each once (a tied embedding copy is listed under the first name its config gave).
std::vector<std::pair<std::string, torch::Tensor>> lora_trainable_parameters(model::LlamaForCausalLM& model,
                                                                              const std::string& adapter = "default");

// Every tensor PEFT writes for the adapter, keyed as in adapter_model.safetensors; a tied
// embedding copy appears under each name its config listed.
std::vector<std::pair<std::string, torch::Tensor>> peft_tensors(model::LlamaForCausalLM& model,
                                                                const std::string& adapter);

// "" = none (the base model). Throws LoraError for an adapter the model does not hold, and
// while an adapter is merged.
void set_active_adapter(model::LlamaForCausalLM& model, const std::string& adapter);
std::string active_adapter(model::LlamaForCausalLM& model);
std::vector<std::string> adapter_names(model::LlamaForCausalLM& model);
bool has_adapter(model::LlamaForCausalLM& model, const std::string& adapter);
// Drops the adapter's tensors; a projection left with no adapter gets its plain layer back.
void remove_adapter(model::LlamaForCausalLM& model, const std::string& adapter);

// Folds the active adapter into the base weights (float32 maths, cast back); forward then
// skips the LoRA path. unmerge subtracts it again (exact for saved copies, to rounding for LoRA).
void merge_adapter(model::LlamaForCausalLM& model);
void unmerge_adapter(model::LlamaForCausalLM& model);
bool is_merged(model::LlamaForCausalLM& model);
// Merges the active adapter for good and removes every LoRA wrapper: the model is a plain
// LlamaForCausalLM again whose base_state_dict() holds the merged weights.
void merge_and_unload(model::LlamaForCausalLM& model);

// The LoRA-wrapped projections, with their HF module paths.
std::vector<std::pair<std::string, std::shared_ptr<LoraLinear>>> lora_layers(model::LlamaForCausalLM& model);

}  // namespace medlora::lora
