#include "core/model/kv_cache.h"

#include <torch/torch.h>

namespace medlora::model {

KVCache::KVCache(const LlamaConfig& config, int64_t batch, int64_t capacity, c10::ScalarType dtype,
                 const c10::Device& device)
    : capacity_(std::max<int64_t>(1, capacity)) {
  auto options = torch::TensorOptions().dtype(dtype).device(device);
  for (int64_t i = 0; i < config.num_hidden_layers; ++i) {
    keys_.push_back(torch::empty({batch, config.num_key_value_heads, capacity_, config.head_dim}, options));
    values_.push_back(torch::empty({batch, config.num_key_value_heads, capacity_, config.head_dim}, options));
  }
}

void KVCache::grow(int64_t needed) {
  int64_t capacity = std::max(needed, 2 * capacity_);
  for (size_t i = 0; i < keys_.size(); ++i) {
    auto bigger_k = torch::empty({keys_[i].size(0), keys_[i].size(1), capacity, keys_[i].size(3)}, keys_[i].options());
    auto bigger_v = torch::empty_like(bigger_k);
    bigger_k.narrow(2, 0, length_).copy_(keys_[i].narrow(2, 0, length_));
    bigger_v.narrow(2, 0, length_).copy_(values_[i].narrow(2, 0, length_));
    keys_[i] = bigger_k;
    values_[i] = bigger_v;
  }
  capacity_ = capacity;
}

std::pair<at::Tensor, at::Tensor> KVCache::append(int64_t layer, const at::Tensor& k, const at::Tensor& v) {
  const int64_t tokens = k.size(2);
  if (length_ + tokens > capacity_) grow(length_ + tokens);
  keys_[layer].narrow(2, length_, tokens).copy_(k);
  values_[layer].narrow(2, length_, tokens).copy_(v);
  return {keys_[layer].narrow(2, 0, length_ + tokens), values_[layer].narrow(2, 0, length_ + tokens)};
}

void KVCache::advance(int64_t tokens) { length_ += tokens; }

void KVCache::truncate(int64_t length) { length_ = std::min(length_, std::max<int64_t>(0, length)); }

}  // namespace medlora::model
