// config.json parsing: HF defaults, refusals with useful messages, round trip.
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <fstream>

#include "core/model/llama_config.h"
#include "tests/support/temp_dir.h"

namespace medlora::model {
namespace {

QJsonObject parse(const char* text) { return QJsonDocument::fromJson(text).object(); }

std::string error_of(const char* json) {
  try {
    LlamaConfig::from_json(parse(json), "dir/config.json");
  } catch (const ModelError& e) {
    return e.what();
  }
  return "";
}

TEST(LlamaConfig, AbsentKeysTakeHfDefaults) {
  auto c = LlamaConfig::from_json(parse(R"({"model_type": "llama", "hidden_size": 256, "num_attention_heads": 8})"));
  EXPECT_EQ(c.vocab_size, 32000);
  EXPECT_EQ(c.num_key_value_heads, 8);  // defaults to the attention heads
  EXPECT_EQ(c.head_dim, 32);            // hidden / heads
  EXPECT_EQ(c.intermediate_size, 11008);
  EXPECT_FALSE(c.tie_word_embeddings);
  EXPECT_EQ(c.rope_scaling.type, "default");
  EXPECT_DOUBLE_EQ(c.rope_theta, 10000.0);
  EXPECT_EQ(c.bos_token_id, 1);
  EXPECT_EQ(c.eos_token_ids, std::vector<int64_t>{2});
  EXPECT_FALSE(c.pad_token_id.has_value());
}

TEST(LlamaConfig, ArchitecturesAloneIdentifiesLlama) {
  auto c = LlamaConfig::from_json(parse(R"({"architectures": ["LlamaForCausalLM"], "eos_token_id": [2, 7]})"));
  EXPECT_EQ(c.model_type, "llama");
  EXPECT_EQ(c.eos_token_ids, (std::vector<int64_t>{2, 7}));
}

TEST(LlamaConfig, RefusesUnknownArchitecturesAndBadValues) {
  EXPECT_NE(error_of(R"({"model_type": "gpt2"})").find("\"gpt2\" is not supported"), std::string::npos);
  EXPECT_NE(error_of(R"({})").find("not supported"), std::string::npos);
  const auto heads = error_of(R"({"model_type": "llama", "num_attention_heads": 6, "num_key_value_heads": 4})");
  EXPECT_NE(heads.find("multiple of num_key_value_heads"), std::string::npos) << heads;
  const auto type = error_of(R"({"model_type": "llama", "hidden_size": "4096"})");
  EXPECT_NE(type.find("\"hidden_size\" must be a number"), std::string::npos) << type;
  EXPECT_NE(type.find("dir/config.json"), std::string::npos) << type;
  EXPECT_NE(error_of(R"({"model_type": "llama", "num_hidden_layers": 2.5})").find("integer"), std::string::npos);
  EXPECT_NE(error_of(R"({"model_type": "llama", "tie_word_embeddings": "yes"})").find("true or false"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"model_type": "llama", "vocab_size": 0})").find("positive"), std::string::npos);
  EXPECT_NE(error_of(R"({"model_type": "llama", "hidden_act": "gelu"})").find("gelu"), std::string::npos);
  EXPECT_NE(error_of(R"({"model_type": "llama", "rope_scaling": {"rope_type": "yarn", "factor": 2}})").find("yarn"),
            std::string::npos);
}

TEST(LlamaConfig, ReadsLlama3RopeScaling) {
  auto c = LlamaConfig::from_json(parse(R"({"model_type": "llama", "rope_theta": 500000.0,
    "rope_scaling": {"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                     "original_max_position_embeddings": 8192}})"));
  EXPECT_EQ(c.rope_scaling.type, "llama3");
  EXPECT_DOUBLE_EQ(c.rope_scaling.factor, 8.0);
  EXPECT_DOUBLE_EQ(c.rope_theta, 500000.0);
}

TEST(LlamaConfig, JsonRoundTripKeepsEverything) {
  LlamaConfig c;
  c.vocab_size = 100;
  c.hidden_size = 64;
  c.num_attention_heads = 4;
  c.num_key_value_heads = 2;
  c.head_dim = 16;
  c.tie_word_embeddings = true;
  c.eos_token_ids = {2, 9};
  c.pad_token_id = 0;
  c.rope_scaling.type = "llama3";
  c.rope_scaling.factor = 4;
  auto back = LlamaConfig::from_json(c.to_json());
  EXPECT_EQ(back.to_json(), c.to_json());
  EXPECT_EQ(back.eos_token_ids, c.eos_token_ids);
  EXPECT_EQ(back.pad_token_id, c.pad_token_id);
}

TEST(LlamaConfig, FileErrorsNameTheFile) {
  testing::TempDir dir;
  try {
    LlamaConfig::from_file(dir / "config.json");
    FAIL() << "missing file accepted";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("config.json"), std::string::npos);
  }
  std::ofstream(dir / "bad.json") << "{ not json";
  EXPECT_THROW(LlamaConfig::from_file(dir / "bad.json"), ModelError);
}

}  // namespace
}  // namespace medlora::model
