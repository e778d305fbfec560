// A short LoRA training run on a Qwen2-shaped model (q/k/v biases, tied embeddings) with the
// trainer and its test fixtures: the loss falls while the biases and every other base weight
// stay frozen.
#include <torch/torch.h>  // before Qt headers: Qt's "slots" macro breaks torch's ivalue headers
#include "core/train/trainer.h"

#include <gtest/gtest.h>

#include <map>
#include <numeric>

#include "core/lora/lora_model.h"
#include "tests/core/model/tiny_families.h"
#include "tests/core/train/train_fixtures.h"
#include "tests/support/temp_dir.h"

namespace medlora::lora {
namespace {

double mean(const std::vector<double>& v, size_t begin, size_t end) {
  return std::accumulate(v.begin() + begin, v.begin() + end, 0.0) / static_cast<double>(end - begin);
}

TEST(LoraFamilyTraining, LoraOnAQwen2ModelLowersTheLossAndKeepsItsBiases) {
  medlora::testing::TempDir dir;
  auto config = medlora::testing::tiny_qwen2_config(/*tied=*/true);
  config.vocab_size = train::testing::kToyVocab;
  auto m = medlora::testing::make_tiny_model(config, 3, 0.1);
  LoraConfig lora;
  lora.r = 8;
  lora.alpha = 16;
  lora.dropout = 0.0;
  lora.target_modules = {"q_proj", "k_proj", "v_proj", "o_proj"};
  inject_lora(*m, lora, "default", 2);
  std::map<std::string, torch::Tensor> frozen;
  for (const auto& [name, tensor] : m->base_state_dict()) frozen[name] = tensor.clone();
  ASSERT_TRUE(frozen.count("model.layers.0.self_attn.q_proj.bias"));

  auto options = train::testing::fast_options();
  options.epochs = 6;
  options.learning_rate = 1e-2;
  auto setup = train::testing::tiny_setup(dir / "run", options);
  setup.trainable.model = m;
  setup.trainable.parameters = lora_trainable_parameters(*m);
  const auto result = train::Trainer(std::move(setup)).run();
  const auto& losses = result.step_losses;
  ASSERT_GE(losses.size(), 12u);
  EXPECT_LT(mean(losses, losses.size() - 3, losses.size()), 0.8 * mean(losses, 0, 3));
  for (const auto& [name, tensor] : m->base_state_dict())
    EXPECT_TRUE(torch::equal(tensor, frozen.at(name))) << name << " changed, but base weights are frozen";
}

}  // namespace
}  // namespace medlora::lora
