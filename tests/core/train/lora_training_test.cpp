// LoRA mode end to end on a tiny model: a base model is first trained (all weights) to give
// each question another question's answer; then only a LoRA adapter trains on the right
// answers. The loss falls, the base weights stay as they were, and the adapted model answers a
// training question better than the base (lower NLL on its answer).
#include <torch/torch.h>  // before Qt headers: Qt's "slots" macro breaks torch's ivalue headers
#include "core/train/trainer.h"

#include <gtest/gtest.h>

#include <map>

#include "core/lora/lora_model.h"
#include "core/train/batch_sampler.h"
#include "core/train/causal_lm_loss.h"
#include "tests/core/train/train_fixtures.h"
#include "tests/support/temp_dir.h"

namespace medlora::train {
namespace {

using namespace medlora::train::testing;

// Mean negative log-likelihood per answer token of `record` under `m`.
double answer_nll(model::LlamaForCausalLM& m, const TrainingRecord& record) {
  torch::NoGradGuard no_grad;
  m.eval();
  const auto examples = toy_encoder().encode({record}, nullptr);
  const auto batch = collate(examples, {0}, kToyPad, torch::kCPU);
  return causal_lm_loss_sum(m, batch.input_ids, batch.labels).item<double>() / static_cast<double>(batch.target_tokens);
}

// A base model that has learnt the vocabulary but pairs every question with the next one's answer.
std::shared_ptr<model::LlamaForCausalLM> misinformed_base(const std::filesystem::path& dir) {
  auto records = tiny_records();
  for (size_t i = 0; i < records.size(); ++i) records[i].output = tiny_records()[(i + 1) % records.size()].output;
  auto options = fast_options();
  options.epochs = 15;
  options.learning_rate = 1e-2;
  TrainerSetup setup = tiny_setup(dir, options);
  setup.train = toy_encoder().encode(records, &setup.train_stats);
  auto m = setup.trainable.model;
  Trainer(std::move(setup)).run();
  for (auto& [name, tensor] : m->base_state_dict()) tensor.set_requires_grad(false);
  return m;
}

TEST(LoraTrainingTest, OnlyTheAdapterTrainsAndTheAnswerBecomesMoreLikely) {
  medlora::testing::TempDir dir;
  auto m = misinformed_base(dir / "base");
  const auto record = tiny_records()[0];
  const double base_nll = answer_nll(*m, record);

  lora::LoraConfig config;
  config.r = 8;
  config.alpha = 16;
  config.dropout = 0.0;
  config.target_modules = {"all-linear"};
  lora::inject_lora(*m, config, "default", /*seed=*/3);
  EXPECT_NEAR(answer_nll(*m, record), base_nll, 1e-5) << "LoRA B starts at zero: no change before training";
  std::map<std::string, torch::Tensor> frozen;
  for (const auto& [name, tensor] : m->base_state_dict()) frozen[name] = tensor.clone();

  auto options = fast_options();
  options.epochs = 15;
  options.learning_rate = 1e-2;
  TrainerSetup setup = tiny_setup(dir / "lora", options);
  setup.trainable.model = m;
  setup.trainable.parameters = lora::lora_trainable_parameters(*m);
  ASSERT_FALSE(setup.trainable.parameters.empty());
  const auto result = Trainer(std::move(setup)).run();
  ASSERT_GE(result.step_losses.size(), 10u);
  EXPECT_LT(result.step_losses.back(), result.step_losses.front() * 0.6);

  const double adapted_nll = answer_nll(*m, record);
  EXPECT_LT(adapted_nll, base_nll * 0.6) << "base " << base_nll << ", adapted " << adapted_nll;
  for (const auto& [name, tensor] : m->base_state_dict())
    EXPECT_TRUE(torch::equal(tensor, frozen.at(name))) << name << " changed, but base weights are frozen";
}

}  // namespace
}  // namespace medlora::train
