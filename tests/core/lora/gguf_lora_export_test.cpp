// export_gguf_lora read back with GgufFile: the adapter keys convert_lora_to_gguf.py writes, an
// alpha that gives llama.cpp PEFT's scaling (rsLoRA too), lora_a [r, in] / lora_b [out, r] with
// lora_b row-permuted for q/k on the llama architecture; and the refusals of both exports.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "core/gguf/gguf_reader.h"
#include "core/io/safetensors_file.h"
#include "core/lora/gguf_export.h"
#include "tests/core/lora/gguf_test_models.h"

namespace medlora::lora {
namespace {

namespace fs = std::filesystem;
using gguf::TensorType;
using gguf::Value;
using testing::family_dir;
using testing::is_llama_arch;

torch::Tensor as_tensor(const gguf::GgufFile& f, const std::string& name) {
  return torch::tensor(f.tensor_values(name), torch::kFloat).view(f.tensor(name).shape);
}

struct Projection {
  std::string hf;    // module path
  std::string gguf;  // tensor name without .lora_a / .lora_b
  std::optional<int64_t> permute_heads;
};

std::vector<Projection> qkvo_projections(const model::LlamaConfig& c) {
  std::vector<Projection> out;
  const bool llama = is_llama_arch(c.model_type);
  for (int64_t i = 0; i < c.num_hidden_layers; ++i) {
    const std::string hf = "model.layers." + std::to_string(i) + ".self_attn.", blk = "blk." + std::to_string(i) + ".";
    out.push_back({hf + "q_proj", blk + "attn_q.weight", llama ? std::optional(c.num_attention_heads) : std::nullopt});
    out.push_back({hf + "k_proj", blk + "attn_k.weight", llama ? std::optional(c.num_key_value_heads) : std::nullopt});
    out.push_back({hf + "v_proj", blk + "attn_v.weight", std::nullopt});
    out.push_back({hf + "o_proj", blk + "attn_output.weight", std::nullopt});
  }
  return out;
}

TEST(GgufLoraExport, AdapterKeysAndLoraTensorsPerFamily) {
  for (const auto& model_type : testing::gguf_families()) {
    SCOPED_TRACE(model_type);
    medlora::testing::TempDir tmp;
    const auto& base = family_dir(model_type);
    const auto peft = testing::write_family_adapter(base, tmp / "my-adapter", testing::qkvo_lora(4, 8));
    GgufExportOptions options;
    options.type = TensorType::F32;
    const auto report = export_gguf_lora(base, tmp / "my-adapter", tmp / "a.gguf", options);
    EXPECT_EQ(report.merged_layers, 8);
    const auto f = gguf::GgufFile::open(tmp / "a.gguf");

    const std::string arch = is_llama_arch(model_type) ? "llama" : model_type;
    const std::map<std::string, Value> expected = {
        {"general.architecture", Value::string(arch)}, {"general.type", Value::string("adapter")},
        {"general.name", Value::string("my-adapter")}, {"general.alignment", Value::u32(32)},
        {"general.file_type", Value::u32(0)},          {"general.quantization_version", Value::u32(2)},
        {"adapter.type", Value::string("lora")},       {"adapter.lora.alpha", Value::f32(8.0f)}};
    std::set<std::string> written, wanted;
    for (const auto& [key, value] : f.metadata()) written.insert(key);
    for (const auto& [key, value] : expected) {
      wanted.insert(key);
      if (f.has(key)) EXPECT_TRUE(f.value(key) == value) << key;
    }
    EXPECT_EQ(written, wanted);
    EXPECT_DOUBLE_EQ(f.value("adapter.lora.alpha").as_float() / peft.r, peft.scaling());

    const auto config = model::LlamaConfig::from_file(base / "config.json");
    const auto file = io::SafetensorsFile::open(tmp / "my-adapter" / "adapter_model.safetensors");
    std::set<std::string> tensors, wanted_tensors;
    for (const auto& t : f.tensors()) tensors.insert(t.name);
    for (const auto& p : qkvo_projections(config)) {
      wanted_tensors.insert({p.gguf + ".lora_a", p.gguf + ".lora_b"});
      const auto a = file->load(testing::peft_key(p.hf, "lora_A")).to(torch::kFloat);
      auto b = file->load(testing::peft_key(p.hf, "lora_B")).to(torch::kFloat);
      ASSERT_GT(b.abs().max().item<float>(), 0.0f);
      if (p.permute_heads) b = testing::llama_permuted_rows(b, *p.permute_heads);
      ASSERT_TRUE(f.has_tensor(p.gguf + ".lora_a") && f.has_tensor(p.gguf + ".lora_b")) << p.gguf;
      EXPECT_EQ(f.tensor(p.gguf + ".lora_a").shape, (std::vector<int64_t>{4, a.size(1)})) << p.gguf;
      EXPECT_EQ(f.tensor(p.gguf + ".lora_b").shape, (std::vector<int64_t>{b.size(0), 4})) << p.gguf;
      EXPECT_EQ(f.tensor(p.gguf + ".lora_a").type, TensorType::F32);
      EXPECT_TRUE(torch::equal(as_tensor(f, p.gguf + ".lora_a"), a)) << p.gguf;
      EXPECT_TRUE(torch::equal(as_tensor(f, p.gguf + ".lora_b"), b)) << p.gguf;
    }
    EXPECT_EQ(tensors, wanted_tensors);
  }
}

// llama.cpp applies W + alpha / r * lora_b @ lora_a: with rsLoRA's alpha that is the merged
// GGUF's weight, q/k permuted included.
TEST(GgufLoraExport, RsLoraAlphaGivesTheMergedWeights) {
  medlora::testing::TempDir tmp;
  const auto& base = family_dir("llama");
  const auto peft = testing::write_family_adapter(base, tmp / "rs", testing::qkvo_lora(4, 8, /*rslora=*/true));
  ASSERT_DOUBLE_EQ(peft.scaling(), 4.0);  // 8 / sqrt(4)
  GgufExportOptions options;
  options.type = TensorType::F32;
  export_gguf_lora(base, tmp / "rs", tmp / "a.gguf", options);
  export_gguf_model(base, std::nullopt, tmp / "base.gguf", options);
  export_gguf_model(base, tmp / "rs", tmp / "merged.gguf", options);
  const auto adapter = gguf::GgufFile::open(tmp / "a.gguf");
  const auto plain = gguf::GgufFile::open(tmp / "base.gguf");
  const auto merged = gguf::GgufFile::open(tmp / "merged.gguf");
  const double alpha = adapter.value("adapter.lora.alpha").as_float();
  EXPECT_FLOAT_EQ(static_cast<float>(alpha), 16.0f);
  const auto r = adapter.tensor("blk.0.attn_q.weight.lora_a").shape[0];
  for (const auto& p : qkvo_projections(model::LlamaConfig::from_file(base / "config.json"))) {
    const auto applied = as_tensor(plain, p.gguf) + static_cast<float>(alpha / static_cast<double>(r)) *
                                                        as_tensor(adapter, p.gguf + ".lora_b").mm(as_tensor(adapter, p.gguf + ".lora_a"));
    EXPECT_TRUE(torch::allclose(applied, as_tensor(merged, p.gguf), 0.0, 1e-6)) << p.gguf;
  }
}

TEST(GgufLoraExport, ModulesToSaveAreRefused) {
  medlora::testing::TempDir tmp;
  auto config = testing::qkvo_lora();
  config.modules_to_save = {"lm_head"};
  testing::write_family_adapter(family_dir("llama"), tmp / "saved", config);
  EXPECT_THROW(export_gguf_lora(family_dir("llama"), tmp / "saved", tmp / "a.gguf"), LoraError);
  EXPECT_FALSE(fs::exists(tmp / "a.gguf"));
}

template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const LoraError& e) {
    return e.what();
  }
  return "(no LoraError)";
}

TEST(GgufExport, BadPathsAreRefusedWithAMessage) {
  medlora::testing::TempDir tmp;
  const auto& base = family_dir("qwen3");
  testing::write_family_adapter(base, tmp / "adapter", testing::qkvo_lora());
  fs::create_directories(tmp / "not-a-model");
  auto contains = [](const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; };

  EXPECT_TRUE(contains(error_of([&] { export_gguf_model(base, std::nullopt, tmp.path()); }), "not a folder"));
  EXPECT_TRUE(contains(error_of([&] { export_gguf_lora(base, tmp / "adapter", tmp / "adapter"); }), "not a folder"));
  EXPECT_TRUE(contains(error_of([&] { export_gguf_model(base, std::nullopt, tmp / "missing" / "m.gguf"); }), "does not exist"));
  EXPECT_TRUE(contains(error_of([&] { export_gguf_model(tmp / "not-a-model", std::nullopt, tmp / "m.gguf"); }), "not an HF model folder"));
  EXPECT_TRUE(contains(error_of([&] { export_gguf_lora(tmp / "nowhere", tmp / "adapter", tmp / "m.gguf"); }), "not an HF model folder"));
  EXPECT_FALSE(fs::exists(tmp / "m.gguf"));
}

TEST(GgufExport, ParsesTheFourTypeNamesOnly) {
  EXPECT_EQ(parse_gguf_type("f32"), TensorType::F32);
  EXPECT_EQ(parse_gguf_type("f16"), TensorType::F16);
  EXPECT_EQ(parse_gguf_type("bf16"), TensorType::BF16);
  EXPECT_EQ(parse_gguf_type("q8_0"), TensorType::Q8_0);
  for (const char* bad : {"q4_0", "F16", "fp16", ""}) {
    const auto message = error_of([&] { parse_gguf_type(bad); });
    EXPECT_NE(message.find("f32, f16, bf16, q8_0"), std::string::npos) << bad << ": " << message;
  }
}

}  // namespace
}  // namespace medlora::lora
