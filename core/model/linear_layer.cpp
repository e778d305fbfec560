#include "core/model/linear_layer.h"

#include <torch/torch.h>

#include <limits>

#include "core/model/single_row_linear.h"
#include "core/model/weight_placeholder.h"
#include "core/quant/quantized_linear.h"
#include "core/quant/quantized_weight.h"

namespace medlora::model {

DenseLinear::DenseLinear(int64_t in_features, int64_t out_features, bool with_bias)
    : in_features_(in_features), out_features_(out_features) {
  weight = register_parameter("weight", new_weight({out_features, in_features}));
  if (with_bias) bias = register_parameter("bias", torch::zeros({out_features}));
}

std::shared_ptr<DenseLinear> DenseLinear::dense() {
  return std::dynamic_pointer_cast<DenseLinear>(torch::nn::Module::shared_from_this());
}

void DenseLinear::set_quantized(std::shared_ptr<const quant::QuantizedWeight> q) {
  torch::NoGradGuard no_grad;
  const auto placeholder = torch::full({1}, std::numeric_limits<float>::quiet_NaN(), weight.options())
                               .expand({out_features_, in_features_});
  weight.set_data(placeholder);
  weight.set_requires_grad(false);
  quantized = std::move(q);
}

torch::Tensor DenseLinear::forward(const torch::Tensor& x) {
  if (quantized) return quant::quantized_linear(x, *quantized, bias);
  if (auto fast = single_row_linear(x, weight, bias)) return *fast;
  return torch::linear(x, weight, bias);
}

}  // namespace medlora::model
