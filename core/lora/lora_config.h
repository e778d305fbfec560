#pragma once
// The settings of one LoRA adapter, as PEFT's LoraConfig writes them to adapter_config.json.
#include <QJsonObject>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace medlora::lora {

// Any problem a user can cause with an adapter (bad config, wrong shapes, wrong base model).
class LoraError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The projections LoRA may target, in model order; "all-linear" means all of them (PEFT's
// all-linear excludes the output layer, lm_head).
const std::vector<std::string>& lora_target_names();

struct LoraConfig {
  int64_t r = 16;
  double alpha = 32;
  double dropout = 0.05;
  std::vector<std::string> target_modules{"q_proj", "k_proj", "v_proj", "o_proj"};  // or {"all-linear"}
  std::vector<std::string> modules_to_save;  // "lm_head", "embed_tokens"
  bool use_rslora = false;
  std::vector<int64_t> layers_to_transform;  // empty = all layers
  std::string base_model_name_or_path;

  // alpha / r, or alpha / sqrt(r) with use_rslora.
  double scaling() const;
  // Throws LoraError naming the bad field and the accepted values.
  void validate() const;
  // target_modules with "all-linear" expanded (as PEFT stores it after injection).
  std::vector<std::string> resolved_targets() const;
  bool targets(const std::string& name, int64_t layer) const;

  QJsonObject to_peft_json() const;
  // Strict about what changes the maths (peft_type, bias, fan_in_fan_out, DoRA, rank/alpha
  // patterns are refused rather than ignored); `source` names the file in messages.
  static LoraConfig from_peft_json(const QJsonObject& json, const std::string& source);
};

// "clinic-qa": r 16, alpha 32, dropout 0.05, q/k/v/o. "medical-record": r 64, alpha 128,
// dropout 0.05, q/k/v/o. "attention-mlp": r 16, alpha 32, dropout 0.05, q/k/v/o and
// gate/up/down. The module names are the same for llama, mistral, qwen2 and qwen3. Unknown
// names throw LoraError listing the presets.
LoraConfig preset(const std::string& name);
std::vector<std::string> preset_names();
// A one-line description of a preset for a chooser ("r 16, alpha 32, ...").
std::string describe(const LoraConfig& config);

// About sqrt(hidden) / 2, rounded to the nearest power of two, at least 4 (hidden 4096 -> 32).
int64_t suggested_rank(int64_t hidden_size);

}  // namespace medlora::lora
