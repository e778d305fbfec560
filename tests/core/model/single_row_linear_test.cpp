#include "core/model/single_row_linear.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/model/linear_layer.h"

using namespace medlora::model;

namespace {

// Odd sizes exercise the tail after the 16-lane loop and uneven thread shares.
TEST(SingleRowLinear, Bfloat16KernelMatchesFloat32Reference) {
  torch::manual_seed(3);
  for (int64_t in : {5, 16, 67, 512}) {
    auto w = torch::randn({301, in}).to(torch::kBFloat16);
    auto x = torch::randn({in}).to(torch::kBFloat16);
    auto expected = torch::mv(w.to(torch::kFloat), x.to(torch::kFloat));
    auto got = bfloat16_gemv(w, x).to(torch::kFloat);
    EXPECT_TRUE(torch::allclose(got, expected, 2e-2, 2e-2)) << "in=" << in;
  }
}

TEST(SingleRowLinear, DenseLayerGivesTheSameAnswerOnEveryPath) {
  torch::manual_seed(4);
  for (auto dtype : {torch::kFloat, torch::kBFloat16}) {
    DenseLinear layer(96, 40, /*bias=*/true);
    torch::NoGradGuard no_grad;
    layer.weight.normal_();
    layer.bias.normal_();
    layer.to(dtype);
    auto x = torch::randn({1, 1, 96}).to(dtype);
    auto expected = torch::linear(x.to(torch::kFloat), layer.weight.to(torch::kFloat), layer.bias.to(torch::kFloat));
    auto got = layer.forward(x);
    EXPECT_EQ(got.sizes(), expected.sizes());
    EXPECT_EQ(got.scalar_type(), dtype);
    const double tol = dtype == torch::kFloat ? 1e-4 : 5e-2;
    EXPECT_TRUE(torch::allclose(got.to(torch::kFloat), expected, tol, tol));
  }
}

TEST(SingleRowLinear, SeveralRowsOrGradientsUseTorchLinear) {
  auto w = torch::randn({8, 4});
  EXPECT_FALSE(single_row_linear(torch::randn({2, 4}), w, {}).has_value());
  EXPECT_FALSE(single_row_linear(torch::randn({1, 4}, torch::requires_grad()), w, {}).has_value());
  EXPECT_FALSE(single_row_linear(torch::randn({1, 4}).to(torch::kHalf), w.to(torch::kHalf), {}).has_value());
  EXPECT_TRUE(single_row_linear(torch::randn({1, 4}), w, {}).has_value());
}

}  // namespace
