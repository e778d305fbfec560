// export_gguf_model read back with the strict GgufFile, per family and file type: every
// metadata key convert_hf_to_gguf.py writes (and no other), every tensor's name, shape, stored
// type and values against the HF folder, llama.cpp's q/k permutation on the llama architecture;
// merged adapters (W + scaling B A) and the identity-merge refusal.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/gguf/gguf_reader.h"
#include "core/io/safetensors_file.h"
#include "core/lora/gguf_export.h"
#include "tests/core/lora/gguf_expectations.h"
#include "tests/core/lora/gguf_test_models.h"

namespace medlora::lora {
namespace {

namespace fs = std::filesystem;
using namespace medlora::lora::testing;

class GgufExportFamily : public ::testing::TestWithParam<std::tuple<std::string, TensorType>> {};

TEST_P(GgufExportFamily, MetadataAndTensorsMatchTheHfFolder) {
  const auto& [model_type, type] = GetParam();
  const auto& dir = family_dir(model_type);
  medlora::testing::TempDir tmp;
  const auto out = tmp / "model.gguf";
  GgufExportOptions options;
  options.type = type;
  int64_t last_done = 0, total = 0;
  options.progress = [&](int64_t done, int64_t of) { last_done = done, total = of; };
  const auto report = export_gguf_model(dir, std::nullopt, out, options);
  const auto f = gguf::GgufFile::open(out);
  EXPECT_EQ(report.architecture, arch_of(model_type));
  EXPECT_EQ(report.tokenizer_model, is_llama_arch(model_type) ? "llama" : "gpt2");
  EXPECT_EQ(report.type, gguf::tensor_type_name(type));
  EXPECT_EQ(report.tensors, static_cast<int64_t>(f.tensors().size()));
  EXPECT_EQ(report.bytes, fs::file_size(out));
  EXPECT_EQ(report.merged_layers, 0);
  EXPECT_EQ(report.warnings.size(), model_type == "mistral" ? 1u : 0u);  // llama.cpp has no sliding window for llama
  EXPECT_EQ(last_done, total);
  EXPECT_EQ(total, report.tensors);
  expect_metadata(f, expected_metadata(dir, model_type, type));
  expect_tensors(f, dir, type);
}

INSTANTIATE_TEST_SUITE_P(AllFamiliesAndTypes, GgufExportFamily,
                         ::testing::Combine(::testing::ValuesIn(gguf_families()),
                                            ::testing::Values(TensorType::F32, TensorType::F16, TensorType::BF16, TensorType::Q8_0)),
                         [](const auto& info) {
                           return std::get<0>(info.param) + "_" + gguf::tensor_type_name(std::get<1>(info.param));
                         });

TEST(GgufExport, Q8_0FallsBackToF16OnlyWhereRowsAreNot32Wide) {
  medlora::testing::TempDir tmp;
  GgufExportOptions options;
  options.type = TensorType::Q8_0;
  export_gguf_model(family_dir("qwen3"), std::nullopt, tmp / "m.gguf", options);
  const auto f = gguf::GgufFile::open(tmp / "m.gguf");
  EXPECT_EQ(f.tensor("blk.0.attn_q.weight").type, TensorType::Q8_0);
  EXPECT_EQ(f.tensor("token_embd.weight").type, TensorType::Q8_0);
  EXPECT_EQ(f.tensor("blk.0.ffn_down.weight").type, TensorType::F16);  // rows of intermediate_size 48
  EXPECT_EQ(f.tensor("blk.0.attn_q_norm.weight").type, TensorType::F32);
  EXPECT_EQ(f.tensor("blk.1.attn_q_norm.weight").shape, std::vector<int64_t>{16});
}

// W + scaling * B @ A for every module the adapter folder holds, from its safetensors.
Adjust merged_with(const fs::path& adapter_dir, double scaling) {
  auto file = io::SafetensorsFile::open(adapter_dir / "adapter_model.safetensors");
  return [file, scaling](const std::string& hf, torch::Tensor w) {
    const std::string module = hf.substr(0, hf.size() - std::string(".weight").size());
    if (!hf.ends_with(".weight") || !file->contains(peft_key(module, "lora_A"))) return w;
    const auto a = file->load(peft_key(module, "lora_A")).to(torch::kFloat);
    const auto b = file->load(peft_key(module, "lora_B")).to(torch::kFloat);
    EXPECT_GT(b.abs().max().item<float>(), 0.0f) << module;
    return w + static_cast<float>(scaling) * b.mm(a);
  };
}

TEST(GgufExport, MergedAdapterIsBasePlusScaledBAPermutedOnLlama) {
  for (const auto& model_type : gguf_families()) {
    SCOPED_TRACE(model_type);
    medlora::testing::TempDir tmp;
    const auto& base = family_dir(model_type);
    const auto config = write_family_adapter(base, tmp / "adapter", qkvo_lora());
    GgufExportOptions options;
    options.type = TensorType::F32;
    const auto report = export_gguf_model(base, tmp / "adapter", tmp / "merged.gguf", options);
    EXPECT_EQ(report.merged_layers, 8);  // q, k, v, o of 2 layers
    const auto f = gguf::GgufFile::open(tmp / "merged.gguf");
    expect_metadata(f, expected_metadata(base, model_type, TensorType::F32));
    expect_tensors(f, base, TensorType::F32, merged_with(tmp / "adapter", config.scaling()), 1e-6f);
  }
}

TEST(GgufExport, AllZeroAdapterIsRefusedUnlessAllowed) {
  medlora::testing::TempDir tmp;
  const auto& base = family_dir("qwen2");
  write_family_adapter(base, tmp / "untrained", qkvo_lora(), /*trained=*/false);
  GgufExportOptions options;
  options.type = TensorType::F32;
  try {
    export_gguf_model(base, tmp / "untrained", tmp / "m.gguf", options);
    ADD_FAILURE() << "an identity merge was written";
  } catch (const LoraError& e) {
    EXPECT_NE(std::string(e.what()).find("unchanged"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(tmp / "m.gguf"));
  options.allow_identity = true;
  EXPECT_EQ(export_gguf_model(base, tmp / "untrained", tmp / "m.gguf", options).merged_layers, 8);
  expect_tensors(gguf::GgufFile::open(tmp / "m.gguf"), base, TensorType::F32);  // exactly the base
}

TEST(GgufExport, NameOfAFolderGivenWithATrailingSlash) {
  medlora::testing::TempDir tmp;
  const auto& base = family_dir("qwen3");
  write_family_adapter(base, tmp / "slashed-adapter", qkvo_lora());
  export_gguf_model(base.string() + "/", std::nullopt, tmp / "m.gguf");
  EXPECT_EQ(gguf::GgufFile::open(tmp / "m.gguf").value("general.name").as_string(), "tiny-qwen3");
  export_gguf_lora(base, (tmp / "slashed-adapter").string() + "/", tmp / "a.gguf");
  EXPECT_EQ(gguf::GgufFile::open(tmp / "a.gguf").value("general.name").as_string(), "slashed-adapter");
}

}  // namespace
}  // namespace medlora::lora
