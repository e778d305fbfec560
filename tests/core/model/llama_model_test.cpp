// The decoder's own consistency: cached decoding, GQA/MHA, tied embeddings, dtypes,
// parameter counts and gradient checkpointing.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/model/llama_model.h"
#include "tests/core/model/tiny_llama.h"

namespace medlora::model {
namespace {

using testing::make_tiny_model;
using testing::random_ids;
using testing::tiny_config;

torch::Tensor as_batch(const std::vector<int64_t>& ids) {
  return torch::tensor(ids, torch::kLong).view({1, static_cast<int64_t>(ids.size())});
}

struct Shape {
  int64_t kv_heads;
  bool tied;
};

class KvCacheEquivalence : public ::testing::TestWithParam<Shape> {};

TEST_P(KvCacheEquivalence, CachedDecodingMatchesFullRecompute) {
  auto m = make_tiny_model(tiny_config(GetParam().kv_heads, GetParam().tied), 11);
  torch::NoGradGuard no_grad;
  const auto ids = random_ids(12, 100, 3);
  auto full = m->forward(as_batch(ids));  // [1, 12, V]

  auto cache = m->make_cache(1, 4);  // small on purpose: it has to grow
  std::vector<int64_t> prompt(ids.begin(), ids.begin() + 6);
  auto prefill = m->forward(as_batch(prompt), &cache);
  EXPECT_TRUE(torch::allclose(prefill, full.narrow(1, 0, 6), 1e-5, 1e-5));
  for (int64_t pos = 6; pos < 9; ++pos) {
    auto step = m->forward(as_batch({ids[pos]}), &cache);
    EXPECT_LT((step[0][0] - full[0][pos]).abs().max().item<float>(), 1e-5) << "position " << pos;
  }
  // Several new tokens at once on top of a cache: the causal mask must be offset by the past.
  auto chunk = m->forward(as_batch({ids[9], ids[10], ids[11]}), &cache);
  EXPECT_LT((chunk - full.narrow(1, 9, 3)).abs().max().item<float>(), 1e-5);
  EXPECT_EQ(cache.length(), 12);
}

INSTANTIATE_TEST_SUITE_P(Shapes, KvCacheEquivalence,
                         ::testing::Values(Shape{2, false}, Shape{4, false}, Shape{1, true}, Shape{2, true}));

TEST(LlamaModel, GqaEqualsMhaWithRepeatedKvHeads) {
  // A GQA model computes what an MHA model computes when each kv head is repeated for its
  // query group (HF's repeat_kv: query head h uses kv head h / groups).
  auto gqa = make_tiny_model(tiny_config(2), 5);
  auto mha = make_tiny_model(tiny_config(4), 6);
  {
    torch::NoGradGuard no_grad;
    auto src = gqa->named_parameters();
    for (auto& p : mha->named_parameters()) {
      const auto& key = p.key();
      auto s = src[key];
      if (key.find("k_proj") != std::string::npos || key.find("v_proj") != std::string::npos) {
        // [kv_heads*hd, D] -> [kv, 1, hd, D] -> repeat groups -> [heads*hd, D]
        auto repeated = s.view({2, 1, 16, 64}).expand({2, 2, 16, 64}).reshape({64, 64});
        p.value().copy_(repeated);
      } else {
        p.value().copy_(s);
      }
    }
  }
  torch::NoGradGuard no_grad;
  auto ids = as_batch(random_ids(9, 100, 8));
  EXPECT_LT((gqa->forward(ids) - mha->forward(ids)).abs().max().item<float>(), 1e-5);
}

TEST(LlamaModel, TiedEmbeddingsUseTheEmbeddingMatrixAsOutputLayer) {
  auto tied = make_tiny_model(tiny_config(2, true), 4);
  EXPECT_EQ(tied->lm_head, nullptr);
  torch::NoGradGuard no_grad;
  auto ids = as_batch(random_ids(5, 100, 2));
  auto hidden = tied->hidden_states(ids);
  auto expected = torch::matmul(hidden, tied->model->embed_tokens->weight.t());
  EXPECT_TRUE(torch::allclose(tied->forward(ids), expected, 1e-5, 1e-5));
  // Changing the embedding changes the output layer too.
  tied->model->embed_tokens->weight[7].add_(1.0);
  auto logits = tied->logits(hidden);
  EXPECT_NEAR(logits[0][0][7].item<float>(), expected[0][0][7].item<float>() + hidden[0][0].sum().item<float>(), 1e-4);

  auto untied = make_tiny_model(tiny_config(2, false), 4);
  ASSERT_NE(untied->lm_head, nullptr);
  auto names = untied->base_state_dict();
  EXPECT_EQ(names.back().first, "lm_head.weight");
}

TEST(LlamaModel, BFloat16IsCloseToFloat32) {
  auto m = make_tiny_model(tiny_config(2), 9);
  torch::NoGradGuard no_grad;
  auto ids = as_batch(random_ids(10, 100, 1));
  auto f32 = m->forward(ids);
  m->to(torch::kBFloat16);
  EXPECT_EQ(m->dtype(), torch::kBFloat16);
  auto bf16 = m->forward(ids);
  EXPECT_EQ(bf16.scalar_type(), torch::kFloat);  // logits always float32
  const float scale = f32.abs().max().item<float>();
  const float error = (f32 - bf16).abs().max().item<float>();
  EXPECT_GT(error, 0.0f);  // it really ran in lower precision
  EXPECT_LT(error, 0.05f * scale) << "scale " << scale;
  // Cached decoding works in bfloat16 as well.
  auto cache = m->make_cache(1, 16);
  m->forward(ids.narrow(1, 0, 9), &cache);
  auto last = m->forward(ids.narrow(1, 9, 1), &cache);
  EXPECT_LT((last[0][0] - bf16[0][9]).abs().max().item<float>(), 0.05f * scale);
}

TEST(LlamaModel, ParameterCountEqualsTheSumOfParameterSizes) {
  for (bool tied : {false, true}) {
    for (bool bias : {false, true}) {
      auto c = tiny_config(2, tied);
      c.attention_bias = bias;
      c.mlp_bias = bias;
      LlamaForCausalLM m(c);
      int64_t total = 0;
      for (const auto& p : m.parameters()) total += p.numel();
      EXPECT_EQ(c.parameter_count(), total) << "tied " << tied << " bias " << bias;
    }
  }
}

TEST(LlamaModel, GradientCheckpointingGivesTheSameGradients) {
  auto m = make_tiny_model(tiny_config(2), 12);
  for (auto& p : m->parameters()) p.requires_grad_(false);
  std::vector<torch::Tensor> trainable;
  for (auto& layer : m->model->decoder_layers) {
    for (auto* proj : {&layer->self_attn->q_proj, &layer->self_attn->v_proj}) {
      auto w = (*proj)->dense()->weight;
      w.requires_grad_(true);
      trainable.push_back(w);
    }
  }
  m->train();
  auto ids = as_batch(random_ids(8, 100, 4));
  auto run = [&](bool checkpointing) {
    m->set_gradient_checkpointing(checkpointing);
    for (auto& w : trainable) w.mutable_grad() = torch::Tensor();
    auto logits = m->forward(ids.narrow(1, 0, 7));
    auto loss = torch::nn::functional::cross_entropy(logits.view({7, 100}), ids.narrow(1, 1, 7).view({7}));
    loss.backward();
    std::vector<torch::Tensor> grads;
    for (auto& w : trainable) {
      EXPECT_TRUE(w.grad().defined());
      grads.push_back(w.grad().clone());
    }
    return std::make_pair(loss.item<double>(), grads);
  };
  auto [plain_loss, plain] = run(false);
  auto [ckpt_loss, ckpt] = run(true);
  EXPECT_NEAR(plain_loss, ckpt_loss, 1e-6);
  for (size_t i = 0; i < plain.size(); ++i) {
    EXPECT_GT(plain[i].abs().max().item<float>(), 0.0f);
    EXPECT_TRUE(torch::allclose(plain[i], ckpt[i], 1e-5, 1e-6)) << "parameter " << i;
  }
}

}  // namespace
}  // namespace medlora::model
