#pragma once
// The HF config.json of a LLaMA-family checkpoint (model_type llama, mistral, qwen2, qwen3),
// with the defaults of that type's HF config class for absent keys. What differs between the
// types (biases, per-head q/k norms, sliding-window attention) is answered by the helpers
// below, so the decoder asks the config rather than testing model_type itself.
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

// The model types this program runs, as config.json's model_type spells them.
const std::vector<std::string>& supported_model_types();
// "LlamaForCausalLM", "MistralForCausalLM", "Qwen2ForCausalLM", "Qwen3ForCausalLM".
std::string architecture_name(const std::string& model_type);

struct RopeScaling {
  std::string type = "default";  // default | linear | llama3 (others are refused when read)
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
  bool attention_bias = false;  // llama, qwen3 (qwen2's q/k/v always have one; mistral never)
  bool mlp_bias = false;        // llama only
  // Sliding-window attention: mistral uses sliding_window on every layer when it is set;
  // qwen2/qwen3 only with use_sliding_window, on the layers from max_window_layers on (or as
  // layer_types says when config.json lists them).
  std::optional<int64_t> sliding_window;
  bool use_sliding_window = false;
  int64_t max_window_layers = 28;
  std::vector<std::string> layer_types;  // "full_attention" | "sliding_attention"; empty = derived
  int64_t bos_token_id = 1;
  std::vector<int64_t> eos_token_ids{2};
  std::optional<int64_t> pad_token_id;
  std::string torch_dtype = "float32";

  int64_t num_key_value_groups() const { return num_attention_heads / num_key_value_heads; }
  // Which projections carry a bias, as each type's HF attention/MLP modules build them.
  bool qkv_bias() const;
  bool o_proj_bias() const;
  bool mlp_has_bias() const;
  // qwen3: RMSNorm of size head_dim on every query and key head, before RoPE.
  bool qk_norm() const;
  // The attention window of decoder layer `layer` (a query sees the last `window` keys,
  // itself included), or nullopt for full causal attention.
  std::optional<int64_t> attention_window(int64_t layer) const;

  // Throws ModelError naming the file and key for unknown architectures and bad values.
  static LlamaConfig from_json(const QJsonObject& json, const std::string& source = "config.json");
  static LlamaConfig from_file(const std::filesystem::path& config_json);
  QJsonObject to_json() const;  // HF-compatible: architectures/model_type and the keys of that type
  void validate(const std::string& source = "config") const;

  // Parameters of the base model (embeddings, layers, norm, lm_head unless tied).
  int64_t parameter_count() const;
};

}  // namespace medlora::model
