#include "core/lora/lora_linear.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <optional>

#include "core/model/recomputed_forward.h"

#include "core/lora/lora_config.h"

namespace medlora::lora {
namespace {

std::shared_ptr<model::DenseLinear> make_dense(int64_t in, int64_t out, bool bias, c10::ScalarType dtype = torch::kFloat) {
  auto dense = std::make_shared<model::DenseLinear>(in, out, bias);
  torch::NoGradGuard no_grad;
  torch::manual_seed(3);
  dense->weight.copy_(torch::randn({out, in}) * 0.1);
  if (bias) dense->bias.copy_(torch::randn({out}) * 0.1);
  dense->to(dtype);
  return dense;
}

TEST(LoraLinear, InitialisationIsKaimingUniformAndZeroB) {
  LoraLinear layer(make_dense(64, 24, false));
  layer.add_adapter("default", 8, 2.0, 0.0, 11);
  auto& w = layer.adapter("default");
  EXPECT_EQ(w.A.sizes(), (std::vector<int64_t>{8, 64}));
  EXPECT_EQ(w.B.sizes(), (std::vector<int64_t>{24, 8}));
  EXPECT_EQ(w.A.scalar_type(), torch::kFloat);
  EXPECT_TRUE(w.A.requires_grad());
  EXPECT_TRUE(w.B.requires_grad());
  EXPECT_EQ(w.B.abs().max().item<float>(), 0.0f);
  const double bound = 1.0 / std::sqrt(64.0);
  EXPECT_LE(w.A.abs().max().item<double>(), bound);
  // Uniform(-b, b) has std b / sqrt(3); 512 samples land within 15 %.
  EXPECT_NEAR(w.A.std().item<double>(), bound / std::sqrt(3.0), 0.15 * bound / std::sqrt(3.0));
  EXPECT_FALSE(layer.dense()->weight.requires_grad());

  LoraLinear same(make_dense(64, 24, false));
  same.add_adapter("default", 8, 2.0, 0.0, 11);
  EXPECT_TRUE(torch::equal(same.adapter("default").A, w.A)) << "initialisation is seeded";
}

TEST(LoraLinear, ZeroBGivesTheBaseOutput) {
  auto dense = make_dense(16, 12, true);
  LoraLinear layer(dense);
  layer.add_adapter("default", 4, 4.0, 0.0, 1);
  layer.set_active("default");
  auto x = torch::randn({2, 5, 16});
  EXPECT_TRUE(torch::equal(layer.forward(x), dense->forward(x)));
}

TEST(LoraLinear, OutputIsBasePlusScaledLowRankPath) {
  auto dense = make_dense(16, 12, true);
  LoraLinear layer(dense);
  layer.add_adapter("default", 4, 2.5, 0.0, 1);
  layer.set_active("default");
  {
    torch::NoGradGuard no_grad;
    layer.adapter("default").B.normal_(0, 0.3);
  }
  auto x = torch::randn({3, 16});
  auto& w = layer.adapter("default");
  auto expected = dense->forward(x) + 2.5 * torch::matmul(torch::matmul(x, w.A.t()), w.B.t());
  EXPECT_TRUE(torch::allclose(layer.forward(x), expected, 1e-5, 1e-6));
  layer.set_active("");
  EXPECT_TRUE(torch::equal(layer.forward(x), dense->forward(x)));
}

TEST(LoraLinear, GradientsOfAAndBMatchFiniteDifferences) {
  auto dense = make_dense(6, 5, true, torch::kDouble);
  LoraLinear layer(dense);
  layer.add_adapter("default", 3, 1.7, 0.0, 5);
  auto& w = layer.adapter("default");
  {
    torch::NoGradGuard no_grad;
    w.A.set_data(w.A.to(torch::kDouble));
    w.B.set_data(torch::randn({5, 3}, torch::kDouble) * 0.5);
  }
  layer.set_active("default");
  auto x = torch::randn({4, 6}, torch::kDouble);
  auto target = torch::randn({4, 5}, torch::kDouble);
  auto loss_of = [&] { return (layer.forward(x) - target).pow(2).sum(); };
  auto loss = loss_of();
  loss.backward();
  ASSERT_TRUE(w.A.grad().defined());
  ASSERT_TRUE(w.B.grad().defined());
  EXPECT_FALSE(dense->weight.grad().defined()) << "the base weight is frozen";
  const double eps = 1e-6;
  for (torch::Tensor* p : {&w.A, &w.B}) {
    auto analytic = p->grad().clone();
    auto flat = p->data().view({-1});
    for (int64_t i = 0; i < flat.numel(); ++i) {
      torch::NoGradGuard no_grad;
      const double saved = flat[i].item<double>();
      flat[i] = saved + eps;
      const double up = loss_of().item<double>();
      flat[i] = saved - eps;
      const double down = loss_of().item<double>();
      flat[i] = saved;
      EXPECT_NEAR(analytic.view({-1})[i].item<double>(), (up - down) / (2 * eps), 1e-6) << "element " << i;
    }
  }
}

TEST(LoraLinear, DropoutOnlyWhileTraining) {
  LoraLinear layer(make_dense(32, 8, false));
  layer.add_adapter("default", 4, 2.0, 0.5, 1);
  layer.set_active("default");
  {
    torch::NoGradGuard no_grad;
    layer.adapter("default").B.fill_(0.2);
  }
  auto x = torch::randn({4, 32});
  layer.eval();
  auto a = layer.forward(x);
  EXPECT_TRUE(torch::equal(a, layer.forward(x)));
  layer.train();
  torch::manual_seed(1);
  auto b = layer.forward(x);
  EXPECT_FALSE(torch::allclose(a, b)) << "dropout acts on the LoRA path in training";
}

// The LoRA path keeps only a bool keep-mask for backward and recomputes the dropped input; its
// values and gradients must be those of torch::dropout drawn from the same random state.
TEST(LoraLinear, DropoutMatchesTorchDropoutInValuesAndGradients) {
  for (const bool recompute : {false, true})
  for (auto dtype : {torch::kFloat, torch::kBFloat16}) {
    std::optional<model::RecomputeInBackwardScope> recomputing;
    if (recompute) recomputing.emplace();
    LoraLinear layer(make_dense(32, 8, false, dtype));
    layer.add_adapter("default", 4, 2.0, 0.3, 1);
    layer.set_active("default");
    auto& w = layer.adapter("default");
    {
      torch::NoGradGuard no_grad;
      w.B.copy_(torch::randn(w.B.sizes()) * 0.1);
    }
    layer.train();
    auto x = torch::randn({2, 5, 32}).to(dtype).requires_grad_(true);
    torch::manual_seed(11);
    auto out = layer.forward(x);
    const auto weights = torch::randn(out.sizes()).to(dtype);
    (out * weights).sum().backward();
    const auto ours_x = x.grad().clone(), ours_a = w.A.grad().clone(), ours_b = w.B.grad().clone();

    x.mutable_grad() = torch::Tensor();
    w.A.mutable_grad() = torch::Tensor();
    w.B.mutable_grad() = torch::Tensor();
    torch::manual_seed(11);
    auto dropped = torch::dropout(x, 0.3, /*train=*/true);
    auto reference = torch::linear(x, layer.dense()->weight) +
                     2.0 * torch::linear(torch::linear(dropped, w.A.to(dtype)), w.B.to(dtype));
    (reference * weights).sum().backward();
    const double tolerance = dtype == torch::kFloat ? 1e-6 : 2e-2;
    EXPECT_TRUE(torch::allclose(out.to(torch::kFloat), reference.to(torch::kFloat), tolerance, tolerance));
    EXPECT_TRUE(torch::allclose(ours_x.to(torch::kFloat), x.grad().to(torch::kFloat), tolerance, tolerance));
    EXPECT_TRUE(torch::allclose(ours_a, w.A.grad(), tolerance, tolerance));
    EXPECT_TRUE(torch::allclose(ours_b, w.B.grad(), tolerance, tolerance));
  }
}

TEST(LoraLinear, Bfloat16BaseKeepsFloat32AdapterAndGradients) {
  auto dense = make_dense(32, 16, false, torch::kBFloat16);
  LoraLinear layer(dense);
  layer.add_adapter("default", 4, 2.0, 0.0, 1);
  layer.set_active("default");
  auto& w = layer.adapter("default");
  {
    torch::NoGradGuard no_grad;
    w.B.normal_(0, 0.1);
  }
  auto x = torch::randn({3, 32}).to(torch::kBFloat16);
  auto y = layer.forward(x);
  EXPECT_EQ(y.scalar_type(), torch::kBFloat16);
  y.to(torch::kFloat).sum().backward();
  EXPECT_EQ(w.A.grad().scalar_type(), torch::kFloat);
  EXPECT_EQ(w.B.grad().scalar_type(), torch::kFloat);
  auto expected = torch::linear(x.to(torch::kFloat), dense->weight.to(torch::kFloat)) +
                  2.0 * torch::matmul(torch::matmul(x.to(torch::kFloat), w.A.t()), w.B.t());
  EXPECT_TRUE(torch::allclose(y.to(torch::kFloat), expected, 3e-2, 3e-2));
}

TEST(LoraLinear, MergeMatchesUnmergedAndUnmergeRestores) {
  auto dense = make_dense(16, 12, true);
  auto original = dense->weight.clone();
  LoraLinear layer(dense);
  layer.add_adapter("default", 4, 2.0, 0.0, 1);
  layer.set_active("default");
  {
    torch::NoGradGuard no_grad;
    layer.adapter("default").B.normal_(0, 0.2);
  }
  auto x = torch::randn({5, 16});
  auto unmerged = layer.forward(x);
  layer.merge();
  EXPECT_TRUE(layer.merged());
  EXPECT_FALSE(torch::equal(dense->weight, original));
  EXPECT_TRUE(torch::allclose(layer.forward(x), unmerged, 1e-5, 1e-5));
  EXPECT_THROW(layer.set_active(""), LoraError);
  layer.unmerge();
  EXPECT_TRUE(torch::allclose(dense->weight, original, 0, 1e-6));
  EXPECT_TRUE(torch::allclose(layer.forward(x), unmerged, 1e-5, 1e-6));
}

TEST(LoraLinear, SeveralNamedAdapters) {
  LoraLinear layer(make_dense(8, 8, false));
  layer.add_adapter("a", 2, 1.0, 0.0, 1);
  layer.add_adapter("b", 4, 1.0, 0.0, 2);
  EXPECT_THROW(layer.add_adapter("a", 2, 1.0, 0.0, 1), LoraError);
  EXPECT_EQ(layer.adapter_names(), (std::vector<std::string>{"a", "b"}));
  layer.remove_adapter("a");
  EXPECT_FALSE(layer.has_adapter("a"));
  layer.add_adapter("a", 2, 1.0, 0.0, 1);  // a name can come back after removal
  EXPECT_TRUE(layer.has_adapter("a"));
}

}  // namespace
}  // namespace medlora::lora
