#pragma once
// Models and LoRA adapters registered in a workspace, so that the chat tester and the review
// screens can offer them: a base (or merged) model folder, and adapters trained on it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace medlora::store {

class Workspace;

struct RegisteredModel {
  int64_t id = 0;
  std::string name;
  std::string path;  // HF model folder
  std::string kind;  // "base" or "merged"
  std::string registered_at;
};

struct RegisteredAdapter {
  int64_t id = 0;
  std::optional<int64_t> model_id;  // the base model it was trained on, when registered
  std::string name;
  std::string path;  // PEFT adapter folder
  std::string registered_at;
};

class ModelRegistry {
 public:
  explicit ModelRegistry(Workspace& workspace) : ws_(workspace) {}

  // Registers a model folder, or returns the id it already has (matched by path).
  int64_t register_model(const std::string& name, const std::string& path, const std::string& kind = "base");
  std::optional<RegisteredModel> find_model_by_path(const std::string& path) const;
  std::vector<RegisteredModel> models() const;

  // Registers an adapter folder (matched by path: registering twice returns the same id).
  int64_t register_adapter(const std::string& name, const std::string& path, std::optional<int64_t> model_id);
  std::vector<RegisteredAdapter> adapters() const;
  std::optional<RegisteredAdapter> find_adapter(int64_t id) const;
  bool remove_adapter(int64_t id);

 private:
  Workspace& ws_;
};

}  // namespace medlora::store
