#include "core/lora/merged_export.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <fstream>

#include "core/lora/lora_model.h"
#include "core/lora/peft_adapter.h"
#include "core/model/model_loader.h"
#include "core/runtime/compute_options.h"
#include "tests/core/lora/lora_test_models.h"
#include "tests/support/temp_dir.h"

namespace medlora::lora {
namespace {

using testing::randomize;
using testing::sample_ids;
using testing::tiny_model;
namespace fs = std::filesystem;

struct Fixture {
  medlora::testing::TempDir tmp;
  fs::path base = tmp / "tiny-base";
  fs::path adapter = tmp / "adapter";
  fs::path out = tmp / "merged";
  torch::Tensor adapted_logits;

  // Saves a tiny base (with tokenizer side files) and an adapter with random weights.
  Fixture(bool tied, LoraConfig config, c10::ScalarType save_dtype = torch::kFloat, bool train = true) {
    auto m = tiny_model(tied);
    model::save_llama(*m, base, save_dtype);
    std::ofstream(base / "tokenizer_config.json") << "{\"model_max_length\": 64}";
    std::ofstream(base / "tokenizer.model") << "not a real sentencepiece model";
    config.base_model_name_or_path = "tiny-base";
    auto trained = model::load_llama(base, runtime::ComputeOptions{});
    trained->eval();
    inject_lora(*trained, config);
    if (train) randomize(lora_trainable_parameters(*trained), 3);
    adapted_logits = trained->forward(sample_ids());
    save_peft_adapter(*trained, config, adapter);
  }
};

std::shared_ptr<model::LlamaForCausalLM> load(const fs::path& dir) {
  auto m = model::load_llama(dir, runtime::ComputeOptions{});
  m->eval();
  return m;
}

TEST(MergedExport, MergedModelEqualsBasePlusAdapter) {
  LoraConfig c;
  c.r = 4;
  c.target_modules = {"all-linear"};
  Fixture f(false, c);
  auto report = export_merged_model(f.base, f.adapter, f.out);
  EXPECT_EQ(report.merged_layers, 14);
  EXPECT_EQ(report.save_dtype, "float32");
  EXPECT_TRUE(fs::exists(f.out / "tokenizer_config.json"));
  EXPECT_TRUE(fs::exists(f.out / "tokenizer.model"));
  auto merged = load(f.out);
  auto logits = merged->forward(sample_ids());
  EXPECT_TRUE(torch::allclose(logits, f.adapted_logits, 1e-4, 1e-5)) << (logits - f.adapted_logits).abs().max();
  EXPECT_GT((logits - load(f.base)->forward(sample_ids())).abs().max().item<float>(), 1e-3f);
}

TEST(MergedExport, TiedEmbeddingsWithSavedCopyStayTiedAndChanged) {
  LoraConfig c;
  c.r = 4;
  c.modules_to_save = {"lm_head"};
  Fixture f(true, c);
  auto report = export_merged_model(f.base, f.adapter, f.out);
  EXPECT_TRUE(report.tied_embeddings);
  auto merged = load(f.out);
  EXPECT_TRUE(merged->config().tie_word_embeddings);
  EXPECT_TRUE(torch::allclose(merged->forward(sample_ids()), f.adapted_logits, 1e-4, 1e-5));
  auto base = load(f.base);
  EXPECT_FALSE(torch::equal(merged->model->embed_tokens->weight, base->model->embed_tokens->weight));
}

TEST(MergedExport, SavesInTheBaseDtype) {
  LoraConfig c;
  c.r = 4;
  Fixture f(false, c, torch::kBFloat16);
  auto report = export_merged_model(f.base, f.adapter, f.out);
  EXPECT_EQ(report.save_dtype, "bfloat16");
  EXPECT_EQ(model::LlamaConfig::from_file(f.out / "config.json").torch_dtype, "bfloat16");
}

TEST(MergedExport, RefusesAnIdentityAdapterUnlessAllowed) {
  LoraConfig c;
  c.r = 4;
  Fixture f(false, c, torch::kFloat, /*train=*/false);
  try {
    export_merged_model(f.base, f.adapter, f.out);
    FAIL();
  } catch (const LoraError& e) {
    EXPECT_NE(std::string(e.what()).find("--allow-identity"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(f.out));
  ExportOptions options;
  options.allow_identity = true;
  export_merged_model(f.base, f.adapter, f.out, options);
  EXPECT_TRUE(torch::equal(load(f.out)->forward(sample_ids()), load(f.base)->forward(sample_ids())));
}

TEST(MergedExport, RefusesBadFolders) {
  LoraConfig c;
  c.r = 4;
  Fixture f(false, c);
  EXPECT_THROW(export_merged_model(f.tmp / "missing", f.adapter, f.out), LoraError);
  EXPECT_THROW(export_merged_model(f.base, f.tmp / "missing", f.out), LoraError);
  EXPECT_THROW(export_merged_model(f.base, f.adapter, f.base), LoraError);
  fs::create_directories(f.out);
  std::ofstream(f.out / "keep.txt") << "user data";
  EXPECT_THROW(export_merged_model(f.base, f.adapter, f.out), LoraError);
  EXPECT_TRUE(fs::exists(f.out / "keep.txt"));
}

}  // namespace
}  // namespace medlora::lora
