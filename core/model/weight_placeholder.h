#pragma once
// The weights a freshly constructed model starts with. Normally uninitialised float32 storage of
// the right shape. While a DeferredWeightsGuard lives on this thread (model_loader, which
// replaces every weight as it reads the checkpoint), they are storage-less placeholders of the
// right shape instead: float32 placeholders allocated and then freed one by one left the
// loaded weights scattered over holes twice their size, and a training run's activations then
// spread into the untouched gaps between them, each touched page staying resident (TinyLlama
// shape, bf16 LoRA: peak RSS ~0.4 GiB above what malloc had handed out).
#include <ATen/core/Tensor.h>

#include <vector>

namespace medlora::model {

// torch::empty(sizes) (float32), or under a DeferredWeightsGuard a single NaN broadcast to
// sizes (no storage to speak of; writing into it is an error, replace it with set_data).
at::Tensor new_weight(std::vector<int64_t> sizes);

class DeferredWeightsGuard {
 public:
  DeferredWeightsGuard();
  ~DeferredWeightsGuard();
  DeferredWeightsGuard(const DeferredWeightsGuard&) = delete;
  DeferredWeightsGuard& operator=(const DeferredWeightsGuard&) = delete;

 private:
  bool previous_;
};

}  // namespace medlora::model
