#include "core/lora/saved_module.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/lora/lora_model.h"
#include "tests/core/lora/lora_test_models.h"

namespace medlora::lora {
namespace {

using testing::randomize;
using testing::sample_ids;
using testing::tiny_model;

TEST(SavedModule, LmHeadCopyOnUntiedModel) {
  auto m = tiny_model();
  auto base_logits = m->forward(sample_ids());
  LoraConfig c;
  c.modules_to_save = {"lm_head"};
  inject_lora(*m, c);
  auto params = lora_trainable_parameters(*m);
  ASSERT_EQ(params.back().first, "base_model.model.lm_head.weight");
  auto copy = params.back().second;
  EXPECT_EQ(copy.sizes(), (std::vector<int64_t>{64, 32}));
  EXPECT_TRUE(copy.requires_grad());
  EXPECT_FALSE(m->lm_head->dense()->weight.requires_grad());
  EXPECT_TRUE(torch::equal(m->forward(sample_ids()), base_logits)) << "the copy starts equal to the original";

  {
    torch::NoGradGuard no_grad;
    copy.mul_(2.0);
  }
  auto adapted = m->forward(sample_ids());
  EXPECT_FALSE(torch::allclose(adapted, base_logits));
  EXPECT_TRUE(torch::allclose(adapted, base_logits * 2.0, 1e-4, 1e-5)) << "logits are linear in lm_head";
  set_active_adapter(*m, "");
  EXPECT_TRUE(torch::equal(m->forward(sample_ids()), base_logits));
  set_active_adapter(*m, "default");

  m->forward(sample_ids()).sum().backward();
  EXPECT_TRUE(copy.grad().defined());
  EXPECT_FALSE(m->lm_head->dense()->weight.grad().defined());

  auto original = m->lm_head->dense()->weight.clone();
  merge_adapter(*m);
  EXPECT_TRUE(torch::equal(m->lm_head->dense()->weight, copy)) << "merged, the copy replaces the original";
  EXPECT_TRUE(torch::allclose(m->forward(sample_ids()), adapted, 1e-5, 1e-6));
  unmerge_adapter(*m);
  EXPECT_TRUE(torch::equal(m->lm_head->dense()->weight, original));
}

TEST(SavedModule, EmbeddingCopyOnUntiedModelLeavesLmHeadAlone) {
  auto m = tiny_model();
  LoraConfig c;
  c.modules_to_save = {"embed_tokens"};
  inject_lora(*m, c);
  auto params = lora_trainable_parameters(*m);
  ASSERT_EQ(params.back().first, "base_model.model.model.embed_tokens.weight");
  auto head_before = m->lm_head->dense()->weight.clone();
  {
    torch::NoGradGuard no_grad;
    params.back().second.mul_(3.0);
  }
  auto adapted = m->forward(sample_ids());
  merge_and_unload(*m);
  EXPECT_TRUE(torch::equal(m->lm_head->dense()->weight, head_before));
  EXPECT_TRUE(torch::allclose(m->model->embed_tokens->weight, params.back().second));
  EXPECT_TRUE(torch::allclose(m->forward(sample_ids()), adapted, 1e-5, 1e-6));
  EXPECT_EQ(std::dynamic_pointer_cast<SavedEmbedding>(m->model->embed_tokens), nullptr);
}

TEST(SavedModule, TiedModelSharesOneCopyForInputAndOutput) {
  auto m = tiny_model(/*tied=*/true);
  auto base_logits = m->forward(sample_ids());
  LoraConfig c;
  c.modules_to_save = {"lm_head"};
  inject_lora(*m, c);
  auto params = lora_trainable_parameters(*m);
  ASSERT_EQ(params.back().first, "base_model.model.lm_head.weight");
  auto copy = params.back().second;
  EXPECT_TRUE(torch::equal(m->forward(sample_ids()), base_logits));
  EXPECT_FALSE(m->model->embed_tokens->weight.requires_grad());

  // Doubling the copy must act like doubling the tied table itself, on both the input and the
  // output side (the residual stream keeps the embedding's scale, so one side alone differs).
  {
    torch::NoGradGuard no_grad;
    copy.mul_(2.0);
  }
  auto adapted = m->forward(sample_ids());
  auto reference = tiny_model(true);
  {
    torch::NoGradGuard no_grad;
    reference->model->embed_tokens->weight.mul_(2.0);
  }
  EXPECT_TRUE(torch::allclose(adapted, reference->forward(sample_ids()), 1e-5, 1e-6));
  EXPECT_FALSE(torch::allclose(adapted, base_logits, 1e-3, 1e-3));
  m->forward(sample_ids()).sum().backward();
  EXPECT_TRUE(copy.grad().defined());

  // Both names listed: still one tensor for the optimiser, saved under both keys.
  auto n = tiny_model(true);
  c.modules_to_save = {"embed_tokens", "lm_head"};
  inject_lora(*n, c);
  auto n_params = lora_trainable_parameters(*n);
  EXPECT_EQ(n_params.back().first, "base_model.model.model.embed_tokens.weight");
  EXPECT_EQ(n_params.size(), 17u);
  auto files = peft_tensors(*n, "default");
  ASSERT_EQ(files.size(), 18u);
  EXPECT_EQ(files[16].first, "base_model.model.model.embed_tokens.weight");
  EXPECT_EQ(files[17].first, "base_model.model.lm_head.weight");

  // Merged and unloaded, the model is tied again with the trained table.
  merge_and_unload(*m);
  EXPECT_EQ(m->lm_head, nullptr);
  EXPECT_TRUE(torch::equal(m->model->embed_tokens->weight, copy));
  EXPECT_TRUE(torch::allclose(m->forward(sample_ids()), adapted, 1e-5, 1e-6));
  for (auto& [name, t] : m->base_state_dict()) EXPECT_NE(name, "lm_head.weight");
}

TEST(SavedModule, RemovingTheAdapterRestoresTheOriginals) {
  auto m = tiny_model(true);
  LoraConfig c;
  c.modules_to_save = {"embed_tokens"};
  inject_lora(*m, c);
  EXPECT_NE(m->lm_head, nullptr);
  remove_adapter(*m, "default");
  EXPECT_EQ(m->lm_head, nullptr);
  EXPECT_EQ(std::dynamic_pointer_cast<SavedEmbedding>(m->model->embed_tokens), nullptr);
  EXPECT_TRUE(torch::equal(m->forward(sample_ids()), tiny_model(true)->forward(sample_ids())));
}

}  // namespace
}  // namespace medlora::lora
