#include "core/train/adamw_optimizer.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/train/train_error.h"

namespace medlora::train {
namespace {

TEST(AdamWOptimizerTest, MatchesTorchAdamW) {
  torch::manual_seed(3);
  auto init = torch::randn({5, 3});
  auto ours = init.clone().set_requires_grad(true);
  auto theirs = init.clone().set_requires_grad(true);
  AdamWOptimizer optimizer({{"w", ours}}, {true}, AdamWSettings{0.9, 0.999, 1e-8, 0.05});
  torch::optim::AdamW reference({theirs}, torch::optim::AdamWOptions(1e-2).weight_decay(0.05).betas({0.9, 0.999}).eps(1e-8));
  for (int step = 0; step < 5; ++step) {
    auto target = torch::randn({5, 3});
    (ours - target).pow(2).sum().backward();
    (theirs - target).pow(2).sum().backward();
    optimizer.step(1e-2);
    reference.step();
    optimizer.zero_grad();
    reference.zero_grad();
  }
  EXPECT_TRUE(torch::allclose(ours, theirs, 1e-6, 1e-7)) << (ours - theirs).abs().max().item<double>();
}

TEST(AdamWOptimizerTest, StateRoundTripsByName) {
  auto a = torch::ones({2, 2}).set_requires_grad(true);
  AdamWOptimizer optimizer({{"a", a}}, {true}, {});
  a.sum().backward();
  optimizer.step(0.1);
  const auto state = optimizer.state_tensors();
  ASSERT_EQ(state.size(), 3u);
  auto b = torch::ones({2, 2}).set_requires_grad(true);
  AdamWOptimizer restored({{"a", b}}, {true}, {});
  restored.load_state_tensors(state, "test");
  const auto again = restored.state_tensors();
  for (size_t i = 0; i < state.size(); ++i) EXPECT_TRUE(torch::equal(state[i].second, again[i].second)) << state[i].first;
  AdamWOptimizer other({{"b", b}}, {true}, {});
  EXPECT_THROW(other.load_state_tensors(state, "test"), TrainingError);
}

TEST(AdamWOptimizerTest, ClipReportsThePreClipNorm) {
  auto a = torch::zeros({2}).set_requires_grad(true);
  auto b = torch::zeros({1}).set_requires_grad(true);
  a.mutable_grad() = torch::tensor({3.0f, 0.0f});
  b.mutable_grad() = torch::tensor({4.0f});
  const double norm = clip_grad_norm({{"a", a}, {"b", b}}, 1.0);
  EXPECT_NEAR(norm, 5.0, 1e-6);
  EXPECT_NEAR(a.grad()[0].item<double>(), 0.6, 1e-5);
  EXPECT_NEAR(b.grad()[0].item<double>(), 0.8, 1e-5);
}

TEST(AdamWOptimizerTest, NoDecayOnNormsAndBiases) {
  const auto mask = default_weight_decay_mask({{"model.layers.0.input_layernorm.weight", torch::zeros({1})},
                                               {"model.layers.0.self_attn.q_proj.weight", torch::zeros({1})},
                                               {"model.layers.0.self_attn.q_proj.bias", torch::zeros({1})}});
  EXPECT_EQ(mask, (std::vector<bool>{false, true, false}));
}

}  // namespace
}  // namespace medlora::train
