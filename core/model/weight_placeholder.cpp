#include "core/model/weight_placeholder.h"

#include <torch/torch.h>

#include <limits>

namespace medlora::model {

namespace {
thread_local bool deferred = false;
}  // namespace

at::Tensor new_weight(std::vector<int64_t> sizes) {
  if (!deferred) return torch::empty(sizes);
  torch::NoGradGuard no_grad;
  return torch::full({1}, std::numeric_limits<float>::quiet_NaN()).expand(sizes);
}

DeferredWeightsGuard::DeferredWeightsGuard() : previous_(deferred) { deferred = true; }

DeferredWeightsGuard::~DeferredWeightsGuard() { deferred = previous_; }

}  // namespace medlora::model
