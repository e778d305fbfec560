#include "core/lora/adapter_registry.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/lora/lora_model.h"
#include "core/lora/peft_adapter.h"
#include "tests/core/lora/lora_test_models.h"
#include "tests/support/temp_dir.h"

namespace medlora::lora {
namespace {

using testing::randomize;
using testing::sample_ids;
using testing::tiny_model;

// Trains nothing: gives an adapter random weights, saves it, and returns the logits it gives alone.
torch::Tensor make_adapter(const std::filesystem::path& dir, LoraConfig config, uint64_t seed) {
  auto m = tiny_model();
  config.base_model_name_or_path = "tiny-base";
  inject_lora(*m, config, "default", seed);
  randomize(lora_trainable_parameters(*m), seed);
  save_peft_adapter(*m, config, dir);
  return m->forward(sample_ids());
}

TEST(AdapterRegistry, LoadsSeveralAndSwitchesWithoutReloadingTheBase) {
  medlora::testing::TempDir tmp;
  LoraConfig qa = preset("clinic-qa");
  qa.r = 4;
  LoraConfig record;
  record.r = 8;
  record.target_modules = {"all-linear"};
  record.modules_to_save = {"lm_head"};
  const auto qa_logits = make_adapter(tmp / "qa", qa, 1);
  const auto record_logits = make_adapter(tmp / "record", record, 2);

  auto base = tiny_model();
  const auto base_logits = base->forward(sample_ids());
  const void* base_weight = base->model->decoder_layers[0]->self_attn->q_proj->dense()->weight.data_ptr();
  AdapterRegistry registry(base, "/models/tiny-base");
  EXPECT_EQ(registry.load(tmp / "qa").name, "qa");
  registry.load(tmp / "record", "records");
  EXPECT_EQ(registry.list().size(), 2u);
  EXPECT_EQ(registry.active(), "");
  EXPECT_TRUE(torch::equal(base->forward(sample_ids()), base_logits)) << "loading does not switch";

  registry.activate("qa");
  EXPECT_TRUE(torch::allclose(base->forward(sample_ids()), qa_logits, 1e-5, 1e-6));
  registry.activate("records");
  EXPECT_TRUE(torch::allclose(base->forward(sample_ids()), record_logits, 1e-5, 1e-6));
  registry.activate("qa");
  EXPECT_TRUE(torch::allclose(base->forward(sample_ids()), qa_logits, 1e-5, 1e-6));
  EXPECT_EQ(base->model->decoder_layers[0]->self_attn->q_proj->dense()->weight.data_ptr(), base_weight);

  EXPECT_THROW(registry.activate("nope"), LoraError);
  EXPECT_THROW(registry.load(tmp / "qa"), LoraError) << "name taken";

  registry.unload("qa");
  EXPECT_EQ(registry.active(), "");
  EXPECT_FALSE(registry.contains("qa"));
  EXPECT_TRUE(torch::equal(base->forward(sample_ids()), base_logits));
  registry.activate("records");
  EXPECT_TRUE(torch::allclose(base->forward(sample_ids()), record_logits, 1e-5, 1e-6));
  registry.load(tmp / "qa");  // the name is free again
  EXPECT_EQ(registry.active(), "records");
}

TEST(AdapterRegistry, RefusesAnAdapterForAnotherBase) {
  medlora::testing::TempDir tmp;
  make_adapter(tmp / "qa", preset("clinic-qa"), 1);
  AdapterRegistry registry(tiny_model(), "/models/mistral-7b");
  EXPECT_THROW(registry.load(tmp / "qa"), LoraError);
  EXPECT_TRUE(registry.list().empty());
}

}  // namespace
}  // namespace medlora::lora
