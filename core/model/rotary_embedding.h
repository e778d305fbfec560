#pragma once
// Rotary position embedding as HF LLaMA computes it: inv_freq in float32, cos/sin of
// cat(freqs, freqs), applied with rotate_half (not interleaved pairs).
#include <ATen/core/Tensor.h>

#include "core/model/llama_config.h"

namespace medlora::model {

class RotaryEmbedding {
 public:
  explicit RotaryEmbedding(const LlamaConfig& config);
  // cos and sin for positions [start, start + length), shape [length, head_dim], in dtype on device.
  std::pair<at::Tensor, at::Tensor> cos_sin(int64_t start, int64_t length, c10::ScalarType dtype,
                                            const c10::Device& device);
  // x [B, heads, T, head_dim] -> x * cos + rotate_half(x) * sin
  static at::Tensor apply(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin);
  const at::Tensor& inv_freq() const { return inv_freq_; }

 private:
  void ensure_table(int64_t positions, c10::ScalarType dtype, const c10::Device& device);
  at::Tensor inv_freq_;  // float32 [head_dim / 2]
  at::Tensor cos_, sin_;  // cached [positions, head_dim] in the last requested dtype/device
  int64_t cached_positions_ = 0;
};

}  // namespace medlora::model
