#pragma once
// Several PEFT adapters loaded by name onto one base model, switched without reloading the base
// (the chat tester's adapter menu). Not thread-safe: use it from the thread that runs the model,
// and never switch while a generation is running.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/lora/lora_config.h"
#include "core/model/llama_model.h"

namespace medlora::lora {

class AdapterRegistry {
 public:
  struct Entry {
    std::string name;
    std::filesystem::path dir;
    LoraConfig config;
  };

  // base_name: the base folder or name, checked against each adapter's base_model_name_or_path
  // ("" skips that check; shapes are always checked).
  explicit AdapterRegistry(std::shared_ptr<model::LlamaForCausalLM> model, std::string base_name = "");

  // Loads a PEFT folder under `name` (default: the folder's name). The active adapter does not
  // change. Throws LoraError for a taken name or an adapter that does not fit the base.
  const Entry& load(const std::filesystem::path& dir, const std::string& name = "");
  void unload(const std::string& name);
  // "" = the base model alone.
  void activate(const std::string& name);
  const std::string& active() const { return active_; }
  bool contains(const std::string& name) const;
  const std::vector<Entry>& list() const { return entries_; }
  std::shared_ptr<model::LlamaForCausalLM> model() const { return model_; }

 private:
  std::shared_ptr<model::LlamaForCausalLM> model_;
  std::string base_name_;
  std::vector<Entry> entries_;
  std::string active_;
};

}  // namespace medlora::lora
