#include "core/lora/peft_adapter.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/io/checkpoint_reader.h"
#include "core/io/safetensors_writer.h"
#include "core/lora/lora_model.h"
#include "tests/core/lora/lora_test_models.h"
#include "tests/support/temp_dir.h"

namespace medlora::lora {
namespace {

using testing::randomize;
using testing::sample_ids;
using testing::tiny_model;
namespace fs = std::filesystem;

QJsonObject read_json(const fs::path& file) {
  QFile in(QString::fromStdString(file.string()));
  EXPECT_TRUE(in.open(QIODevice::ReadOnly));
  return QJsonDocument::fromJson(in.readAll()).object();
}

void write_json(const fs::path& file, const QJsonObject& json) {
  QFile out(QString::fromStdString(file.string()));
  ASSERT_TRUE(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
  out.write(QJsonDocument(json).toJson());
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const LoraError& e) {
    return e.what();
  }
  return "(no error)";
}

LoraConfig trained_config() {
  LoraConfig c;
  c.r = 4;
  c.alpha = 8;
  c.target_modules = {"q_proj", "v_proj", "down_proj"};
  c.modules_to_save = {"lm_head"};
  c.base_model_name_or_path = "tiny-base";
  return c;
}

TEST(PeftAdapter, RoundTripGivesTheSameLogits) {
  medlora::testing::TempDir tmp;
  auto m = tiny_model();
  const auto config = trained_config();
  inject_lora(*m, config);
  randomize(lora_trainable_parameters(*m), 5);
  const auto expected = m->forward(sample_ids());
  save_peft_adapter(*m, config, tmp / "adapter");

  auto fresh = tiny_model();
  auto loaded = load_peft_adapter(*fresh, tmp / "adapter", "default", "/models/tiny-base");
  EXPECT_EQ(loaded.r, 4);
  EXPECT_EQ(loaded.modules_to_save, config.modules_to_save);
  EXPECT_EQ(active_adapter(*fresh), "default");
  EXPECT_TRUE(torch::allclose(fresh->forward(sample_ids()), expected, 1e-6, 1e-7));
  EXPECT_FALSE(torch::allclose(tiny_model()->forward(sample_ids()), expected, 1e-3, 1e-3));
}

TEST(PeftAdapter, FilesHavePeftKeysShapesAndConfigFields) {
  medlora::testing::TempDir tmp;
  auto m = tiny_model();
  auto config = trained_config();
  config.layers_to_transform = {1};
  inject_lora(*m, config);
  save_peft_adapter(*m, config, tmp / "adapter");
  ASSERT_TRUE(fs::exists(tmp / "adapter" / "adapter_config.json"));

  auto reader = io::CheckpointReader::open_file(tmp / "adapter", "adapter_model.safetensors");
  const std::vector<std::string> expected{
      "base_model.model.lm_head.weight",
      "base_model.model.model.layers.1.mlp.down_proj.lora_A.weight",
      "base_model.model.model.layers.1.mlp.down_proj.lora_B.weight",
      "base_model.model.model.layers.1.self_attn.q_proj.lora_A.weight",
      "base_model.model.model.layers.1.self_attn.q_proj.lora_B.weight",
      "base_model.model.model.layers.1.self_attn.v_proj.lora_A.weight",
      "base_model.model.model.layers.1.self_attn.v_proj.lora_B.weight",
  };
  EXPECT_EQ(reader.names(), expected);
  EXPECT_EQ(reader.entry("base_model.model.model.layers.1.mlp.down_proj.lora_A.weight").shape, (std::vector<int64_t>{4, 48}));
  EXPECT_EQ(reader.entry("base_model.model.model.layers.1.mlp.down_proj.lora_B.weight").shape, (std::vector<int64_t>{32, 4}));
  EXPECT_EQ(reader.entry("base_model.model.model.layers.1.self_attn.v_proj.lora_B.weight").shape, (std::vector<int64_t>{16, 4}));
  EXPECT_EQ(reader.entry("base_model.model.lm_head.weight").shape, (std::vector<int64_t>{64, 32}));
  EXPECT_EQ(reader.load("base_model.model.lm_head.weight").scalar_type(), torch::kFloat);
  EXPECT_EQ(reader.metadata().at("format"), "pt");

  auto json = read_json(tmp / "adapter" / "adapter_config.json");
  EXPECT_EQ(json["peft_type"].toString(), "LORA");
  EXPECT_EQ(json["task_type"].toString(), "CAUSAL_LM");
  EXPECT_EQ(json["r"].toInt(), 4);
  EXPECT_EQ(json["lora_alpha"].toDouble(), 8.0);
  EXPECT_DOUBLE_EQ(json["lora_dropout"].toDouble(), 0.05);
  EXPECT_EQ(json["target_modules"].toArray(), (QJsonArray{"q_proj", "v_proj", "down_proj"}));
  EXPECT_EQ(json["modules_to_save"].toArray(), (QJsonArray{"lm_head"}));
  EXPECT_EQ(json["use_rslora"].toBool(true), false);
  EXPECT_EQ(json["bias"].toString(), "none");
  EXPECT_EQ(json["base_model_name_or_path"].toString(), "tiny-base");
  EXPECT_EQ(json["layers_to_transform"].toArray(), (QJsonArray{1}));
}

TEST(PeftAdapter, SaveRefusesAConfigThatDoesNotDescribeTheAdapter) {
  medlora::testing::TempDir tmp;
  auto m = tiny_model();
  inject_lora(*m, trained_config());
  auto other = trained_config();
  other.r = 8;
  EXPECT_NE(error_of([&] { save_peft_adapter(*m, other, tmp / "a"); }).find("r 8"), std::string::npos);
  EXPECT_FALSE(fs::exists(tmp / "a"));
}

TEST(PeftAdapter, WrongShapesAreRefusedBeforeTouchingTheModel) {
  medlora::testing::TempDir tmp;
  auto m = tiny_model();
  inject_lora(*m, trained_config());
  save_peft_adapter(*m, trained_config(), tmp / "adapter");

  // A base with another hidden size.
  auto cfg = testing::tiny_config();
  cfg.hidden_size = 48;
  cfg.head_dim = 12;
  auto wider = std::make_shared<model::LlamaForCausalLM>(cfg);
  model::initialize_weights(*wider, 1);
  const std::string message = error_of([&] { load_peft_adapter(*wider, tmp / "adapter"); });
  EXPECT_NE(message.find("different base model"), std::string::npos) << message;
  EXPECT_NE(message.find("hidden_size 48"), std::string::npos) << message;
  EXPECT_TRUE(adapter_names(*wider).empty()) << "nothing was injected";

  // A base with fewer layers.
  auto shallow_cfg = testing::tiny_config();
  shallow_cfg.num_hidden_layers = 1;
  auto shallow = std::make_shared<model::LlamaForCausalLM>(shallow_cfg);
  model::initialize_weights(*shallow, 1);
  EXPECT_NE(error_of([&] { load_peft_adapter(*shallow, tmp / "adapter"); }).find("model.layers.1"), std::string::npos);

  // A config whose rank disagrees with the tensors.
  auto json = read_json(tmp / "adapter" / "adapter_config.json");
  json["r"] = 8;
  write_json(tmp / "adapter" / "adapter_config.json", json);
  EXPECT_NE(error_of([&] { load_peft_adapter(*tiny_model(), tmp / "adapter"); }).find("needs [8, "), std::string::npos);
}

TEST(PeftAdapter, MissingFilesAndOtherBaseModelAreClearErrors) {
  medlora::testing::TempDir tmp;
  auto m = tiny_model();
  inject_lora(*m, trained_config());
  save_peft_adapter(*m, trained_config(), tmp / "adapter");

  const std::string other = error_of([&] { load_peft_adapter(*tiny_model(), tmp / "adapter", "default", "/models/llama-7b"); });
  EXPECT_NE(other.find("tiny-base"), std::string::npos) << other;
  EXPECT_NE(other.find("llama-7b"), std::string::npos) << other;
  EXPECT_NO_THROW(load_peft_adapter(*tiny_model(), tmp / "adapter", "default", "tiny-base"));

  EXPECT_NE(error_of([&] { load_peft_adapter(*tiny_model(), tmp / "nowhere"); }).find("no such adapter folder"), std::string::npos);
  fs::remove(tmp / "adapter" / "adapter_model.safetensors");
  EXPECT_NE(error_of([&] { load_peft_adapter(*tiny_model(), tmp / "adapter"); }).find("adapter_model.safetensors is missing"),
            std::string::npos);

  fs::create_directories(tmp / "junk");
  write_json(tmp / "junk" / "adapter_config.json", QJsonObject{{"peft_type", "PREFIX_TUNING"}});
  EXPECT_NE(error_of([&] { load_peft_adapter(*tiny_model(), tmp / "junk"); }).find("only LORA"), std::string::npos);
}

TEST(PeftAdapter, ReadsHalfPrecisionAndExtraTensorsAreRefused) {
  medlora::testing::TempDir tmp;
  auto m = tiny_model();
  LoraConfig c = trained_config();
  c.modules_to_save.clear();
  inject_lora(*m, c);
  randomize(lora_trainable_parameters(*m), 9);
  save_peft_adapter(*m, c, tmp / "adapter");
  // PEFT may save in the model's dtype: rewrite the tensors as bfloat16.
  auto reader = io::CheckpointReader::open_file(tmp / "adapter", "adapter_model.safetensors");
  std::vector<std::pair<std::string, at::Tensor>> half;
  for (auto& name : reader.names()) half.emplace_back(name, reader.load(name).to(torch::kBFloat16));
  io::write_safetensors(tmp / "adapter" / "adapter_model.safetensors", half);
  auto fresh = tiny_model();
  load_peft_adapter(*fresh, tmp / "adapter");
  EXPECT_TRUE(torch::allclose(fresh->forward(sample_ids()), m->forward(sample_ids()), 2e-2, 2e-2));

  half.emplace_back("base_model.model.model.layers.0.self_attn.q_proj.lora_embedding_A", torch::zeros({2}));
  io::write_safetensors(tmp / "adapter" / "adapter_model.safetensors", half);
  EXPECT_NE(error_of([&] { load_peft_adapter(*tiny_model(), tmp / "adapter"); }).find("lora_embedding_A"), std::string::npos);
}

TEST(PeftAdapter, TiedEmbeddingCopyRoundTrips) {
  medlora::testing::TempDir tmp;
  auto m = tiny_model(true);
  LoraConfig c = trained_config();
  c.modules_to_save = {"embed_tokens", "lm_head"};
  inject_lora(*m, c);
  randomize(lora_trainable_parameters(*m), 4);
  const auto expected = m->forward(sample_ids());
  save_peft_adapter(*m, c, tmp / "adapter");
  auto reader = io::CheckpointReader::open_file(tmp / "adapter", "adapter_model.safetensors");
  EXPECT_TRUE(reader.contains("base_model.model.model.embed_tokens.weight"));
  EXPECT_TRUE(reader.contains("base_model.model.lm_head.weight"));
  auto fresh = tiny_model(true);
  load_peft_adapter(*fresh, tmp / "adapter");
  EXPECT_TRUE(torch::allclose(fresh->forward(sample_ids()), expected, 1e-6, 1e-7));
}

}  // namespace
}  // namespace medlora::lora
