#pragma once
// Fixtures for the distillation tests on tiny models: frozen and trained teachers, a LoRA
// student and the mean KL between two models over the toy records.
#include <torch/torch.h>

#include <filesystem>
#include <memory>

#include "core/lora/lora_model.h"
#include "core/train/batch_sampler.h"
#include "core/train/causal_lm_loss.h"
#include "core/train/distillation_loss.h"
#include "core/train/trainer.h"
#include "tests/core/train/train_fixtures.h"

namespace medlora::train::testing {

inline std::shared_ptr<model::LlamaForCausalLM> frozen(std::shared_ptr<model::LlamaForCausalLM> m) {
  for (auto& p : m->parameters()) p.set_requires_grad(false);
  return m;
}

// A model with every weight trained on the toy records, each question paired with the answer
// `shift` records further on (0: the right answers).
inline std::shared_ptr<model::LlamaForCausalLM> trained_model(const std::filesystem::path& dir, uint64_t seed, size_t shift) {
  auto records = tiny_records();
  for (size_t i = 0; i < records.size(); ++i) records[i].output = tiny_records()[(i + shift) % records.size()].output;
  auto options = fast_options();
  options.epochs = 12;
  options.learning_rate = 1e-2;
  auto setup = tiny_setup(dir, options);
  setup.trainable = full_trainable(tiny_model(seed));
  setup.train = toy_encoder().encode(records, &setup.train_stats);
  auto m = setup.trainable.model;
  Trainer(std::move(setup)).run();
  m->eval();
  return frozen(m);
}

// A LoRA student (B = 0) on a frozen base.
inline TrainableModel lora_student(std::shared_ptr<model::LlamaForCausalLM> base) {
  auto m = frozen(std::move(base));
  lora::LoraConfig config;
  config.r = 8;
  config.alpha = 16;
  config.dropout = 0.0;
  config.target_modules = {"all-linear"};
  lora::inject_lora(*m, config, "default", /*seed=*/3);
  TrainableModel t;
  t.model = m;
  t.parameters = lora::lora_trainable_parameters(*m);
  t.save_name = "adapter";
  return t;
}

// Mean KL(teacher_T || student_T) per answer token over the toy records (the full vocabulary).
inline double mean_kl(model::LlamaForCausalLM& student, model::LlamaForCausalLM& teacher, double temperature) {
  torch::NoGradGuard no_grad;
  student.eval();
  const auto examples = toy_encoder().encode(tiny_records(), nullptr);
  std::vector<int64_t> all(examples.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int64_t>(i);
  const auto batch = collate(examples, all, kToyPad, torch::kCPU);
  const auto s = target_logits(student, batch.input_ids, batch.labels);
  const auto t = target_logits(teacher, batch.input_ids, batch.labels);
  return distillation_loss(s.logits, t.logits, s.targets, {temperature, 1.0}).kl;
}

}  // namespace medlora::train::testing
