#pragma once
// Keys and values of every layer for the tokens seen so far, preallocated so that decoding
// appends in place instead of concatenating.
#include <ATen/core/Tensor.h>

#include <vector>

#include "core/model/llama_config.h"

namespace medlora::model {

class KVCache {
 public:
  KVCache(const LlamaConfig& config, int64_t batch, int64_t capacity, c10::ScalarType dtype,
          const c10::Device& device);

  int64_t length() const { return length_; }
  int64_t capacity() const { return capacity_; }
  // Writes k/v [B, kv_heads, T, head_dim] of `layer` at positions [length, length + T) and
  // returns views of everything stored for that layer so far, including them.
  std::pair<at::Tensor, at::Tensor> append(int64_t layer, const at::Tensor& k, const at::Tensor& v);
  // Called once all layers have appended T tokens.
  void advance(int64_t tokens);
  void reset() { length_ = 0; }
  // Forget everything after the first `length` tokens (for regeneration from a shared prefix).
  void truncate(int64_t length);

 private:
  void grow(int64_t needed);
  std::vector<at::Tensor> keys_, values_;  // [B, kv_heads, capacity, head_dim]
  int64_t length_ = 0;
  int64_t capacity_ = 0;
};

}  // namespace medlora::model
