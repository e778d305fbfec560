#include "core/lora/lora_model.h"

#include <torch/torch.h>

#include <algorithm>
#include <set>

#include "core/lora/saved_module.h"

namespace medlora::lora {

namespace {

const std::string kPrefix = "base_model.model.";

std::shared_ptr<LoraLinear> as_lora(const model::ProjectionSlot& slot) {
  return std::dynamic_pointer_cast<LoraLinear>(*slot.holder);
}

std::shared_ptr<SavedLinear> saved_lm_head(model::LlamaForCausalLM& m) {
  return std::dynamic_pointer_cast<SavedLinear>(m.lm_head);
}

std::shared_ptr<SavedEmbedding> saved_embedding(model::LlamaForCausalLM& m) {
  return std::dynamic_pointer_cast<SavedEmbedding>(m.model->embed_tokens);
}

bool is_tied(model::LlamaForCausalLM& m) {
  return m.config().tie_word_embeddings || !m.lm_head || std::dynamic_pointer_cast<TiedOutputLinear>(m.lm_head);
}

model::ProjectionSlot lm_head_slot(model::LlamaForCausalLM& m) {
  for (auto& slot : m.projection_slots())
    if (slot.name == "lm_head") return slot;
  throw LoraError("internal: the model has no lm_head slot");
}

void put_back_embedding(model::LlamaForCausalLM& m, const std::shared_ptr<SavedEmbedding>& saved) {
  m.model->replace_module("embed_tokens", saved->original());
  m.model->embed_tokens = saved->original();
  if (std::dynamic_pointer_cast<TiedOutputLinear>(m.lm_head)) m.lm_head = nullptr;
}

std::string embedding_key(const std::string& alias) {
  return kPrefix + (alias == "lm_head" ? "lm_head" : "model.embed_tokens") + ".weight";
}

std::vector<std::pair<std::string, torch::Tensor>> collect(model::LlamaForCausalLM& m, const std::string& adapter,
                                                           bool every_alias) {
  if (!has_adapter(m, adapter))
    throw LoraError("the model holds no adapter named '" + adapter + "'");
  std::vector<std::pair<std::string, torch::Tensor>> out;
  for (auto& [path, layer] : lora_layers(m)) {
    if (!layer->has_adapter(adapter)) continue;
    auto& w = layer->adapter(adapter);
    out.emplace_back(kPrefix + path + ".lora_A.weight", w.A);
    out.emplace_back(kPrefix + path + ".lora_B.weight", w.B);
  }
  if (auto head = saved_lm_head(m); head && head->copies.has(adapter))
    out.emplace_back(kPrefix + "lm_head.weight", head->copies.copy(adapter));
  if (auto emb = saved_embedding(m); emb && emb->copies.has(adapter)) {
    const auto& aliases = emb->aliases.at(adapter);
    for (size_t i = 0; i < (every_alias ? aliases.size() : 1); ++i)
      out.emplace_back(embedding_key(aliases[i]), emb->copies.copy(adapter));
  }
  return out;
}

uint64_t layer_seed(uint64_t seed, size_t index) { return seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull * (index + 1); }

}  // namespace

std::vector<std::pair<std::string, std::shared_ptr<LoraLinear>>> lora_layers(model::LlamaForCausalLM& m) {
  std::vector<std::pair<std::string, std::shared_ptr<LoraLinear>>> out;
  for (auto& slot : m.projection_slots())
    if (auto layer = as_lora(slot)) out.emplace_back(slot.path, layer);
  return out;
}

void inject_lora(model::LlamaForCausalLM& m, const LoraConfig& config, const std::string& adapter, uint64_t seed) {
  config.validate();
  if (adapter.empty()) throw LoraError("an adapter needs a non-empty name");
  if (has_adapter(m, adapter))
    throw LoraError("the model already holds an adapter named '" + adapter + "'; remove it or pick another name");
  if (is_merged(m)) throw LoraError("cannot add adapter '" + adapter + "' while another is merged; unmerge first");
  const int64_t layers = m.config().num_hidden_layers;
  for (int64_t layer : config.layers_to_transform)
    if (layer >= layers)
      throw LoraError("LoRA config: layers_to_transform names layer " + std::to_string(layer) + " but the model has " +
                      std::to_string(layers) + " layers (0.." + std::to_string(layers - 1) + ")");
  // As PEFT: every base weight is frozen, not only the wrapped ones.
  for (auto& [name, tensor] : m.base_state_dict()) tensor.set_requires_grad(false);
  const bool training = m.is_training();
  const double scaling = config.scaling();
  auto projections = m.projection_slots();
  size_t wrapped = 0;
  for (size_t i = 0; i < projections.size(); ++i) {
    const auto& slot = projections[i];
    if (slot.name == "lm_head" || !config.targets(slot.name, slot.layer)) continue;
    auto layer = as_lora(slot);
    if (!layer) {
      auto dense = std::dynamic_pointer_cast<model::DenseLinear>(*slot.holder);
      if (!dense) throw LoraError("cannot wrap " + slot.path + ": it is neither a plain nor a LoRA linear layer");
      layer = std::make_shared<LoraLinear>(dense);
      layer->train(training);
      model::LlamaForCausalLM::replace_projection(slot, layer);
    }
    layer->add_adapter(adapter, config.r, scaling, config.dropout, layer_seed(seed, i));
    ++wrapped;
  }
  if (wrapped == 0) throw LoraError("LoRA config: no projection of the model matches target_modules/layers_to_transform");

  const auto& saves = config.modules_to_save;
  const bool tied = is_tied(m);
  std::vector<std::string> embedding_aliases;
  for (const auto& name : saves)
    if (name == "embed_tokens" || (tied && name == "lm_head")) embedding_aliases.push_back(name);
  if (!embedding_aliases.empty()) {
    auto emb = saved_embedding(m);
    if (!emb) {
      emb = std::make_shared<SavedEmbedding>(m.model->embed_tokens);
      emb->train(training);
      m.model->replace_module("embed_tokens", emb);
      m.model->embed_tokens = emb;
    }
    emb->copies.add(*emb, adapter, emb->original()->weight);
    emb->aliases[adapter] = embedding_aliases;
    // Logits of a tied model read embed_tokens->weight directly; route them through the copy.
    if (tied && !m.lm_head) m.lm_head = std::make_shared<TiedOutputLinear>(emb);
  }
  if (!tied && std::find(saves.begin(), saves.end(), "lm_head") != saves.end()) {
    auto head = saved_lm_head(m);
    if (!head) {
      auto dense = std::dynamic_pointer_cast<model::DenseLinear>(m.lm_head);
      if (!dense) throw LoraError("cannot save a copy of lm_head: it is not a plain linear layer");
      head = std::make_shared<SavedLinear>(dense);
      head->train(training);
      model::LlamaForCausalLM::replace_projection(lm_head_slot(m), head);
    }
    head->copies.add(*head, adapter, head->dense()->weight);
  }
  set_active_adapter(m, adapter);
}

std::vector<std::pair<std::string, torch::Tensor>> lora_trainable_parameters(model::LlamaForCausalLM& m,
                                                                              const std::string& adapter) {
  return collect(m, adapter, /*every_alias=*/false);
}

std::vector<std::pair<std::string, torch::Tensor>> peft_tensors(model::LlamaForCausalLM& m, const std::string& adapter) {
  return collect(m, adapter, /*every_alias=*/true);
}

std::vector<std::string> adapter_names(model::LlamaForCausalLM& m) {
  std::set<std::string> names;
  for (auto& [path, layer] : lora_layers(m))
    for (auto& name : layer->adapter_names()) names.insert(name);
  if (auto head = saved_lm_head(m))
    for (auto& name : head->copies.names()) names.insert(name);
  if (auto emb = saved_embedding(m))
    for (auto& name : emb->copies.names()) names.insert(name);
  return {names.begin(), names.end()};
}

bool has_adapter(model::LlamaForCausalLM& m, const std::string& adapter) {
  auto names = adapter_names(m);
  return std::find(names.begin(), names.end(), adapter) != names.end();
}

void set_active_adapter(model::LlamaForCausalLM& m, const std::string& adapter) {
  if (!adapter.empty() && !has_adapter(m, adapter)) {
    std::string known;
    for (auto& name : adapter_names(m)) known += (known.empty() ? "" : ", ") + name;
    throw LoraError("no adapter named '" + adapter + "' is loaded (loaded: " + (known.empty() ? "none" : known) + ")");
  }
  if (is_merged(m) && active_adapter(m) != adapter)
    throw LoraError("adapter '" + active_adapter(m) + "' is merged into the weights; unmerge it before switching");
  for (auto& [path, layer] : lora_layers(m)) layer->set_active(adapter);
  if (auto head = saved_lm_head(m)) head->copies.set_active(adapter);
  if (auto emb = saved_embedding(m)) emb->copies.set_active(adapter);
}

std::string active_adapter(model::LlamaForCausalLM& m) {
  for (auto& [path, layer] : lora_layers(m)) return layer->active();
  if (auto head = saved_lm_head(m)) return head->copies.active();
  if (auto emb = saved_embedding(m)) return emb->copies.active();
  return "";
}

void remove_adapter(model::LlamaForCausalLM& m, const std::string& adapter) {
  if (!has_adapter(m, adapter)) throw LoraError("no adapter named '" + adapter + "' is loaded");
  for (auto& slot : m.projection_slots()) {
    auto layer = as_lora(slot);
    if (!layer) continue;
    layer->remove_adapter(adapter);
    if (layer->adapter_names().empty()) model::LlamaForCausalLM::replace_projection(slot, layer->dense());
  }
  if (auto head = saved_lm_head(m)) {
    head->copies.remove(adapter, head->dense()->weight);
    if (head->copies.empty()) model::LlamaForCausalLM::replace_projection(lm_head_slot(m), head->dense());
  }
  if (auto emb = saved_embedding(m)) {
    emb->copies.remove(adapter, emb->original()->weight);
    emb->aliases.erase(adapter);
    if (emb->copies.empty()) put_back_embedding(m, emb);
  }
}

void merge_adapter(model::LlamaForCausalLM& m) {
  if (is_merged(m)) return;
  if (active_adapter(m).empty()) throw LoraError("no active adapter to merge (set one with set_active_adapter)");
  for (auto& [path, layer] : lora_layers(m)) layer->merge();
  if (auto head = saved_lm_head(m)) head->copies.merge(head->dense()->weight);
  if (auto emb = saved_embedding(m)) emb->copies.merge(emb->original()->weight);
}

void unmerge_adapter(model::LlamaForCausalLM& m) {
  for (auto& [path, layer] : lora_layers(m)) layer->unmerge();
  if (auto head = saved_lm_head(m)) head->copies.unmerge(head->dense()->weight);
  if (auto emb = saved_embedding(m)) emb->copies.unmerge(emb->original()->weight);
}

bool is_merged(model::LlamaForCausalLM& m) {
  for (auto& [path, layer] : lora_layers(m))
    if (layer->merged()) return true;
  if (auto head = saved_lm_head(m); head && head->copies.merged()) return true;
  if (auto emb = saved_embedding(m); emb && emb->copies.merged()) return true;
  return false;
}

void merge_and_unload(model::LlamaForCausalLM& m) {
  merge_adapter(m);
  // The merged weights live in the dense layers and the original table; drop the wrappers
  // without unmerging.
  for (auto& slot : m.projection_slots()) {
    if (auto layer = as_lora(slot)) model::LlamaForCausalLM::replace_projection(slot, layer->dense());
  }
  if (auto head = saved_lm_head(m)) model::LlamaForCausalLM::replace_projection(lm_head_slot(m), head->dense());
  if (auto emb = saved_embedding(m)) put_back_embedding(m, emb);
}

}  // namespace medlora::lora
