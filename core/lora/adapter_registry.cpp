#include "core/lora/adapter_registry.h"

#include <algorithm>

#include "core/lora/lora_model.h"
#include "core/lora/peft_adapter.h"

namespace medlora::lora {

AdapterRegistry::AdapterRegistry(std::shared_ptr<model::LlamaForCausalLM> model, std::string base_name)
    : model_(std::move(model)), base_name_(std::move(base_name)) {
  if (!model_) throw LoraError("AdapterRegistry needs a loaded base model");
}

bool AdapterRegistry::contains(const std::string& name) const {
  return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.name == name; });
}

const AdapterRegistry::Entry& AdapterRegistry::load(const std::filesystem::path& dir, const std::string& name) {
  std::string key = name;
  if (key.empty()) {
    auto path = dir.lexically_normal();
    key = (path.has_filename() ? path : path.parent_path()).filename().string();
  }
  if (key.empty()) throw LoraError(dir.string() + ": give the adapter a name");
  if (contains(key)) throw LoraError("an adapter named '" + key + "' is already loaded; unload it or pick another name");
  if (is_merged(*model_)) throw LoraError("cannot load an adapter while another is merged into the base; unmerge first");
  LoraConfig config = load_peft_adapter(*model_, dir, key, base_name_);
  set_active_adapter(*model_, active_);  // loading does not switch
  entries_.push_back({key, dir, std::move(config)});
  return entries_.back();
}

void AdapterRegistry::unload(const std::string& name) {
  if (!contains(name)) throw LoraError("no adapter named '" + name + "' is loaded");
  remove_adapter(*model_, name);
  entries_.erase(std::remove_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.name == name; }),
                 entries_.end());
  if (active_ == name) active_.clear();
}

void AdapterRegistry::activate(const std::string& name) {
  if (!name.empty() && !contains(name)) throw LoraError("no adapter named '" + name + "' is loaded");
  set_active_adapter(*model_, name);
  active_ = name;
}

}  // namespace medlora::lora
