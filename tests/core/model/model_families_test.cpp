// Every model type this program runs (qwen2, qwen3, Llama 3 RoPE scaling, mistral) against
// tests/reference/llama_reference.py, an independent plain-PyTorch implementation of HF's
// semantics, on tiny random HF folders written by save_llama (float32, bfloat16 and float16
// files, one file and shards) and read back by load_llama. Then KV-cached decoding against
// full recomputation, in float32 and through the bfloat16 single-token fast paths.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <QJsonArray>
#include <algorithm>
#include <iostream>
#include <set>

#include "core/io/checkpoint_reader.h"
#include "core/model/model_loader.h"
#include "tests/core/model/python_reference.h"
#include "tests/core/model/tiny_families.h"

namespace medlora::model {
namespace {

namespace fs = std::filesystem;
using testing::python_with_torch;
using testing::run_reference;

struct FamilyCase {
  const char* name;
  LlamaConfig (*config)();
  c10::ScalarType save_dtype;
  uint64_t shard_bytes;  // 0: one model.safetensors
};

LlamaConfig qwen2_tied() { return testing::tiny_qwen2_config(true); }
LlamaConfig qwen2_sliding() {
  auto c = testing::tiny_qwen2_config(false);
  c.use_sliding_window = true;  // layer 0 full, layer 1 a window of 4
  c.sliding_window = 4;
  c.max_window_layers = 1;
  return c;
}
LlamaConfig qwen3_untied() { return testing::tiny_qwen3_config(false); }
LlamaConfig qwen3_tied_bias() { return testing::tiny_qwen3_config(true, /*attention_bias=*/true); }
LlamaConfig llama3_untied() { return testing::tiny_llama3_config(false); }
LlamaConfig llama3_tied() { return testing::tiny_llama3_config(true); }
LlamaConfig llama_linear_rope() { return testing::tiny_llama3_config(false, "linear"); }
LlamaConfig mistral_window() { return testing::tiny_mistral_config(4); }
LlamaConfig mistral_no_window() { return testing::tiny_mistral_config(std::nullopt); }

const FamilyCase kCases[] = {
    {"qwen2_tied_f32", qwen2_tied, torch::kFloat, 0},
    {"qwen2_sliding_sharded", qwen2_sliding, torch::kFloat, 40000},
    {"qwen3_f32", qwen3_untied, torch::kFloat, 0},
    {"qwen3_tied_bias_bf16", qwen3_tied_bias, torch::kBFloat16, 0},
    {"llama3_untied_sharded", llama3_untied, torch::kFloat, 30000},
    {"llama3_tied_f16", llama3_tied, torch::kHalf, 0},
    {"llama_linear_rope", llama_linear_rope, torch::kFloat, 0},
    {"mistral_window_bf16", mistral_window, torch::kBFloat16, 0},
    {"mistral_no_window", mistral_no_window, torch::kFloat, 0},
};

std::string case_name(const ::testing::TestParamInfo<FamilyCase>& info) { return info.param.name; }
void PrintTo(const FamilyCase& c, std::ostream* os) { *os << c.name; }

// Saves a random model of the case to `dir` and returns what load_llama reads back.
std::shared_ptr<LlamaForCausalLM> saved_and_loaded(const FamilyCase& c, const fs::path& dir, uint64_t seed,
                                                   c10::ScalarType compute_dtype = torch::kFloat) {
  auto original = testing::make_tiny_model(c.config(), seed);
  if (c.shard_bytes)
    save_llama(*original, dir, c.save_dtype, c.shard_bytes);
  else
    save_llama(*original, dir, c.save_dtype);
  runtime::ComputeOptions compute;
  compute.dtype = compute_dtype;
  auto m = load_llama(dir, compute);
  m->eval();
  return m;
}

double max_abs_diff(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kFloat) - b.to(torch::kFloat)).abs().max().item<double>();
}

// Greedy decoding through the KV cache: the prompt once, then one token a step, stopping at EOS
// as the reference does.
std::vector<int64_t> cached_greedy(LlamaForCausalLM& m, const std::vector<int64_t>& prompt, int steps) {
  torch::NoGradGuard no_grad;
  auto cache = m.make_cache(1, 4);  // small on purpose: the cache has to grow
  auto logits = m.forward(torch::tensor(prompt).view({1, -1}), &cache);
  std::vector<int64_t> out;
  const auto& eos = m.config().eos_token_ids;
  for (int i = 0; i < steps; ++i) {
    const int64_t next = logits[0][-1].argmax().item<int64_t>();
    if (std::find(eos.begin(), eos.end(), next) != eos.end()) break;
    out.push_back(next);
    logits = m.forward(torch::tensor({next}).view({1, 1}), &cache);
  }
  return out;
}

class ModelFamilies : public ::testing::TestWithParam<FamilyCase> {};

TEST_P(ModelFamilies, LogitsAndGreedyDecodeMatchThePythonReference) {
  static const QString python = python_with_torch();
  if (python.isEmpty()) GTEST_SKIP() << "python3 with torch is not installed (apt install python3-torch)";
  const auto& c = GetParam();
  medlora::testing::TempDir dir;
  auto m = saved_and_loaded(c, dir.path(), 21);
  EXPECT_EQ(fs::exists(dir / "model.safetensors.index.json"), c.shard_bytes != 0);
  if (c.shard_bytes) {
    std::set<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir.path()))
      if (entry.path().extension() == ".safetensors") files.insert(entry.path().filename().string());
    EXPECT_GE(files.size(), 2u) << "the sharded case should really be split";
  }

  const auto ids = testing::random_ids(10, m->config().vocab_size, 17);
  const auto reference = run_reference(python, dir.path(), ids, 6);
  torch::NoGradGuard no_grad;
  auto logits = m->forward(torch::tensor(ids).view({1, 10}))[0];
  const auto rows = reference["logits"].toArray();
  ASSERT_EQ(rows.size(), 10);
  double worst = 0, scale = 0;
  for (int t = 0; t < rows.size(); ++t) {
    const auto row = rows[t].toArray();
    ASSERT_EQ(row.size(), m->config().vocab_size);
    for (int v = 0; v < row.size(); ++v) {
      worst = std::max(worst, std::abs(row[v].toDouble() - logits[t][v].item<double>()));
      scale = std::max(scale, std::abs(row[v].toDouble()));
    }
  }
  std::cout << "[ reference ] " << c.name << ": max |logit diff| " << worst << " (max |logit| " << scale << ")\n";
  EXPECT_LT(worst, 1e-4);
  EXPECT_GT(scale, 0.5) << "logits this small would not show a wrong term";

  std::vector<int64_t> expected;
  for (const auto& id : reference["greedy_ids"].toArray()) expected.push_back(id.toInteger());
  EXPECT_EQ(cached_greedy(*m, ids, 6), expected);
}

TEST_P(ModelFamilies, KvCachedDecodingEqualsFullRecomputation) {
  const auto& c = GetParam();
  medlora::testing::TempDir dir;
  auto m = saved_and_loaded(c, dir.path(), 5);
  const auto ids = testing::random_ids(12, m->config().vocab_size, 9);
  torch::NoGradGuard no_grad;
  auto full = m->forward(torch::tensor(ids).view({1, 12}))[0];
  // A 5-token prefill, a 3-token chunk (a window mask with past > 0), then single tokens.
  auto cache = m->make_cache(1, 2);
  std::vector<torch::Tensor> pieces;
  auto feed = [&](int64_t begin, int64_t count) {
    auto chunk = torch::tensor(std::vector<int64_t>(ids.begin() + begin, ids.begin() + begin + count)).view({1, count});
    pieces.push_back(m->forward(chunk, &cache)[0]);
  };
  feed(0, 5);
  feed(5, 3);
  for (int64_t t = 8; t < 12; ++t) feed(t, 1);
  EXPECT_EQ(cache.length(), 12);
  EXPECT_LT(max_abs_diff(torch::cat(pieces, 0), full), 1e-5);
}

TEST_P(ModelFamilies, Bfloat16SingleTokenDecodeKeepsBiasesNormsAndWindow) {
  const auto& c = GetParam();
  medlora::testing::TempDir dir;
  auto reference = saved_and_loaded(c, dir / "f32", 5);
  medlora::testing::TempDir dir16;
  auto m = saved_and_loaded(c, dir16.path(), 5, torch::kBFloat16);
  ASSERT_EQ(m->dtype(), torch::kBFloat16);
  const auto ids = testing::random_ids(10, m->config().vocab_size, 4);
  torch::NoGradGuard no_grad;
  auto full32 = reference->forward(torch::tensor(ids).view({1, 10}))[0];
  // Single-token steps after a one-token prompt: every position goes through single_row_linear
  // and the float32 attention of one bfloat16 token.
  auto cache = m->make_cache(1, 16);
  std::vector<torch::Tensor> rows;
  for (int64_t t = 0; t < 10; ++t) rows.push_back(m->forward(torch::tensor({ids[t]}).view({1, 1}), &cache)[0]);
  auto decoded = torch::cat(rows, 0);
  auto full16 = m->forward(torch::tensor(ids).view({1, 10}))[0];
  const double scale = full32.abs().max().item<double>();
  // bfloat16 keeps ~3 significant digits; a dropped bias, norm or window costs far more.
  EXPECT_LT(max_abs_diff(decoded, full32), 0.06 * scale) << c.name;
  EXPECT_LT(max_abs_diff(decoded, full16), 0.06 * scale) << c.name;
}

INSTANTIATE_TEST_SUITE_P(Types, ModelFamilies, ::testing::ValuesIn(kCases), case_name);

TEST(ModelFamilies, CheckpointsHoldTheTensorsOfEachType) {
  medlora::testing::TempDir dir;
  auto qwen2 = testing::make_tiny_model(testing::tiny_qwen2_config(true), 1);
  save_llama(*qwen2, dir / "qwen2", torch::kBFloat16);
  auto names = io::CheckpointReader::open(dir / "qwen2").names();
  auto has = [&](const std::string& n) { return std::find(names.begin(), names.end(), n) != names.end(); };
  EXPECT_TRUE(has("model.layers.0.self_attn.q_proj.bias"));
  EXPECT_TRUE(has("model.layers.1.self_attn.v_proj.bias"));
  EXPECT_FALSE(has("model.layers.0.self_attn.o_proj.bias")) << "qwen2's o_proj has no bias";
  EXPECT_FALSE(has("lm_head.weight")) << "tied";
  EXPECT_EQ(io::CheckpointReader::open(dir / "qwen2").load("model.layers.0.self_attn.k_proj.bias").scalar_type(),
            torch::kBFloat16);

  auto qwen3 = testing::make_tiny_model(testing::tiny_qwen3_config(), 1);
  save_llama(*qwen3, dir / "qwen3", torch::kHalf);
  names = io::CheckpointReader::open(dir / "qwen3").names();
  EXPECT_TRUE(has("model.layers.1.self_attn.q_norm.weight"));
  EXPECT_TRUE(has("model.layers.1.self_attn.k_norm.weight"));
  EXPECT_FALSE(has("model.layers.0.self_attn.q_proj.bias"));
  EXPECT_EQ(io::CheckpointReader::open(dir / "qwen3").load("model.layers.1.self_attn.q_norm.weight").sizes(),
            c10::IntArrayRef({32}));
  EXPECT_EQ(io::CheckpointReader::open(dir / "qwen3").load("model.layers.0.self_attn.q_proj.weight").sizes(),
            c10::IntArrayRef({4 * 32, 64}));
}

TEST(ModelFamilies, AMissingQkNormIsAnErrorNamingTheTensor) {
  medlora::testing::TempDir dir;
  auto qwen3 = testing::make_tiny_model(testing::tiny_qwen3_config(), 1);
  std::vector<std::pair<std::string, torch::Tensor>> tensors;
  for (auto& [name, t] : qwen3->base_state_dict())
    if (name != "model.layers.1.self_attn.k_norm.weight") tensors.emplace_back(name, t);
  fs::create_directories(dir.path());
  std::ofstream(dir / "config.json") << QJsonDocument(qwen3->config().to_json()).toJson().toStdString();
  testing::write_f32_safetensors(dir / "model.safetensors", tensors);
  try {
    load_llama(dir.path(), runtime::ComputeOptions{});
    FAIL() << "loaded a qwen3 checkpoint without k_norm";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("model.layers.1.self_attn.k_norm.weight"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace medlora::model
