#include <gtest/gtest.h>

#include <torch/torch.h>

#include "core/model/linear_layer.h"
#include "core/quant/quantize_layers.h"
#include "core/quant/quantized_linear.h"
#include "tests/core/quant/quant_test_support.h"

namespace medlora::quant {
namespace {

using testing::random_weight;

TEST(QuantizedLinear, BackwardGivesInputGradientThroughDequantisedWeight) {
  auto q = quantize_weight(random_weight(96, 64, 1), QuantFormat::Nf4);
  auto w = dequantize_weight(q);
  auto bias = random_weight(1, 96, 2).reshape({96});
  auto x = random_weight(10, 64, 3, 1.0).reshape({2, 5, 64}).requires_grad_(true);
  auto y = quantized_linear(x, q, bias);
  EXPECT_TRUE(torch::allclose(y, torch::linear(x.detach(), w, bias), 1e-5, 1e-5));
  auto r = random_weight(10, 96, 4, 1.0).reshape({2, 5, 96});
  (y * r).sum().backward();
  EXPECT_TRUE(torch::allclose(x.grad(), torch::matmul(r, w), 1e-5, 1e-5));
}

TEST(QuantizedLinear, OneRowWithoutGradientUsesGemv) {
  auto q = quantize_weight(random_weight(33, 64, 5), QuantFormat::Int8);
  auto x = random_weight(1, 64, 6, 1.0).reshape({1, 1, 64});
  torch::NoGradGuard no_grad;
  auto y = quantized_linear(x, q, {});
  EXPECT_EQ(y.sizes(), (std::vector<int64_t>{1, 1, 33}));
  EXPECT_TRUE(torch::allclose(y, torch::linear(x, dequantize_weight(q)), 1e-5, 1e-5));
}

TEST(QuantizedLinear, DenseLayerForwardAndPlaceholder) {
  model::DenseLinear layer(64, 48, true);
  {
    torch::NoGradGuard no_grad;
    layer.weight.copy_(random_weight(48, 64, 7));
    layer.bias.copy_(random_weight(1, 48, 8).reshape({48}));
  }
  auto x = random_weight(3, 64, 9, 1.0);
  auto before = layer.forward(x).detach();
  quantize_into(layer, layer.weight, BaseQuantization{QuantFormat::Int8, false});
  ASSERT_TRUE(layer.quantized);
  // The float weight is gone: a stride-0 placeholder of the old shape, all NaN.
  EXPECT_EQ(layer.weight.sizes(), (std::vector<int64_t>{48, 64}));
  EXPECT_EQ(layer.weight.stride(0), 0);
  EXPECT_TRUE(layer.weight.isnan().all().item<bool>());
  auto after = layer.forward(x);
  EXPECT_LT((after - before).abs().max().item<double>(), 0.02 * before.abs().max().item<double>());
}

}  // namespace
}  // namespace medlora::quant
