#include <gtest/gtest.h>

#include <torch/torch.h>

#include "core/io/safetensors_writer.h"
#include "core/train/adamw_8bit.h"
#include "core/train/checkpoint_io.h"
#include "core/train/train_error.h"
#include "tests/core/train/train_fixtures.h"
#include "tests/support/temp_dir.h"

namespace medlora::train {
namespace {

// Least squares: find W [64, 128] (8192 elements: four 2048-blocks) mapping X to Y.
struct Regression {
  torch::Tensor x, y, w0;
  Regression() {
    auto gen = at::detail::createCPUGenerator(3);
    x = at::randn({256, 128}, gen, torch::kFloat);
    y = torch::matmul(x, at::randn({128, 64}, gen, torch::kFloat) * 0.2);
    w0 = at::randn({64, 128}, gen, torch::kFloat) * 0.1;
  }
  double loss_and_grad(torch::Tensor& w) const {
    w.mutable_grad() = torch::Tensor();
    auto loss = (torch::matmul(x, w.t()) - y).pow(2).mean();
    loss.backward();
    return loss.item<double>();
  }
};

std::vector<std::pair<std::string, torch::Tensor>> named(const torch::Tensor& w) { return {{"w", w}}; }

TEST(AdamW8bit, FollowsFloatAdamWClosely) {
  Regression problem;
  auto w_float = problem.w0.clone().requires_grad_(true);
  auto w_8bit = problem.w0.clone().requires_grad_(true);
  AdamWSettings settings;
  AdamWOptimizer reference(named(w_float), {true}, settings);
  AdamW8bitOptimizer optimizer(named(w_8bit), {true}, settings);
  ASSERT_TRUE(optimizer.quantized(0));
  double first = 0, loss_float = 0, loss_8bit = 0;
  for (int step = 0; step < 200; ++step) {
    loss_float = problem.loss_and_grad(w_float);
    loss_8bit = problem.loss_and_grad(w_8bit);
    if (step == 0) first = loss_float;
    reference.step(1e-2);
    optimizer.step(1e-2);
    if (step == 9 || step == 199) {
      // Close trajectories: the parameters stay within a few percent of the float run's path.
      const double drift = ((w_8bit - w_float).norm() / (w_float - problem.w0).norm()).item<double>();
      EXPECT_LT(drift, 0.05) << "step " << step;
    }
  }
  EXPECT_LT(loss_float, first * 0.05);
  EXPECT_LT(loss_8bit, first * 0.05);
  EXPECT_NEAR(loss_8bit, loss_float, 0.1 * loss_float + 1e-4);
}

TEST(AdamW8bit, StateIsAQuarterOfFloatAdamW) {
  auto w = torch::zeros({64, 128}).requires_grad_(true);
  AdamWOptimizer reference(named(w), {true}, {});
  AdamW8bitOptimizer optimizer(named(w), {true}, {});
  EXPECT_EQ(reference.state_bytes(), 2 * 8192 * 4);
  EXPECT_EQ(optimizer.state_bytes(), 2 * 8192 + 2 * 4 * 4);  // codes + one absmax per block
  EXPECT_LE(optimizer.state_bytes(), 0.3 * reference.state_bytes());
}

TEST(AdamW8bit, SmallTensorsKeepFloatStateAndMatchAdamWExactly) {
  auto gen = at::detail::createCPUGenerator(5);
  auto a = at::randn({10, 20}, gen, torch::kFloat).requires_grad_(true);
  auto b = a.detach().clone().requires_grad_(true);
  AdamWOptimizer reference(named(a), {true}, {});
  AdamW8bitOptimizer optimizer(named(b), {true}, {});
  EXPECT_FALSE(optimizer.quantized(0));
  for (int step = 0; step < 5; ++step) {
    auto g = at::randn({10, 20}, gen, torch::kFloat);
    a.mutable_grad() = g.clone();
    b.mutable_grad() = g.clone();
    reference.step(1e-2);
    optimizer.step(1e-2);
  }
  EXPECT_TRUE(torch::equal(a, b));
}

TEST(AdamW8bit, StateRoundTripContinuesBitForBit) {
  Regression problem;
  auto w = problem.w0.clone().requires_grad_(true);
  AdamW8bitOptimizer optimizer(named(w), {true}, {});
  for (int step = 0; step < 5; ++step) {
    problem.loss_and_grad(w);
    optimizer.step(1e-2);
  }
  // Through a real safetensors file, as a checkpoint does.
  medlora::testing::TempDir dir;
  const auto file = dir / "optimizer.safetensors";
  {
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    for (auto& [name, t] : optimizer.state_tensors()) tensors.emplace_back(name, t.contiguous());
    io::write_safetensors(file, tensors, {{"format", "pt"}});
  }
  auto w_resumed = w.detach().clone().requires_grad_(true);
  AdamW8bitOptimizer resumed(named(w_resumed), {true}, {});
  resumed.load_state_tensors(read_tensors(file), file.string());
  for (int step = 0; step < 5; ++step) {
    problem.loss_and_grad(w);
    problem.loss_and_grad(w_resumed);
    optimizer.step(1e-2);
    resumed.step(1e-2);
  }
  EXPECT_TRUE(torch::equal(w, w_resumed));
}

TEST(AdamW8bit, RefusesFloatAdamWState) {
  auto w = torch::zeros({64, 128}).requires_grad_(true);
  AdamWOptimizer reference(named(w), {true}, {});
  AdamW8bitOptimizer optimizer(named(w), {true}, {});
  EXPECT_THROW(optimizer.load_state_tensors(reference.state_tensors(), "ckpt"), TrainingError);
}

// The trainer with training.optimizer = adamw_8bit: a run killed after checkpoint-3 and
// resumed follows the uninterrupted run's losses.
TEST(AdamW8bit, TrainerResumeFollowsTheSameLossTrajectory) {
  auto config = testing::tiny_config();
  config.hidden_size = 64;  // embeddings 64 x 64 and MLP 64 x 128: quantised state
  config.intermediate_size = 128;
  config.head_dim = 16;
  auto setup_for = [&](const std::filesystem::path& out, const TrainingOptions& options) {
    auto s = testing::tiny_setup(out, options);
    auto m = std::make_shared<model::LlamaForCausalLM>(config);
    model::initialize_weights(*m, 7);
    s.trainable = testing::full_trainable(m);
    return s;
  };
  medlora::testing::TempDir dir;
  auto options = testing::fast_options();
  options.optimizer = "adamw_8bit";
  options.max_steps = 6;
  options.save_steps = 3;
  const auto uninterrupted = Trainer(setup_for(dir / "a", options)).run();
  ASSERT_EQ(uninterrupted.step_losses.size(), 6u);
  EXPECT_LT(uninterrupted.step_losses.back(), uninterrupted.step_losses.front());

  TrainerCallbacks crash;
  crash.before_backward = [](int64_t step, at::Tensor&) {
    if (step == 4) throw std::runtime_error("simulated crash");
  };
  EXPECT_THROW(Trainer(setup_for(dir / "b", options), crash).run(), std::runtime_error);
  auto setup = setup_for(dir / "b", options);
  setup.resume_from = dir / "b";
  const auto resumed = Trainer(std::move(setup)).run();
  ASSERT_EQ(resumed.step_losses.size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(resumed.step_losses[i], uninterrupted.step_losses[3 + i]) << i;
  const auto state = read_tensors(list_checkpoints(dir / "b").back().second / "optimizer.safetensors");
  bool has_codes = false;
  for (const auto& [name, t] : state) has_codes |= name.find(".exp_avg.codes") != std::string::npos;
  EXPECT_TRUE(has_codes);
}

}  // namespace
}  // namespace medlora::train
