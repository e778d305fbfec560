#pragma once
// The models a user can pick: HF folders found in the models folder (the bundled base model
// among them) plus folders the user added by hand. Describes each without loading weights.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/model/llama_config.h"

namespace medlora::model {

// Folder name of the bundled base model inside the models folder (`medlora make-base-model`).
inline constexpr const char* kBaseModelName = "medlora-base";

struct CatalogEntry {
  std::string name;               // folder name
  std::filesystem::path path;     // absolute
  bool user_added = false;        // added by hand rather than found in the models folder
  std::optional<LlamaConfig> config;
  std::string config_error;       // why config.json could not be used (config is empty then)
  int64_t parameter_count = 0;    // from the config; 0 when it is broken
  uint64_t weights_bytes = 0;     // all *.safetensors files in the folder
  std::string torch_dtype;        // as config.json says
  bool has_tokenizer = false;     // tokenizer.model present

  bool usable() const { return config.has_value() && config_error.empty(); }
};

// What the tokenizer of a model folder is; loading it is cheap but not free, hence separate.
struct TokenizerSummary {
  std::string kind;        // "tokenizer.json" or "sentencepiece"
  std::string model_type;  // bpe, unigram, ...
  std::vector<int64_t> eos_ids;
  int64_t vocab_size = 0;
  int64_t bos_id = -1, eos_id = -1, pad_id = -1, unk_id = -1;
};

class ModelCatalog {
 public:
  explicit ModelCatalog(std::filesystem::path models_dir = default_models_dir());

  // MEDLORA_MODELS_DIR, else $XDG_DATA_HOME/MedLoRA/models (~/.local/share/MedLoRA/models).
  static std::filesystem::path default_models_dir();

  const std::filesystem::path& models_dir() const { return models_dir_; }
  void set_models_dir(std::filesystem::path dir) { models_dir_ = std::move(dir); }

  // Throws ModelError (saying what is missing) when `dir` is not an HF model folder.
  // Adding a folder twice, or one that lies in the models folder, changes nothing.
  void add_folder(const std::filesystem::path& dir);
  // Forgets a user-added folder (never touches the disk). Returns whether it was listed.
  bool remove_folder(const std::filesystem::path& dir);
  const std::vector<std::filesystem::path>& added_folders() const { return added_; }

  // Model folders in the models folder (sorted by name, the base model first), then the
  // added ones. A missing models folder yields only the added folders; an added folder that
  // has since disappeared is listed with a config_error saying so.
  std::vector<CatalogEntry> scan() const;

  // Describes one folder; never throws for a broken model (see config_error).
  static CatalogEntry describe(const std::filesystem::path& dir, bool user_added = false);
  // Loads tokenizer.model from `dir`; throws when it is missing or unreadable.
  static TokenizerSummary describe_tokenizer(const std::filesystem::path& dir);

 private:
  std::filesystem::path models_dir_;
  std::vector<std::filesystem::path> added_;
};

// "12.3 M", "1.1 B", "950 K" style counts and "48.2 MiB" style sizes for people to read.
std::string format_count(int64_t count);
std::string format_bytes(uint64_t bytes);

}  // namespace medlora::model
