#pragma once
// Tiny LLaMA models for the LoRA tests, built in memory with seeded weights.
#include <torch/torch.h>

#include <memory>

#include "core/model/llama_model.h"

namespace medlora::lora::testing {

inline model::LlamaConfig tiny_config(bool tied = false) {
  model::LlamaConfig c;
  c.vocab_size = 64;
  c.hidden_size = 32;
  c.intermediate_size = 48;
  c.num_hidden_layers = 2;
  c.num_attention_heads = 4;
  c.num_key_value_heads = 2;
  c.head_dim = 8;
  c.max_position_embeddings = 64;
  c.tie_word_embeddings = tied;
  return c;
}

inline std::shared_ptr<model::LlamaForCausalLM> tiny_model(bool tied = false, uint64_t seed = 7,
                                                            c10::ScalarType dtype = torch::kFloat) {
  auto m = std::make_shared<model::LlamaForCausalLM>(tiny_config(tied));
  model::initialize_weights(*m, seed);
  if (dtype != torch::kFloat) m->to(dtype);
  m->eval();
  return m;
}

inline torch::Tensor sample_ids() { return torch::tensor({3, 17, 42, 5, 9, 60, 1, 33}, torch::kLong).view({1, 8}); }

// Gives every trainable tensor of an adapter random values so that it changes the output.
inline void randomize(const std::vector<std::pair<std::string, torch::Tensor>>& params, uint64_t seed) {
  torch::NoGradGuard no_grad;
  auto generator = at::detail::createCPUGenerator(seed);
  for (auto& [name, t] : params) {
    auto noise = at::normal(0.0, 0.05, t.sizes(), generator, torch::TensorOptions().dtype(torch::kFloat));
    t.add_(noise.to(t.device()));
  }
}

}  // namespace medlora::lora::testing
