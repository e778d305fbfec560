#include "core/lora/lora_model.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <set>

#include "tests/core/lora/lora_test_models.h"

namespace medlora::lora {
namespace {

using testing::randomize;
using testing::sample_ids;
using testing::tiny_model;

std::set<std::string> wrapped_paths(model::LlamaForCausalLM& m) {
  std::set<std::string> out;
  for (auto& [path, layer] : lora_layers(m)) out.insert(path);
  return out;
}

TEST(LoraModel, TargetsQkvoByDefault) {
  auto m = tiny_model();
  inject_lora(*m, LoraConfig{});
  auto paths = wrapped_paths(*m);
  EXPECT_EQ(paths.size(), 8u);
  EXPECT_TRUE(paths.count("model.layers.1.self_attn.o_proj"));
  EXPECT_FALSE(paths.count("model.layers.0.mlp.up_proj"));
  auto params = lora_trainable_parameters(*m);
  ASSERT_EQ(params.size(), 16u);
  EXPECT_EQ(params[0].first, "base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight");
  EXPECT_EQ(params[1].first, "base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight");
  EXPECT_EQ(params[0].second.sizes(), (std::vector<int64_t>{16, 32}));
  EXPECT_EQ(params[1].second.sizes(), (std::vector<int64_t>{32, 16}));
  EXPECT_EQ(active_adapter(*m), "default");
}

TEST(LoraModel, AllLinearAndLayersToTransform) {
  auto m = tiny_model();
  LoraConfig c;
  c.r = 4;
  c.target_modules = {"all-linear"};
  inject_lora(*m, c);
  EXPECT_EQ(wrapped_paths(*m).size(), 14u);
  EXPECT_FALSE(wrapped_paths(*m).count("lm_head")) << "all-linear leaves the output layer alone";
  EXPECT_EQ(std::dynamic_pointer_cast<LoraLinear>(m->lm_head), nullptr);

  auto n = tiny_model();
  c.target_modules = {"gate_proj", "down_proj"};
  c.layers_to_transform = {1};
  inject_lora(*n, c);
  EXPECT_EQ(wrapped_paths(*n), (std::set<std::string>{"model.layers.1.mlp.gate_proj", "model.layers.1.mlp.down_proj"}));

  auto bad = tiny_model();
  c.layers_to_transform = {2};
  EXPECT_THROW(inject_lora(*bad, c), LoraError);
}

TEST(LoraModel, BaseIsFrozenAndNotTrainable) {
  auto m = tiny_model();
  LoraConfig c;
  c.target_modules = {"all-linear"};
  inject_lora(*m, c);
  std::set<const void*> trainable;
  for (auto& [name, t] : lora_trainable_parameters(*m)) {
    EXPECT_TRUE(t.requires_grad()) << name;
    EXPECT_EQ(t.scalar_type(), torch::kFloat) << name;
    trainable.insert(t.unsafeGetTensorImpl());
  }
  for (auto& [name, t] : m->base_state_dict()) {
    EXPECT_FALSE(t.requires_grad()) << name;
    EXPECT_FALSE(trainable.count(t.unsafeGetTensorImpl())) << name;
  }
  // A training step reaches LoRA weights only.
  m->train();
  m->forward(sample_ids()).sum().backward();
  for (auto& [name, t] : lora_trainable_parameters(*m)) EXPECT_TRUE(t.grad().defined()) << name;
}

TEST(LoraModel, FreshAdapterLeavesLogitsUnchangedAndEvalModeIsKept) {
  auto m = tiny_model();
  auto before = m->forward(sample_ids());
  LoraConfig c;
  c.dropout = 0.5;
  inject_lora(*m, c);
  for (auto& [path, layer] : lora_layers(*m)) EXPECT_FALSE(layer->is_training()) << path;
  EXPECT_TRUE(torch::equal(m->forward(sample_ids()), before));
}

TEST(LoraModel, MergeEqualsUnmergedFloat32) {
  auto m = tiny_model();
  LoraConfig c;
  c.target_modules = {"all-linear"};
  inject_lora(*m, c);
  randomize(lora_trainable_parameters(*m), 1);
  auto base_q = m->model->decoder_layers[0]->self_attn->q_proj->dense()->weight.clone();
  auto unmerged = m->forward(sample_ids());
  merge_adapter(*m);
  EXPECT_TRUE(is_merged(*m));
  auto merged = m->forward(sample_ids());
  EXPECT_TRUE(torch::allclose(merged, unmerged, 1e-4, 1e-5)) << (merged - unmerged).abs().max();
  EXPECT_THROW(set_active_adapter(*m, ""), LoraError);
  unmerge_adapter(*m);
  EXPECT_FALSE(is_merged(*m));
  EXPECT_TRUE(torch::allclose(m->model->decoder_layers[0]->self_attn->q_proj->dense()->weight, base_q, 0, 1e-6));
  EXPECT_TRUE(torch::allclose(m->forward(sample_ids()), unmerged, 1e-4, 1e-5));
}

TEST(LoraModel, MergeEqualsUnmergedBfloat16Loosely) {
  auto m = tiny_model(false, 7, torch::kBFloat16);
  inject_lora(*m, LoraConfig{});
  randomize(lora_trainable_parameters(*m), 2);
  auto unmerged = m->forward(sample_ids());
  merge_adapter(*m);
  auto merged = m->forward(sample_ids());
  const float effect = (unmerged - tiny_model(false, 7, torch::kBFloat16)->forward(sample_ids())).abs().max().item<float>();
  const float merge_error = (merged - unmerged).abs().max().item<float>();
  EXPECT_GT(effect, 0.0f);
  // bfloat16 keeps ~3 significant digits: merging rounds W + dW once more, far below the
  // adapter's own effect.
  EXPECT_LT(merge_error, 0.25f * effect) << "merge error " << merge_error << ", adapter effect " << effect;
}

TEST(LoraModel, SwitchingAdaptersMatchesEachAlone) {
  LoraConfig c1;
  c1.r = 4;
  LoraConfig c2;
  c2.r = 8;
  c2.target_modules = {"up_proj", "v_proj"};
  auto only1 = tiny_model();
  inject_lora(*only1, c1, "one", 1);
  randomize(lora_trainable_parameters(*only1, "one"), 10);
  auto only2 = tiny_model();
  inject_lora(*only2, c2, "two", 2);
  randomize(lora_trainable_parameters(*only2, "two"), 20);

  auto both = tiny_model();
  inject_lora(*both, c1, "one", 1);
  randomize(lora_trainable_parameters(*both, "one"), 10);
  inject_lora(*both, c2, "two", 2);
  randomize(lora_trainable_parameters(*both, "two"), 20);
  EXPECT_EQ(adapter_names(*both), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(active_adapter(*both), "two");

  const auto ids = sample_ids();
  EXPECT_TRUE(torch::allclose(both->forward(ids), only2->forward(ids), 1e-5, 1e-6));
  set_active_adapter(*both, "one");
  EXPECT_TRUE(torch::allclose(both->forward(ids), only1->forward(ids), 1e-5, 1e-6));
  set_active_adapter(*both, "");
  EXPECT_TRUE(torch::allclose(both->forward(ids), tiny_model()->forward(ids), 1e-5, 1e-6));
  EXPECT_THROW(set_active_adapter(*both, "three"), LoraError);
  EXPECT_THROW(inject_lora(*both, c1, "one"), LoraError);

  remove_adapter(*both, "one");
  EXPECT_EQ(adapter_names(*both), (std::vector<std::string>{"two"}));
  EXPECT_EQ(wrapped_paths(*both).size(), 4u) << "projections with no adapter left are plain again";
  set_active_adapter(*both, "two");
  EXPECT_TRUE(torch::allclose(both->forward(ids), only2->forward(ids), 1e-5, 1e-6));
  remove_adapter(*both, "two");
  EXPECT_TRUE(wrapped_paths(*both).empty());
}

TEST(LoraModel, MergeAndUnloadLeavesAPlainMergedModel) {
  auto m = tiny_model();
  LoraConfig c;
  c.modules_to_save = {"lm_head"};
  inject_lora(*m, c);
  randomize(lora_trainable_parameters(*m), 3);
  auto expected = m->forward(sample_ids());
  merge_and_unload(*m);
  EXPECT_TRUE(lora_layers(*m).empty());
  EXPECT_TRUE(adapter_names(*m).empty());
  EXPECT_NE(std::dynamic_pointer_cast<model::DenseLinear>(m->lm_head), nullptr);
  EXPECT_TRUE(torch::allclose(m->forward(sample_ids()), expected, 1e-4, 1e-5));
}

}  // namespace
}  // namespace medlora::lora
