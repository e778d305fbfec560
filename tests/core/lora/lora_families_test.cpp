// LoRA on every model type (qwen2 with q/k/v biases and tied embeddings, qwen3 with q/k norms
// and head_dim != hidden / heads, Llama 3 with rope scaling, mistral with a sliding window):
// a biased projection computes W x + b + scale * B A x as PEFT does; PEFT save -> load gives
// the same logits; merge equals the unmerged forward; the merged export keeps the biases and
// q/k norms and reloads to the same logits.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <fstream>

#include "core/io/checkpoint_reader.h"
#include "core/lora/lora_model.h"
#include "core/lora/merged_export.h"
#include "core/lora/peft_adapter.h"
#include "core/model/model_loader.h"
#include "tests/core/lora/lora_test_models.h"
#include "tests/core/model/tiny_families.h"
#include "tests/support/temp_dir.h"

namespace medlora::lora {
namespace {

namespace fs = std::filesystem;

struct FamilyCase {
  const char* name;
  model::LlamaConfig (*config)();
};

model::LlamaConfig qwen2() { return medlora::testing::tiny_qwen2_config(true); }
model::LlamaConfig qwen3() { return medlora::testing::tiny_qwen3_config(false, /*attention_bias=*/true); }
model::LlamaConfig llama3() { return medlora::testing::tiny_llama3_config(false); }
model::LlamaConfig mistral() { return medlora::testing::tiny_mistral_config(4); }

const FamilyCase kCases[] = {{"qwen2", qwen2}, {"qwen3", qwen3}, {"llama3", llama3}, {"mistral", mistral}};

std::string case_name(const ::testing::TestParamInfo<FamilyCase>& info) { return info.param.name; }
void PrintTo(const FamilyCase& c, std::ostream* os) { *os << c.name; }

torch::Tensor sample_ids() { return torch::tensor({3, 17, 42, 5, 9, 60, 11, 33, 8, 71}, torch::kLong).view({1, 10}); }

double max_abs_diff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

LoraConfig all_linear() {
  LoraConfig c;
  c.r = 4;
  c.alpha = 8;
  c.dropout = 0.0;
  c.target_modules = {"all-linear"};
  c.base_model_name_or_path = "tiny-base";
  return c;
}

std::shared_ptr<model::LlamaForCausalLM> load(const fs::path& dir) {
  auto m = model::load_llama(dir, runtime::ComputeOptions{});
  m->eval();
  return m;
}

TEST(LoraFamilies, ABiasedProjectionComputesWxPlusBPlusScaledBAx) {
  auto dense = std::make_shared<model::DenseLinear>(6, 5, /*bias=*/true);
  torch::NoGradGuard no_grad;
  dense->weight.copy_(torch::randn({5, 6}));
  dense->bias.copy_(torch::randn({5}));
  LoraLinear layer(dense);
  layer.add_adapter("a", 3, 0.75, 0.0, 1);
  layer.set_active("a");
  auto& w = layer.adapter("a");
  w.B.copy_(torch::randn({5, 3}));
  auto x = torch::randn({2, 4, 6});
  auto expected = torch::matmul(x, dense->weight.t()) + dense->bias +
                  0.75 * torch::matmul(torch::matmul(x, w.A.t()), w.B.t());
  EXPECT_LT(max_abs_diff(layer.forward(x), expected), 1e-5);
  // One row (the decode shape) takes the same maths.
  auto row = x[0][0].view({1, 1, 6});
  EXPECT_LT(max_abs_diff(layer.forward(row), expected[0][0].view({1, 1, 5})), 1e-5);
  // Merging folds B A into W only: the bias is a base weight and stays as it was.
  auto bias_before = dense->bias.clone();
  layer.merge();
  EXPECT_TRUE(torch::equal(dense->bias, bias_before));
  EXPECT_LT(max_abs_diff(layer.forward(x), expected), 1e-5);
  layer.unmerge();
  EXPECT_LT(max_abs_diff(layer.forward(x), expected), 1e-5);
}

class LoraFamilies : public ::testing::TestWithParam<FamilyCase> {};

TEST_P(LoraFamilies, InjectSaveLoadMergeAndExport) {
  const auto config = GetParam().config();
  medlora::testing::TempDir tmp;
  const fs::path base = tmp / "tiny-base", adapter = tmp / "adapter", merged = tmp / "merged";
  auto original = medlora::testing::make_tiny_model(config, 13);
  model::save_llama(*original, base, torch::kFloat);
  std::ofstream(base / "tokenizer.json") << "{\"model\": {\"type\": \"BPE\"}}";

  auto m = load(base);
  const auto ids = sample_ids();
  torch::NoGradGuard no_grad;
  const auto base_logits = m->forward(ids);
  std::map<std::string, torch::Tensor> base_weights;
  for (auto& [name, t] : m->base_state_dict()) base_weights[name] = t.clone();

  inject_lora(*m, all_linear(), "default", 5);
  for (auto& [name, t] : m->base_state_dict())
    EXPECT_FALSE(t.requires_grad()) << name << " is a base weight and must stay frozen";
  EXPECT_LT(max_abs_diff(m->forward(ids), base_logits), 1e-6) << "B starts at zero";
  testing::randomize(lora_trainable_parameters(*m), 3);
  const auto adapted = m->forward(ids);
  ASSERT_GT(max_abs_diff(adapted, base_logits), 1e-3);

  // PEFT folder round trip onto a freshly loaded base.
  save_peft_adapter(*m, all_linear(), adapter);
  auto reloaded = load(base);
  load_peft_adapter(*reloaded, adapter, "default", base.string());
  EXPECT_LT(max_abs_diff(reloaded->forward(ids), adapted), 1e-6);
  for (auto& [path, layer] : lora_layers(*reloaded))
    EXPECT_TRUE(path.find("_norm") == std::string::npos) << path << ": norms are not LoRA targets";
  EXPECT_EQ(lora_layers(*reloaded).size(), 14u) << "all-linear wraps q/k/v/o/gate/up/down of both layers";

  // Merged and unmerged forward agree, and the biases and q/k norms are untouched by merging.
  merge_adapter(*m);
  EXPECT_LT(max_abs_diff(m->forward(ids), adapted), 1e-4);
  for (auto& [name, t] : m->base_state_dict())
    if (name.find(".bias") != std::string::npos || name.find("norm.weight") != std::string::npos)
      EXPECT_TRUE(torch::equal(t, base_weights.at(name))) << name;
  unmerge_adapter(*m);
  EXPECT_LT(max_abs_diff(m->forward(ids), adapted), 1e-4);

  // The merged export: an HF folder of the same type holding every base bias and q/k norm.
  const auto report = export_merged_model(base, adapter, merged);
  EXPECT_EQ(report.merged_layers, 14);
  EXPECT_TRUE(fs::exists(merged / "tokenizer.json"));
  const auto exported = model::LlamaConfig::from_file(merged / "config.json");
  EXPECT_EQ(exported.model_type, config.model_type);
  EXPECT_EQ(exported.head_dim, config.head_dim);
  EXPECT_EQ(exported.attention_window(1), config.attention_window(1));
  auto reader = io::CheckpointReader::open(merged);
  size_t biases = 0, qk_norms = 0;
  for (const auto& [name, weight] : base_weights) {
    if (name.find(".bias") != std::string::npos) {
      ++biases;
      ASSERT_TRUE(reader.contains(name)) << name << " is missing from the merged export";
      EXPECT_TRUE(torch::equal(reader.load(name), weight)) << name;
    }
    if (name.find("self_attn.q_norm") != std::string::npos || name.find("self_attn.k_norm") != std::string::npos) {
      ++qk_norms;
      ASSERT_TRUE(reader.contains(name)) << name;
      EXPECT_TRUE(torch::equal(reader.load(name), weight)) << name;
    }
  }
  EXPECT_EQ(biases, config.qkv_bias() ? (config.o_proj_bias() ? 8u : 6u) : 0u);
  EXPECT_EQ(qk_norms, config.qk_norm() ? 4u : 0u);
  EXPECT_EQ(reader.contains("lm_head.weight"), !config.tie_word_embeddings);
  EXPECT_LT(max_abs_diff(load(merged)->forward(ids), adapted), 1e-4);
}

TEST_P(LoraFamilies, PresetsTargetTheSameModulesOnEveryType) {
  model::LlamaForCausalLM m(GetParam().config());
  auto attention = preset("clinic-qa");
  inject_lora(m, attention, "qa", 1);
  EXPECT_EQ(lora_layers(m).size(), 8u) << "q/k/v/o of two layers";
  auto with_mlp = preset("attention-mlp");
  EXPECT_EQ(with_mlp.target_modules,
            (std::vector<std::string>{"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}));
  inject_lora(m, with_mlp, "mlp", 2);
  EXPECT_EQ(lora_layers(m).size(), 14u);
  for (auto& [path, layer] : lora_layers(m))
    EXPECT_EQ(layer->has_adapter("qa"), path.find(".mlp.") == std::string::npos) << path;
}

INSTANTIATE_TEST_SUITE_P(Types, LoraFamilies, ::testing::ValuesIn(kCases), case_name);

}  // namespace
}  // namespace medlora::lora
