#pragma once
// The HF config.json of a LLaMA-family checkpoint, with HF's defaults for absent keys.
#include <QJsonObject>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace medlora::model {

class ModelError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RopeScaling {
  std::string type = "default";  // default | linear | llama3
  double factor = 1.0;
  double low_freq_factor = 1.0;
  double high_freq_factor = 4.0;
  int64_t original_max_position_embeddings = 8192;
};

struct LlamaConfig {
  std::string model_type = "llama";
  int64_t vocab_size = 32000;
  int64_t hidden_size = 4096;
  int64_t intermediate_size = 11008;
  int64_t num_hidden_layers = 32;
  int64_t num_attention_heads = 32;
  int64_t num_key_value_heads = 32;
  int64_t head_dim = 128;
  double rms_norm_eps = 1e-6;
  double rope_theta = 10000.0;
  RopeScaling rope_scaling;
  int64_t max_position_embeddings = 2048;
  bool tie_word_embeddings = false;
  bool attention_bias = false;
  bool mlp_bias = false;
  int64_t bos_token_id = 1;
  std::vector<int64_t> eos_token_ids{2};
  std::optional<int64_t> pad_token_id;
  std::string torch_dtype = "float32";

  int64_t num_key_value_groups() const { return num_attention_heads / num_key_value_heads; }

  // Throws ModelError naming the file and key for unknown architectures and bad values.
  static LlamaConfig from_json(const QJsonObject& json, const std::string& source = "config.json");
  static LlamaConfig from_file(const std::filesystem::path& config_json);
  QJsonObject to_json() const;  // HF-compatible (architectures LlamaForCausalLM)
  void validate(const std::string& source = "config") const;

  // Parameters of the base model (embeddings, layers, norm, lm_head unless tied).
  int64_t parameter_count() const;
};

}  // namespace medlora::model
