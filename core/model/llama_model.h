#pragma once
// A LLaMA-family decoder computed exactly as HF transformers does (RMSNorm in float32,
// rotate_half RoPE, grouped-query attention, SwiGLU), with module and parameter names that
// match HF's state dict ("model.layers.0.self_attn.q_proj.weight", "lm_head.weight"). One
// decoder serves llama, mistral, qwen2 and qwen3: the config says which projections have
// biases, whether q/k heads are normalised (qwen3's q_norm/k_norm) and which layers attend
// through a sliding window.
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/kv_cache.h"
#include "core/model/linear_layer.h"
#include "core/model/llama_config.h"
#include "core/model/rotary_embedding.h"

namespace medlora::model {

class RMSNorm : public torch::nn::Module {
 public:
  RMSNorm(int64_t size, double eps);
  torch::Tensor forward(const torch::Tensor& x);
  torch::Tensor weight;

 private:
  double eps_;
};

class TokenEmbedding : public torch::nn::Module {
 public:
  TokenEmbedding(int64_t vocab_size, int64_t hidden_size);
  // Virtual so that core/lora can train a full copy of the table (modules_to_save).
  virtual torch::Tensor forward(const torch::Tensor& ids);
  torch::Tensor weight;  // [vocab, hidden]
};

class LlamaAttention : public torch::nn::Module {
 public:
  LlamaAttention(const LlamaConfig& config, int64_t layer_index);
  // x [B, T, D]; cos/sin [T, head_dim]; with a cache, keys/values of earlier tokens are used
  // and this call's are appended.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin, KVCache* cache);

  std::shared_ptr<LinearLayer> q_proj, k_proj, v_proj, o_proj;
  std::shared_ptr<RMSNorm> q_norm, k_norm;  // qwen3 only (nullptr otherwise), size head_dim

 private:
  int64_t layer_index_, heads_, kv_heads_, head_dim_;
  double scale_;
  std::optional<int64_t> window_;  // sliding-window size of this layer
};

class LlamaMlp : public torch::nn::Module {
 public:
  explicit LlamaMlp(const LlamaConfig& config);
  torch::Tensor forward(const torch::Tensor& x);
  std::shared_ptr<LinearLayer> gate_proj, up_proj, down_proj;
};

class LlamaDecoderLayer : public torch::nn::Module {
 public:
  LlamaDecoderLayer(const LlamaConfig& config, int64_t layer_index);
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin, KVCache* cache);
  std::shared_ptr<LlamaAttention> self_attn;
  std::shared_ptr<LlamaMlp> mlp;
  std::shared_ptr<RMSNorm> input_layernorm, post_attention_layernorm;
};

// A projection that LoRA may wrap: where it sits and the pointer that holds it.
struct ProjectionSlot {
  std::string path;   // HF module path: "model.layers.3.self_attn.q_proj", "lm_head"
  std::string name;   // "q_proj", ..., "lm_head"
  int64_t layer = -1; // decoder layer index, -1 for lm_head
  torch::nn::Module* parent = nullptr;
  std::shared_ptr<LinearLayer>* holder = nullptr;
};

class LlamaModel : public torch::nn::Module {
 public:
  explicit LlamaModel(const LlamaConfig& config);
  torch::Tensor forward(const torch::Tensor& input_ids, KVCache* cache);  // final-norm hidden [B, T, D]
  std::shared_ptr<TokenEmbedding> embed_tokens;
  torch::nn::ModuleList layers;
  std::vector<std::shared_ptr<LlamaDecoderLayer>> decoder_layers;
  std::shared_ptr<RMSNorm> norm;
  bool gradient_checkpointing = false;

 private:
  LlamaConfig config_;
  RotaryEmbedding rope_;
};

class LlamaForCausalLM : public torch::nn::Module {
 public:
  explicit LlamaForCausalLM(const LlamaConfig& config);

  // Final-norm hidden states [B, T, D] in the compute dtype.
  torch::Tensor hidden_states(const torch::Tensor& input_ids, KVCache* cache = nullptr);
  // Vocabulary logits in float32 for hidden states [..., D].
  torch::Tensor logits(const torch::Tensor& hidden);
  // logits(hidden_states(input_ids)): [B, T, vocab] float32.
  torch::Tensor forward(const torch::Tensor& input_ids, KVCache* cache = nullptr);

  const LlamaConfig& config() const { return config_; }
  c10::ScalarType dtype() const;
  c10::Device device() const;
  KVCache make_cache(int64_t batch, int64_t capacity) const;

  // Every q/k/v/o/gate/up/down projection in layer order, then lm_head (absent when tied).
  std::vector<ProjectionSlot> projection_slots();
  static void replace_projection(const ProjectionSlot& slot, std::shared_ptr<LinearLayer> layer);

  // HF-named base weights (dense weights under any LoRA wrapper; lm_head omitted when tied).
  std::vector<std::pair<std::string, torch::Tensor>> base_state_dict();
  void set_gradient_checkpointing(bool enabled) { model->gradient_checkpointing = enabled; }

  std::shared_ptr<LlamaModel> model;
  std::shared_ptr<LinearLayer> lm_head;  // nullptr when tie_word_embeddings

 private:
  LlamaConfig config_;
};

// Gives every base weight fresh, uninitialised storage of `dtype` without reading the old one.
// For a model about to be filled by initialize_weights(): converting the constructor's float32
// tensors with to(dtype) would read (and so make resident) all of them first.
void allocate_weights(LlamaForCausalLM& m, torch::Dtype dtype);

// Fills every base weight with HF's initialisation (normal(0, 0.02), norms at 1), seeded.
void initialize_weights(LlamaForCausalLM& model, uint64_t seed);

}  // namespace medlora::model
