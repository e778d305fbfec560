// Pieces recomputed in backward (attention scores, SwiGLU, RMSNorm): gradients must equal those
// of the plain graph, and the piece must really run again in backward.
#include "core/model/recomputed_forward.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/model/weight_placeholder.h"
#include "tests/core/model/tiny_families.h"
#include "tests/core/model/tiny_llama.h"

namespace medlora::model {
namespace {

// Gradients of every parameter for a sum of the logits weighted by fixed random numbers.
std::vector<torch::Tensor> all_gradients(LlamaForCausalLM& m, const torch::Tensor& ids) {
  for (auto& p : m.parameters()) {
    p.set_requires_grad(true);
    p.mutable_grad() = torch::Tensor();
  }
  m.train();
  auto logits = m.forward(ids);
  auto weights = torch::randn(logits.sizes(), at::detail::createCPUGenerator(3), torch::kFloat);
  (logits * weights).sum().backward();
  std::vector<torch::Tensor> grads;
  for (auto& p : m.parameters()) grads.push_back(p.grad().clone());
  return grads;
}

void expect_same_gradients_as_plain_graph(const LlamaConfig& config, c10::ScalarType dtype) {
  auto m = testing::make_tiny_model(config);
  m->to(dtype);
  auto ids = torch::tensor(testing::random_ids(12, config.vocab_size, 5), torch::kLong).view({2, 6});
  std::vector<torch::Tensor> recomputed;
  {
    RecomputeInBackwardScope recomputing;
    recomputed = all_gradients(*m, ids);
  }
  std::vector<torch::Tensor> plain;
  {
    KeepIntermediatesGuard keep;
    plain = all_gradients(*m, ids);
  }
  ASSERT_EQ(recomputed.size(), plain.size());
  for (size_t i = 0; i < plain.size(); ++i) {
    ASSERT_TRUE(recomputed[i].defined()) << "parameter " << i << " got no gradient";
    // The same operations on the same values; only the order in which autograd sums a tensor's
    // gradient contributions may differ (float32 rounding, relative to the gradient's size).
    const auto ours = recomputed[i].to(torch::kFloat), reference = plain[i].to(torch::kFloat);
    const double scale = reference.abs().max().item<double>();
    const double diff = (ours - reference).abs().max().item<double>();
    EXPECT_LE(diff, 1e-5 * scale) << "parameter " << i << ": max |grad| " << scale;
  }
}

TEST(RecomputedForward, ModelGradientsEqualThePlainGraphFloat32) {
  expect_same_gradients_as_plain_graph(testing::tiny_config(), torch::kFloat);
}

TEST(RecomputedForward, ModelGradientsEqualThePlainGraphBfloat16) {
  expect_same_gradients_as_plain_graph(testing::tiny_config(), torch::kBFloat16);
}

TEST(RecomputedForward, SlidingWindowAndQkNormGradientsEqualThePlainGraph) {
  expect_same_gradients_as_plain_graph(testing::tiny_mistral_config(), torch::kFloat);
  expect_same_gradients_as_plain_graph(testing::tiny_qwen3_config(), torch::kFloat);
}

TEST(RecomputedForward, RunsThePieceAgainInBackwardAndReturnsEachInputsGradient) {
  RecomputeInBackwardScope recomputing;
  int calls = 0;
  auto piece = [&calls](const std::vector<at::Tensor>& in) {
    ++calls;
    return (in[0].sin() * in[1]).sum();
  };
  auto a = torch::randn({5}, torch::requires_grad());
  auto b = torch::randn({5}, torch::requires_grad());
  auto c = torch::randn({5});  // no gradient wanted
  recomputed_forward([&](const std::vector<at::Tensor>& in) { return piece({in[0], in[1]}) + in[2].sum(); }, {a, b, c})
      .backward();
  EXPECT_EQ(calls, 2) << "once in forward, once in backward";
  EXPECT_TRUE(torch::allclose(a.grad(), a.detach().cos() * b.detach()));
  EXPECT_TRUE(torch::allclose(b.grad(), a.detach().sin()));
  EXPECT_FALSE(c.grad().defined());
}

TEST(RecomputedForward, OffUnlessAskedForThePieceRunsOnce) {
  EXPECT_FALSE(recompute_in_backward());
  int calls = 0;
  auto a = torch::randn({4}, torch::requires_grad());
  recomputed_forward(
      [&calls](const std::vector<at::Tensor>& in) {
        ++calls;
        return (in[0] * in[0]).sum();
      },
      {a})
      .backward();
  EXPECT_EQ(calls, 1) << "recomputed although the setting is off";
  EXPECT_TRUE(torch::allclose(a.grad(), 2 * a.detach()));
  {
    RecomputeInBackwardScope recomputing;
    EXPECT_TRUE(recompute_in_backward());
  }
  EXPECT_FALSE(recompute_in_backward());
}

TEST(RecomputedForward, PlainCallWithoutGradients) {
  int calls = 0;
  auto a = torch::randn({3}, torch::requires_grad());
  torch::Tensor out;
  {
    torch::NoGradGuard no_grad;
    out = recomputed_forward(
        [&calls](const std::vector<at::Tensor>& in) {
          ++calls;
          return in[0] * 2;
        },
        {a});
  }
  EXPECT_EQ(calls, 1);
  EXPECT_FALSE(out.requires_grad());
}

TEST(WeightPlaceholder, DeferredWeightsHaveTheShapeButNoStorage) {
  EXPECT_EQ(new_weight({64, 32}).storage().nbytes(), size_t{64 * 32 * 4});
  DeferredWeightsGuard deferred;
  LlamaForCausalLM m(testing::tiny_config());
  for (auto& [name, tensor] : m.base_state_dict()) {
    if (name.find("norm") != std::string::npos) continue;
    EXPECT_LE(tensor.storage().nbytes(), size_t{4}) << name;
    EXPECT_EQ(tensor.dim(), 2) << name;
  }
  EXPECT_EQ(m.lm_head->dense()->weight.sizes(), c10::IntArrayRef({100, 64}));
}

}  // namespace
}  // namespace medlora::model
