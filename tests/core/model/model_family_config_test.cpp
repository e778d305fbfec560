// config.json of each model type as HF writes it (keys of real Qwen2.5 / Qwen3 / Llama 3.1 /
// Mistral configs), what the decoder derives from it (biases, q/k norms, attention windows,
// head_dim), to_json round trips, and the errors for what is not supported.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <QJsonArray>
#include <QJsonDocument>

#include "core/model/llama_config.h"
#include "core/model/llama_model.h"
#include "tests/core/model/tiny_families.h"

namespace medlora::model {
namespace {

QJsonObject parse(const char* text) { return QJsonDocument::fromJson(QByteArray(text)).object(); }

std::string error_of(const QJsonObject& json) {
  try {
    LlamaConfig::from_json(json, "config.json");
  } catch (const ModelError& e) {
    return e.what();
  }
  return "";
}

// The keys of Qwen2.5-0.5B-Instruct's config.json.
const char* const kQwen25Small = R"({
  "architectures": ["Qwen2ForCausalLM"], "attention_dropout": 0.0, "bos_token_id": 151643,
  "eos_token_id": 151645, "hidden_act": "silu", "hidden_size": 896, "initializer_range": 0.02,
  "intermediate_size": 4864, "max_position_embeddings": 32768, "max_window_layers": 21,
  "model_type": "qwen2", "num_attention_heads": 14, "num_hidden_layers": 24, "num_key_value_heads": 2,
  "rms_norm_eps": 1e-06, "rope_theta": 1000000.0, "sliding_window": 131072, "tie_word_embeddings": true,
  "torch_dtype": "bfloat16", "use_cache": true, "use_sliding_window": false, "vocab_size": 151936})";

// The keys of Qwen3-0.6B's config.json.
const char* const kQwen3Small = R"({
  "architectures": ["Qwen3ForCausalLM"], "attention_bias": false, "attention_dropout": 0.0,
  "bos_token_id": 151643, "eos_token_id": 151645, "head_dim": 128, "hidden_act": "silu",
  "hidden_size": 1024, "intermediate_size": 3072, "max_position_embeddings": 40960, "max_window_layers": 28,
  "model_type": "qwen3", "num_attention_heads": 16, "num_hidden_layers": 28, "num_key_value_heads": 8,
  "rms_norm_eps": 1e-06, "rope_scaling": null, "rope_theta": 1000000, "sliding_window": null,
  "tie_word_embeddings": true, "torch_dtype": "bfloat16", "use_sliding_window": false, "vocab_size": 151936})";

// Llama-3.2-1B's rope_scaling (with the older "type" spelling HF also accepts).
const char* const kLlama32 = R"({
  "architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 2048, "intermediate_size": 8192,
  "num_attention_heads": 32, "num_hidden_layers": 16, "num_key_value_heads": 8, "head_dim": 64,
  "rope_theta": 500000.0, "tie_word_embeddings": true, "vocab_size": 128256, "eos_token_id": [128001, 128008, 128009],
  "rope_scaling": {"type": "llama3", "factor": 32.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                   "original_max_position_embeddings": 8192}})";

TEST(ModelFamilyConfig, Qwen25KeepsTiedEmbeddingsQkvBiasesAndFullAttention) {
  const auto c = LlamaConfig::from_json(parse(kQwen25Small));
  EXPECT_EQ(c.model_type, "qwen2");
  EXPECT_TRUE(c.tie_word_embeddings);
  EXPECT_TRUE(c.qkv_bias());
  EXPECT_FALSE(c.o_proj_bias());
  EXPECT_FALSE(c.mlp_has_bias());
  EXPECT_FALSE(c.qk_norm());
  EXPECT_EQ(c.head_dim, 64);  // 896 / 14
  EXPECT_DOUBLE_EQ(c.rope_theta, 1e6);
  EXPECT_EQ(c.sliding_window, 131072);
  for (int64_t layer = 0; layer < c.num_hidden_layers; ++layer)
    EXPECT_FALSE(c.attention_window(layer)) << "use_sliding_window is false";
  // 0.49 B parameters (tied): the published size of Qwen2.5-0.5B.
  EXPECT_NEAR(static_cast<double>(c.parameter_count()), 494032768.0, 1.0);
}

TEST(ModelFamilyConfig, Qwen3HasQkNormsAndItsOwnHeadDim) {
  const auto c = LlamaConfig::from_json(parse(kQwen3Small));
  EXPECT_EQ(c.model_type, "qwen3");
  EXPECT_EQ(c.head_dim, 128);  // not 1024 / 16
  EXPECT_TRUE(c.qk_norm());
  EXPECT_FALSE(c.qkv_bias());
  EXPECT_FALSE(c.sliding_window);
  auto json = parse(kQwen3Small);
  json.remove("head_dim");
  EXPECT_EQ(LlamaConfig::from_json(json).head_dim, 128) << "Qwen3Config's default head_dim";
  json["attention_bias"] = true;
  const auto biased = LlamaConfig::from_json(json);
  EXPECT_TRUE(biased.qkv_bias());
  EXPECT_TRUE(biased.o_proj_bias());
}

TEST(ModelFamilyConfig, Qwen3ModuleNamesMatchHf) {
  LlamaForCausalLM m(testing::tiny_qwen3_config());
  std::vector<std::string> names;
  for (auto& [name, t] : m.base_state_dict()) names.push_back(name);
  auto has = [&](const std::string& n) { return std::find(names.begin(), names.end(), n) != names.end(); };
  EXPECT_TRUE(has("model.layers.0.self_attn.q_norm.weight"));
  EXPECT_TRUE(has("model.layers.0.self_attn.k_norm.weight"));
  int64_t total = 0;
  for (auto& [name, t] : m.base_state_dict()) total += t.numel();
  EXPECT_EQ(total, m.config().parameter_count());
  LlamaForCausalLM qwen2(testing::tiny_qwen2_config(false));
  total = 0;
  for (auto& [name, t] : qwen2.base_state_dict()) total += t.numel();
  EXPECT_EQ(total, qwen2.config().parameter_count());
}

TEST(ModelFamilyConfig, QwenSlidingWindowCoversTheLayersFromMaxWindowLayersOn) {
  auto json = parse(kQwen25Small);
  json["use_sliding_window"] = true;
  json["sliding_window"] = 4096;
  const auto c = LlamaConfig::from_json(json);
  EXPECT_FALSE(c.attention_window(20));
  EXPECT_EQ(c.attention_window(21), 4096);
  EXPECT_EQ(c.attention_window(23), 4096);

  // layer_types, when given, decide.
  QJsonArray types;
  for (int i = 0; i < 24; ++i) types.append(i % 2 ? "sliding_attention" : "full_attention");
  json["layer_types"] = types;
  const auto listed = LlamaConfig::from_json(json);
  EXPECT_FALSE(listed.attention_window(0));
  EXPECT_EQ(listed.attention_window(1), 4096);
  EXPECT_EQ(LlamaConfig::from_json(listed.to_json()).attention_window(3), 4096);
  types.removeLast();
  json["layer_types"] = types;
  EXPECT_NE(error_of(json).find("layer_types"), std::string::npos);
}

TEST(ModelFamilyConfig, MistralWindowAppliesToEveryLayerUnlessNull) {
  QJsonObject json{{"model_type", "mistral"}, {"hidden_size", 64}, {"num_attention_heads", 8},
                   {"num_hidden_layers", 2}, {"intermediate_size", 128}, {"vocab_size", 100}};
  EXPECT_EQ(LlamaConfig::from_json(json).attention_window(0), 4096) << "MistralConfig's default";
  EXPECT_EQ(LlamaConfig::from_json(json).num_key_value_heads, 8) << "MistralConfig's default";
  json["num_key_value_heads"] = 2;
  json["sliding_window"] = 16;
  EXPECT_EQ(LlamaConfig::from_json(json).attention_window(1), 16);
  json["sliding_window"] = QJsonValue::Null;
  EXPECT_FALSE(LlamaConfig::from_json(json).attention_window(1));
  json["sliding_window"] = 0;
  EXPECT_NE(error_of(json).find("sliding_window"), std::string::npos);
  json["model_type"] = "llama";
  json["sliding_window"] = 16;
  EXPECT_FALSE(LlamaConfig::from_json(json).attention_window(1)) << "llama has no sliding window";
}

TEST(ModelFamilyConfig, Llama3RopeScalingReadsTypeOrRopeType) {
  auto c = LlamaConfig::from_json(parse(kLlama32));
  EXPECT_EQ(c.rope_scaling.type, "llama3");
  EXPECT_DOUBLE_EQ(c.rope_scaling.factor, 32.0);
  EXPECT_EQ(c.rope_scaling.original_max_position_embeddings, 8192);
  EXPECT_EQ(c.eos_token_ids, (std::vector<int64_t>{128001, 128008, 128009}));
  const auto again = LlamaConfig::from_json(c.to_json());
  EXPECT_EQ(again.rope_scaling.type, "llama3");
  EXPECT_DOUBLE_EQ(again.rope_scaling.high_freq_factor, 4.0);
  EXPECT_EQ(c.to_json()["rope_scaling"].toObject()["rope_type"].toString(), "llama3");

  auto json = parse(kLlama32);
  auto scaling = json["rope_scaling"].toObject();
  scaling.remove("low_freq_factor");
  json["rope_scaling"] = scaling;
  EXPECT_NE(error_of(json).find("low_freq_factor"), std::string::npos) << error_of(json);

  json["rope_scaling"] = QJsonObject{{"rope_type", "linear"}, {"factor", 2.0}};
  c = LlamaConfig::from_json(json);
  EXPECT_EQ(c.rope_scaling.type, "linear");
  EXPECT_DOUBLE_EQ(c.rope_scaling.factor, 2.0);
  EXPECT_FALSE(c.to_json()["rope_scaling"].toObject().contains("low_freq_factor"));
}

TEST(ModelFamilyConfig, UnknownRopeTypesAreRefusedByName) {
  auto json = parse(kQwen25Small);
  for (const char* type : {"yarn", "dynamic", "longrope", "su"}) {
    json["rope_scaling"] = QJsonObject{{"type", type}, {"factor", 4.0}, {"original_max_position_embeddings", 32768}};
    const auto message = error_of(json);
    EXPECT_NE(message.find(std::string("\"") + type + "\""), std::string::npos) << message;
    EXPECT_NE(message.find("llama3"), std::string::npos) << "lists the supported ones: " << message;
    EXPECT_NE(message.find("config.json"), std::string::npos) << "names the file: " << message;
  }
  auto config = testing::tiny_config();
  config.rope_scaling.type = "yarn";
  EXPECT_THROW(config.validate(), ModelError);
  EXPECT_THROW(RotaryEmbedding{config}, ModelError);
}

TEST(ModelFamilyConfig, UnknownArchitecturesListTheSupportedOnes) {
  for (const char* text : {R"({"model_type": "gemma2"})", R"({"architectures": ["PhiForCausalLM"]})", "{}"}) {
    const auto message = error_of(parse(text));
    for (const char* type : {"llama", "mistral", "qwen2", "qwen3"})
      EXPECT_NE(message.find(type), std::string::npos) << message;
  }
  EXPECT_EQ(LlamaConfig::from_json(parse(R"({"architectures": ["Qwen3ForCausalLM"], "hidden_size": 64,
      "num_attention_heads": 4, "num_key_value_heads": 4, "num_hidden_layers": 1, "intermediate_size": 8, "vocab_size": 10,
      "head_dim": 16})"))
                .model_type,
            "qwen3");
}

TEST(ModelFamilyConfig, ToJsonWritesTheArchitectureAndKeysOfEachType) {
  struct Expect {
    LlamaConfig config;
    const char* architecture;
  };
  auto qwen2 = testing::tiny_qwen2_config();
  qwen2.use_sliding_window = true;
  qwen2.max_window_layers = 1;
  const Expect cases[] = {{testing::tiny_llama3_config(), "LlamaForCausalLM"},
                          {testing::tiny_mistral_config(), "MistralForCausalLM"},
                          {qwen2, "Qwen2ForCausalLM"},
                          {testing::tiny_qwen3_config(true, true), "Qwen3ForCausalLM"}};
  for (const auto& [config, architecture] : cases) {
    const auto json = config.to_json();
    EXPECT_EQ(json["architectures"].toArray().at(0).toString().toStdString(), architecture);
    EXPECT_EQ(json["model_type"].toString().toStdString(), config.model_type);
    const auto back = LlamaConfig::from_json(json, architecture);
    EXPECT_EQ(back.model_type, config.model_type);
    EXPECT_EQ(back.head_dim, config.head_dim);
    EXPECT_EQ(back.num_key_value_heads, config.num_key_value_heads);
    EXPECT_EQ(back.tie_word_embeddings, config.tie_word_embeddings);
    EXPECT_EQ(back.qkv_bias(), config.qkv_bias());
    EXPECT_EQ(back.o_proj_bias(), config.o_proj_bias());
    EXPECT_EQ(back.qk_norm(), config.qk_norm());
    EXPECT_EQ(back.rope_scaling.type, config.rope_scaling.type);
    EXPECT_DOUBLE_EQ(back.rope_theta, config.rope_theta);
    EXPECT_EQ(back.eos_token_ids, config.eos_token_ids);
    for (int64_t layer = 0; layer < config.num_hidden_layers; ++layer)
      EXPECT_EQ(back.attention_window(layer), config.attention_window(layer)) << architecture << " layer " << layer;
  }
  EXPECT_EQ(cases[2].config.attention_window(1), 32);
  EXPECT_FALSE(cases[2].config.attention_window(0));
  EXPECT_EQ(cases[1].config.to_json()["sliding_window"].toInt(), 4);
}

}  // namespace
}  // namespace medlora::model
