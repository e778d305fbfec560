// export_gguf_model with rope_scaling: linear writes llama.cpp's scaling keys, llama3 the
// rope_freqs factors convert_hf_to_gguf.py computes, refused off the llama architecture.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "core/gguf/gguf_reader.h"
#include "core/io/safetensors_file.h"
#include "core/lora/gguf_export.h"
#include "tests/core/lora/gguf_expectations.h"
#include "tests/core/lora/gguf_test_models.h"

namespace medlora::lora {
namespace {

namespace fs = std::filesystem;
using namespace medlora::lora::testing;

// A copy of a family folder whose config.json has `scaling` as rope_scaling.
fs::path with_rope_scaling(const medlora::testing::TempDir& tmp, const std::string& model_type, const nlohmann::json& scaling) {
  const auto dir = tmp / ("tiny-" + model_type + "-" + scaling.at("rope_type").get<std::string>());
  fs::copy(family_dir(model_type), dir, fs::copy_options::recursive);
  auto config = read_json(dir / "config.json");
  config["rope_scaling"] = scaling;
  write_text(dir / "config.json", config.dump(2));
  return dir;
}

TEST(GgufExport, LinearRopeScalingKeys) {
  medlora::testing::TempDir tmp;
  const auto dir = with_rope_scaling(tmp, "llama", {{"rope_type", "linear"}, {"factor", 2.0}});
  export_gguf_model(dir, std::nullopt, tmp / "m.gguf");
  auto expected = expected_metadata(dir, "llama", TensorType::F16);
  expected["llama.rope.scaling.type"] = Value::string("linear");  // LlamaModel: type and factor for "linear"
  expected["llama.rope.scaling.factor"] = Value::f32(2.0f);
  expect_metadata(gguf::GgufFile::open(tmp / "m.gguf"), expected);
}

// LlamaModel.generate_extra_tensors, in float32 torch ops as there.
std::vector<float> convert_llama3_rope_factors(float base, int64_t dim, float factor, float low, float high, float old_context) {
  const auto freqs = 1.0 / torch::pow(base, torch::arange(0, dim, 2, torch::kFloat) / static_cast<float>(dim));
  std::vector<float> factors;
  for (int64_t i = 0; i < freqs.numel(); ++i) {
    const auto wavelen = 2 * M_PI / freqs[i];
    if (wavelen.item<float>() < old_context / high) {
      factors.push_back(1.0f);
    } else if (wavelen.item<float>() > old_context / low) {
      factors.push_back(factor);
    } else {
      const auto smooth = (old_context / wavelen - low) / (high - low);
      factors.push_back((1 / ((1 - smooth) / factor + smooth)).item<float>());
    }
  }
  return factors;
}

TEST(GgufExport, Llama3RopeFactorsTensor) {
  medlora::testing::TempDir tmp;
  const nlohmann::json scaling = {{"rope_type", "llama3"}, {"factor", 8.0}, {"low_freq_factor", 1.0},
                                  {"high_freq_factor", 8.0}, {"original_max_position_embeddings", 256}};
  const auto dir = with_rope_scaling(tmp, "llama", scaling);
  GgufExportOptions options;
  options.type = TensorType::F32;
  export_gguf_model(dir, std::nullopt, tmp / "m.gguf", options);
  const auto f = gguf::GgufFile::open(tmp / "m.gguf");
  expect_metadata(f, expected_metadata(dir, "llama", TensorType::F32));  // no rope.scaling keys: the factors carry it
  expect_tensors(f, dir, TensorType::F32, {}, 0.0f, {"rope_freqs.weight"});
  ASSERT_TRUE(f.has_tensor("rope_freqs.weight"));
  EXPECT_EQ(f.tensor("rope_freqs.weight").type, TensorType::F32);
  const auto want = convert_llama3_rope_factors(10000.0f, 8, 8.0f, 1.0f, 8.0f, 256.0f);
  ASSERT_EQ(want.size(), 4u);
  EXPECT_TRUE(want[0] == 1.0f && want[1] > 1.0f && want[1] < 8.0f && want[2] == 8.0f);  // every branch
  const auto got = f.tensor_values("rope_freqs.weight");
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(got[i], want[i], 1e-6f * want[i]) << i;
}

TEST(GgufExport, Llama3RopeScalingOnQwenIsRefused) {
  medlora::testing::TempDir tmp;
  const auto dir = with_rope_scaling(tmp, "qwen2", {{"rope_type", "llama3"}, {"factor", 8.0}, {"low_freq_factor", 1.0},
                                                    {"high_freq_factor", 4.0}, {"original_max_position_embeddings", 64}});
  EXPECT_THROW(export_gguf_model(dir, std::nullopt, tmp / "m.gguf"), LoraError);
  EXPECT_FALSE(fs::exists(tmp / "m.gguf"));
}

}  // namespace
}  // namespace medlora::lora
