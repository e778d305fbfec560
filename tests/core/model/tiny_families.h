#pragma once
// Tiny configs of each model type this program runs (qwen2, qwen3, Llama 3 with its RoPE
// scaling, mistral), on top of tiny_llama.h's shape (hidden 64, 2 layers, 4 heads, vocab 100).
// Each sets what that type's small real checkpoints have: qwen2's q/k/v biases and tied
// embeddings, qwen3's q/k norms and a head_dim that is not hidden / heads, Llama 3's rope
// scaling and GQA, mistral's sliding window. Header-only (test globs take *_test.cpp only).
#include <string>

#include "tests/core/model/tiny_llama.h"

namespace medlora::testing {

// Qwen2.5-0.5B-like: q/k/v biases (always, for qwen2), tied, rope_theta 1e6.
inline model::LlamaConfig tiny_qwen2_config(bool tied = true) {
  auto c = tiny_config(/*kv_heads=*/2, tied);
  c.model_type = "qwen2";
  c.rope_theta = 1e6;
  c.sliding_window = 32;  // present in Qwen2.5 configs, unused while use_sliding_window is false
  c.max_window_layers = 2;
  c.validate("tiny qwen2 config");
  return c;
}

// Qwen3-like: head_dim 32 with hidden 64 and 4 heads (Qwen3 sets head_dim explicitly), q/k norms.
inline model::LlamaConfig tiny_qwen3_config(bool tied = false, bool attention_bias = false) {
  auto c = tiny_config(/*kv_heads=*/2, tied);
  c.model_type = "qwen3";
  c.head_dim = 32;
  c.rope_theta = 1e6;
  c.attention_bias = attention_bias;
  c.validate("tiny qwen3 config");
  return c;
}

// Llama-3.1-like: GQA (4 query heads on 1 kv head) and llama3 RoPE scaling; with a tiny
// original context of 16 the head_dim-16 frequencies fall in all three bands (kept, smoothed,
// divided by the factor).
inline model::LlamaConfig tiny_llama3_config(bool tied = false, const std::string& rope = "llama3") {
  auto c = tiny_config(/*kv_heads=*/1, tied);
  c.rope_theta = 500000.0;
  c.rope_scaling.type = rope;
  c.rope_scaling.factor = rope == "llama3" ? 8.0 : 2.0;
  c.rope_scaling.low_freq_factor = 1.0;
  c.rope_scaling.high_freq_factor = 4.0;
  c.rope_scaling.original_max_position_embeddings = 16;
  c.bos_token_id = 1;
  c.eos_token_ids = {2, 3};
  c.validate("tiny llama3 config");
  return c;
}

// Mistral-7B-v0.1-like: sliding-window attention on every layer (a tiny window of 4, so that
// ten tokens use it).
inline model::LlamaConfig tiny_mistral_config(std::optional<int64_t> window = 4) {
  auto c = tiny_config(/*kv_heads=*/2, /*tied=*/false);
  c.model_type = "mistral";
  c.sliding_window = window;
  c.validate("tiny mistral config");
  return c;
}

}  // namespace medlora::testing
