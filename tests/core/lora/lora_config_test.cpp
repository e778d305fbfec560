#include "core/lora/lora_config.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <cmath>

namespace medlora::lora {
namespace {

TEST(LoraConfig, ScalingIsAlphaOverROrOverSqrtR) {
  LoraConfig c;
  c.r = 16;
  c.alpha = 32;
  EXPECT_DOUBLE_EQ(c.scaling(), 2.0);
  c.use_rslora = true;
  EXPECT_DOUBLE_EQ(c.scaling(), 8.0);
}

TEST(LoraConfig, PresetsAndSuggestedRank) {
  auto qa = preset("clinic-qa");
  EXPECT_EQ(qa.r, 16);
  EXPECT_EQ(qa.alpha, 32);
  EXPECT_DOUBLE_EQ(qa.dropout, 0.05);
  EXPECT_EQ(qa.target_modules, (std::vector<std::string>{"q_proj", "k_proj", "v_proj", "o_proj"}));
  auto record = preset("medical-record");
  EXPECT_EQ(record.r, 64);
  EXPECT_EQ(record.alpha, 128);
  EXPECT_THROW(preset("nope"), LoraError);
  EXPECT_NE(describe(qa).find("r 16"), std::string::npos);
  EXPECT_EQ(suggested_rank(4096), 32);
  EXPECT_EQ(suggested_rank(1024), 16);
  EXPECT_EQ(suggested_rank(512), 16);   // sqrt(512)/2 = 11.3 -> nearest power of two in log space
  EXPECT_EQ(suggested_rank(8192), 64);  // 45.3
  EXPECT_EQ(suggested_rank(16), 4);     // floor of 4
}

TEST(LoraConfig, ValidateNamesTheBadField) {
  LoraConfig c;
  c.r = 0;
  try {
    c.validate();
    FAIL();
  } catch (const LoraError& e) {
    EXPECT_NE(std::string(e.what()).find("\"r\""), std::string::npos) << e.what();
  }
  c = LoraConfig{};
  c.target_modules = {"q_proj", "qkv"};
  EXPECT_THROW(c.validate(), LoraError);
  c.target_modules = {"all-linear", "q_proj"};
  EXPECT_THROW(c.validate(), LoraError);
  c = LoraConfig{};
  c.modules_to_save = {"norm"};
  EXPECT_THROW(c.validate(), LoraError);
  c = LoraConfig{};
  c.dropout = 1.0;
  EXPECT_THROW(c.validate(), LoraError);
}

TEST(LoraConfig, TargetSelection) {
  LoraConfig c;
  c.target_modules = {"all-linear"};
  EXPECT_EQ(c.resolved_targets().size(), 7u);
  EXPECT_TRUE(c.targets("down_proj", 3));
  EXPECT_FALSE(c.targets("lm_head", -1));
  c.target_modules = {"v_proj", "q_proj"};
  EXPECT_EQ(c.resolved_targets(), (std::vector<std::string>{"q_proj", "v_proj"}));
  c.layers_to_transform = {1};
  EXPECT_TRUE(c.targets("q_proj", 1));
  EXPECT_FALSE(c.targets("q_proj", 0));
}

TEST(LoraConfig, PeftJsonHasPeftFieldsAndRoundTrips) {
  LoraConfig c;
  c.r = 8;
  c.alpha = 16;
  c.dropout = 0.1;
  c.target_modules = {"all-linear"};
  c.modules_to_save = {"lm_head"};
  c.use_rslora = true;
  c.layers_to_transform = {0, 2};
  c.base_model_name_or_path = "tiny-llama";
  auto json = c.to_peft_json();
  EXPECT_EQ(json["peft_type"].toString(), "LORA");
  EXPECT_EQ(json["task_type"].toString(), "CAUSAL_LM");
  EXPECT_EQ(json["bias"].toString(), "none");
  EXPECT_EQ(json["r"].toInt(), 8);
  EXPECT_EQ(json["lora_alpha"].toDouble(), 16);
  EXPECT_EQ(json["target_modules"].toArray().size(), 7) << "all-linear is stored expanded, as PEFT does";
  EXPECT_EQ(json["modules_to_save"].toArray().first().toString(), "lm_head");
  EXPECT_TRUE(json["use_rslora"].toBool());
  EXPECT_EQ(json["base_model_name_or_path"].toString(), "tiny-llama");
  auto back = LoraConfig::from_peft_json(json, "adapter_config.json");
  EXPECT_EQ(back.r, 8);
  EXPECT_EQ(back.alpha, 16);
  EXPECT_DOUBLE_EQ(back.dropout, 0.1);
  EXPECT_EQ(back.resolved_targets(), c.resolved_targets());
  EXPECT_EQ(back.modules_to_save, c.modules_to_save);
  EXPECT_TRUE(back.use_rslora);
  EXPECT_EQ(back.layers_to_transform, c.layers_to_transform);
  EXPECT_EQ(back.base_model_name_or_path, "tiny-llama");
  LoraConfig plain;
  EXPECT_TRUE(plain.to_peft_json()["modules_to_save"].isNull());
}

TEST(LoraConfig, FromPeftJsonRefusesWhatItCannotHonour) {
  auto good = LoraConfig{}.to_peft_json();
  auto with = [&](const char* key, QJsonValue value) {
    auto json = good;
    json[key] = value;
    return json;
  };
  EXPECT_THROW(LoraConfig::from_peft_json(with("peft_type", "IA3"), "x.json"), LoraError);
  EXPECT_THROW(LoraConfig::from_peft_json(with("bias", "all"), "x.json"), LoraError);
  EXPECT_THROW(LoraConfig::from_peft_json(with("use_dora", true), "x.json"), LoraError);
  EXPECT_THROW(LoraConfig::from_peft_json(with("target_modules", ".*proj"), "x.json"), LoraError);
  EXPECT_THROW(LoraConfig::from_peft_json(with("r", 2.5), "x.json"), LoraError);
  try {
    LoraConfig::from_peft_json(with("r", -1), "dir/adapter_config.json");
    FAIL();
  } catch (const LoraError& e) {
    EXPECT_NE(std::string(e.what()).find("dir/adapter_config.json"), std::string::npos) << e.what();
  }
  auto single = LoraConfig::from_peft_json(with("target_modules", "all-linear"), "x.json");
  EXPECT_EQ(single.resolved_targets().size(), 7u);
}

}  // namespace
}  // namespace medlora::lora
