#include "core/lora/gguf_model_layout.h"

#include <torch/torch.h>

#include <cmath>
#include <map>

#include "core/gguf/gguf_keys.h"
#include "core/lora/lora_config.h"

namespace medlora::lora {

namespace keys = gguf::keys;
using gguf::Value;

std::string gguf_architecture(const model::LlamaConfig& config) {
  if (config.model_type == "llama" || config.model_type == "mistral") return "llama";
  if (config.model_type == "qwen2" || config.model_type == "qwen3") return config.model_type;
  throw LoraError("GGUF export: model_type '" + config.model_type + "' has no llama.cpp architecture here (llama, mistral, qwen2, qwen3)");
}

std::vector<std::string> add_architecture_metadata(gguf::GgufWriter& w, const model::LlamaConfig& c, const std::string& name) {
  const std::string arch = gguf_architecture(c);
  auto key = [&](const char* k) { return keys::arch_key(arch, k); };
  auto u32 = [](int64_t v) { return Value::u32(static_cast<uint32_t>(v)); };
  w.set(keys::kArchitecture, Value::string(arch));
  w.set(keys::kType, Value::string("model"));
  w.set(keys::kName, Value::string(name));
  w.set(keys::kAlignment, Value::u32(gguf::kGgufAlignment));
  w.set(key(keys::kContextLength), u32(c.max_position_embeddings));
  w.set(key(keys::kEmbeddingLength), u32(c.hidden_size));
  w.set(key(keys::kBlockCount), u32(c.num_hidden_layers));
  w.set(key(keys::kFeedForwardLength), u32(c.intermediate_size));
  w.set(key(keys::kHeadCount), u32(c.num_attention_heads));
  w.set(key(keys::kHeadCountKv), u32(c.num_key_value_heads));
  w.set(key(keys::kKeyLength), u32(c.head_dim));
  w.set(key(keys::kValueLength), u32(c.head_dim));
  w.set(key(keys::kRmsEpsilon), Value::f32(static_cast<float>(c.rms_norm_eps)));
  w.set(key(keys::kRopeFreqBase), Value::f32(static_cast<float>(c.rope_theta)));
  if (arch == "llama") {  // LlamaModel.set_gguf_parameters adds these; Qwen2Model (and Qwen3) does not
    w.set(key(keys::kVocabSize), u32(c.vocab_size));
    w.set(key(keys::kRopeDimensionCount), u32(c.head_dim));
  }
  if (c.rope_scaling.type == "linear") {
    w.set(key(keys::kRopeScalingType), Value::string("linear"));
    w.set(key(keys::kRopeScalingFactor), Value::f32(static_cast<float>(c.rope_scaling.factor)));
  }
  std::vector<std::string> warnings;
  for (int64_t layer = 0; layer < c.num_hidden_layers; ++layer) {
    if (const auto window = c.attention_window(layer); window && *window < c.max_position_embeddings) {
      warnings.push_back("llama.cpp's " + arch + " architecture has no sliding-window attention: beyond " +
                         std::to_string(*window) + " tokens it attends to the whole context, unlike this model");
      break;
    }
  }
  return warnings;
}

std::optional<std::string> gguf_tensor_name(const std::string& hf) {
  static const std::map<std::string, std::string> top = {
      {"model.embed_tokens", "token_embd"}, {"model.norm", "output_norm"}, {"lm_head", "output"}};
  static const std::map<std::string, std::string> in_layer = {
      {"self_attn.q_proj", "attn_q"},      {"self_attn.k_proj", "attn_k"},     {"self_attn.v_proj", "attn_v"},
      {"self_attn.o_proj", "attn_output"}, {"self_attn.q_norm", "attn_q_norm"}, {"self_attn.k_norm", "attn_k_norm"},
      {"input_layernorm", "attn_norm"},    {"post_attention_layernorm", "ffn_norm"}, {"mlp.gate_proj", "ffn_gate"},
      {"mlp.up_proj", "ffn_up"},           {"mlp.down_proj", "ffn_down"}};
  std::string module = hf, suffix;
  for (const char* s : {".weight", ".bias"}) {
    const std::string ending = s;
    if (hf.size() > ending.size() && hf.compare(hf.size() - ending.size(), ending.size(), ending) == 0) {
      module = hf.substr(0, hf.size() - ending.size());
      suffix = ending;
    }
  }
  if (const auto it = top.find(module); it != top.end()) return it->second + suffix;
  const std::string prefix = "model.layers.";
  if (module.rfind(prefix, 0) != 0) return std::nullopt;
  const size_t dot = module.find('.', prefix.size());
  if (dot == std::string::npos) return std::nullopt;
  const auto it = in_layer.find(module.substr(dot + 1));
  if (it == in_layer.end()) return std::nullopt;
  return "blk." + module.substr(prefix.size(), dot - prefix.size()) + "." + it->second + suffix;
}

torch::Tensor permute_rows_for_llama_rope(const torch::Tensor& rows, int64_t heads) {
  const auto shape = rows.sizes().vec();
  std::vector<int64_t> split{heads, 2, shape[0] / heads / 2};
  split.insert(split.end(), shape.begin() + 1, shape.end());
  return rows.reshape(split).transpose(1, 2).reshape(shape).contiguous();
}

std::optional<int64_t> rope_permutation_heads(const model::LlamaConfig& c, const std::string& hf) {
  if (gguf_architecture(c) != "llama") return std::nullopt;
  if (hf.find("self_attn.q_proj") != std::string::npos) return c.num_attention_heads;
  if (hf.find("self_attn.k_proj") != std::string::npos) return c.num_key_value_heads;
  return std::nullopt;
}

gguf::TensorType stored_tensor_type(const std::string& name, const std::vector<int64_t>& shape, gguf::TensorType file_type) {
  const auto ends_with = [&](const std::string& s) {
    return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
  };
  if (shape.size() <= 1 || ends_with("_norm.weight")) return gguf::TensorType::F32;
  if (!ends_with(".weight") && !ends_with(".lora_a") && !ends_with(".lora_b")) return gguf::TensorType::F32;
  if (file_type == gguf::TensorType::Q8_0 && shape.back() % gguf::kQ8_0BlockSize != 0) return gguf::TensorType::F16;
  return file_type;
}

uint32_t llama_file_type(gguf::TensorType t) {
  switch (t) {
    case gguf::TensorType::F32: return 0;
    case gguf::TensorType::F16: return 1;
    case gguf::TensorType::Q8_0: return 7;
    case gguf::TensorType::BF16: return 32;
  }
  return 0;
}

std::optional<torch::Tensor> llama3_rope_factors(const model::LlamaConfig& c) {
  if (c.rope_scaling.type != "llama3") return std::nullopt;
  if (const auto arch = gguf_architecture(c); arch != "llama")
    throw LoraError("GGUF export: rope_scaling \"llama3\" on a " + c.model_type + " model cannot be exported: llama.cpp's " + arch +
                    " architecture loads no rope_freqs tensor, so it would refuse the file (or, without it, compute another RoPE)");
  // LlamaModel.generate_extra_tensors, in float32 as there.
  const auto& s = c.rope_scaling;
  const auto dim = static_cast<float>(c.head_dim);
  const float base = static_cast<float>(c.rope_theta);
  const float old_context = static_cast<float>(s.original_max_position_embeddings);
  const float low_wavelen = old_context / static_cast<float>(s.low_freq_factor);
  const float high_wavelen = old_context / static_cast<float>(s.high_freq_factor);
  const float factor = static_cast<float>(s.factor);
  std::vector<float> factors;
  for (int64_t i = 0; i < c.head_dim; i += 2) {
    const float freq = 1.0f / std::pow(base, static_cast<float>(i) / dim);
    const float wavelen = 2.0f * static_cast<float>(M_PI) / freq;
    if (wavelen < high_wavelen) factors.push_back(1.0f);
    else if (wavelen > low_wavelen) factors.push_back(factor);
    else {
      const float smooth = (old_context / wavelen - static_cast<float>(s.low_freq_factor)) /
                           static_cast<float>(s.high_freq_factor - s.low_freq_factor);
      factors.push_back(1.0f / ((1.0f - smooth) / factor + smooth));
    }
  }
  return torch::tensor(factors, torch::kFloat);
}

void add_float_tensor(gguf::GgufWriter& w, const std::string& name, const torch::Tensor& tensor, gguf::TensorType type) {
  const auto values = tensor.detach().to(torch::kCPU, torch::kFloat).contiguous();
  w.add_tensor(name, values.sizes().vec(), type, gguf::encode_tensor(type, values.data_ptr<float>(), values.numel()));
}

}  // namespace medlora::lora
