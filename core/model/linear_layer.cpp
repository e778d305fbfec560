#include "core/model/linear_layer.h"

#include <torch/torch.h>

#include "core/model/single_row_linear.h"

namespace medlora::model {

DenseLinear::DenseLinear(int64_t in_features, int64_t out_features, bool with_bias)
    : in_features_(in_features), out_features_(out_features) {
  weight = register_parameter("weight", torch::empty({out_features, in_features}));
  if (with_bias) bias = register_parameter("bias", torch::zeros({out_features}));
}

std::shared_ptr<DenseLinear> DenseLinear::dense() {
  return std::dynamic_pointer_cast<DenseLinear>(torch::nn::Module::shared_from_this());
}

torch::Tensor DenseLinear::forward(const torch::Tensor& x) {
  if (auto fast = single_row_linear(x, weight, bias)) return *fast;
  return torch::linear(x, weight, bias);
}

}  // namespace medlora::model
