// torch before anything that pulls in Qt: Qt's `slots` macro breaks ATen's headers.
#include <torch/torch.h>

#include "core/model/model_catalog.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "core/model/llama_model.h"
#include "core/model/model_loader.h"
#include "core/tokenizer/tokenizer.h"
#include "core/tokenizer/tokenizer_trainer.h"
#include "tests/support/temp_dir.h"

namespace medlora::model {
namespace {

namespace fs = std::filesystem;

LlamaConfig tiny_config(int64_t layers = 2) {
  LlamaConfig config;
  config.vocab_size = 96;
  config.hidden_size = 32;
  config.intermediate_size = 64;
  config.num_hidden_layers = layers;
  config.num_attention_heads = 4;
  config.num_key_value_heads = 2;
  config.head_dim = 8;
  config.max_position_embeddings = 128;
  return config;
}

void write_model(const fs::path& dir, const LlamaConfig& config) {
  LlamaForCausalLM model(config);
  initialize_weights(model, 7);
  save_llama(model, dir, torch::kFloat32);
}

TEST(ModelCatalogTest, ScanListsModelFoldersBaseFirstAndSkipsOtherFolders) {
  testing::TempDir tmp;
  const fs::path models = tmp / "models";
  write_model(models / "zeta", tiny_config(1));
  write_model(models / kBaseModelName, tiny_config(2));
  write_model(models / "alpha", tiny_config(3));
  fs::create_directories(models / "not-a-model");
  std::ofstream(models / "not-a-model" / "notes.txt") << "hello";

  ModelCatalog catalog(models);
  const auto entries = catalog.scan();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].name, kBaseModelName);
  EXPECT_EQ(entries[1].name, "alpha");
  EXPECT_EQ(entries[2].name, "zeta");
  for (const auto& e : entries) {
    EXPECT_TRUE(e.usable()) << e.config_error;
    EXPECT_FALSE(e.user_added);
  }
  EXPECT_EQ(entries[0].config->num_hidden_layers, 2);
  EXPECT_EQ(entries[1].parameter_count, tiny_config(3).parameter_count());
  // float32 weights: 4 bytes a parameter plus a small header.
  EXPECT_GE(entries[1].weights_bytes, static_cast<uint64_t>(4 * entries[1].parameter_count));
  EXPECT_LT(entries[1].weights_bytes, static_cast<uint64_t>(4 * entries[1].parameter_count + 64 * 1024));
  EXPECT_FALSE(entries[0].has_tokenizer);
}

TEST(ModelCatalogTest, MissingModelsFolderGivesOnlyAddedFolders) {
  testing::TempDir tmp;
  write_model(tmp / "elsewhere" / "mine", tiny_config());
  ModelCatalog catalog(tmp / "does-not-exist");
  EXPECT_TRUE(catalog.scan().empty());
  catalog.add_folder(tmp / "elsewhere" / "mine");
  catalog.add_folder(tmp / "elsewhere" / "mine" / "");  // same folder, not listed twice
  const auto entries = catalog.scan();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].name, "mine");
  EXPECT_TRUE(entries[0].user_added);
  EXPECT_TRUE(catalog.remove_folder(tmp / "elsewhere" / "mine"));
  EXPECT_FALSE(catalog.remove_folder(tmp / "elsewhere" / "mine"));
  EXPECT_TRUE(catalog.scan().empty());
  EXPECT_TRUE(fs::exists(tmp / "elsewhere" / "mine" / "config.json"));  // removal never touches disk
}

TEST(ModelCatalogTest, AddFolderRejectsNonModelFoldersWithTheReason) {
  testing::TempDir tmp;
  fs::create_directories(tmp / "empty");
  ModelCatalog catalog(tmp / "models");
  try {
    catalog.add_folder(tmp / "empty");
    FAIL() << "expected ModelError";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("config.json"), std::string::npos) << e.what();
  }
  EXPECT_THROW(catalog.add_folder(tmp / "nowhere"), ModelError);
  EXPECT_TRUE(catalog.added_folders().empty());
}

TEST(ModelCatalogTest, BrokenConfigIsListedWithItsError) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "models" / "broken";
  write_model(dir, tiny_config());
  std::ofstream(dir / "config.json", std::ios::trunc) << "{\"model_type\": \"llama\", \"hidden_size\": ";
  ModelCatalog catalog(tmp / "models");
  const auto entries = catalog.scan();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_FALSE(entries[0].usable());
  EXPECT_FALSE(entries[0].config_error.empty());
  EXPECT_EQ(entries[0].parameter_count, 0);
}

TEST(ModelCatalogTest, VanishedAddedFolderIsReported) {
  testing::TempDir tmp;
  write_model(tmp / "gone", tiny_config());
  ModelCatalog catalog(tmp / "models");
  catalog.add_folder(tmp / "gone");
  fs::remove_all(tmp / "gone");
  const auto entries = catalog.scan();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_FALSE(entries[0].usable());
  EXPECT_NE(entries[0].config_error.find("no longer exists"), std::string::npos);
}

TEST(ModelCatalogTest, DefaultModelsFolderFollowsEnvironment) {
  const char* old_models = std::getenv("MEDLORA_MODELS_DIR");
  const char* old_xdg = std::getenv("XDG_DATA_HOME");
  const std::string saved = old_models ? old_models : "", saved_xdg = old_xdg ? old_xdg : "";
  ::setenv("MEDLORA_MODELS_DIR", "/somewhere/models", 1);
  EXPECT_EQ(ModelCatalog::default_models_dir(), fs::path("/somewhere/models"));
  ::unsetenv("MEDLORA_MODELS_DIR");
  ::setenv("XDG_DATA_HOME", "/xdg", 1);
  EXPECT_EQ(ModelCatalog::default_models_dir(), fs::path("/xdg/MedLoRA/models"));
  if (old_models) ::setenv("MEDLORA_MODELS_DIR", saved.c_str(), 1);
  if (old_xdg) ::setenv("XDG_DATA_HOME", saved_xdg.c_str(), 1);
  else ::unsetenv("XDG_DATA_HOME");
}

TEST(ModelCatalogTest, DescribesTheTokenizer) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "models" / "with-tokenizer";
  write_model(dir, tiny_config());
  {
    std::ofstream corpus(tmp / "corpus.txt");
    for (int i = 0; i < 200; ++i)
      corpus << "the patient reports a mild headache and fever on day " << i << "\n"
             << "患者主诉头痛发热 " << i << " 天\n";
  }
  tokenizer::TokenizerTrainOptions options;
  options.input_files = {tmp / "corpus.txt"};
  options.output_dir = dir;
  options.vocab_size = 320;
  tokenizer::train_tokenizer(options);

  ModelCatalog catalog(tmp / "models");
  const auto entries = catalog.scan();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_TRUE(entries[0].has_tokenizer);
  const auto summary = ModelCatalog::describe_tokenizer(dir);
  EXPECT_EQ(summary.vocab_size, 320);
  EXPECT_EQ(summary.model_type, "bpe");
  EXPECT_EQ(summary.bos_id, 1);
  EXPECT_EQ(summary.eos_id, 2);
  EXPECT_THROW(ModelCatalog::describe_tokenizer(tmp / "models"), ModelError);
}

TEST(ModelCatalogTest, FormatsCountsAndSizes) {
  EXPECT_EQ(format_count(950), "950");
  EXPECT_EQ(format_count(12'345), "12.3 K");
  EXPECT_EQ(format_count(12'345'678), "12.3 M");
  EXPECT_EQ(format_count(1'100'000'000), "1.10 B");
  EXPECT_EQ(format_bytes(512), "512 B");
  EXPECT_EQ(format_bytes(3 * 1024 * 1024 + 512 * 1024), "3.5 MiB");
}

}  // namespace
}  // namespace medlora::model
