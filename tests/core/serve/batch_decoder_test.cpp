// Continuous batching decodes exactly what one sequence alone decodes: the same greedy (and
// seeded) tokens per sequence, whatever else is in the batch, at whatever step it joined.
#include <gtest/gtest.h>

#include <torch/torch.h>

#include "core/generate/decoding_sequence.h"
#include "core/generate/generator.h"
#include "core/model/llama_model.h"
#include "core/model/model_loader.h"
#include "core/serve/batch_decoder.h"
#include "core/tokenizer/tokenizer.h"
#include "tests/core/generate/chat_test_models.h"

namespace medlora::serve {
namespace {

using generate::test::chat_models;

struct Alone {
  std::vector<int64_t> prompt;
  generate::SamplingParams params;
};

TEST(BatchDecoder, EachSequenceGetsTheTokensItGetsAlone) {
  auto tokenizer = tokenizer::Tokenizer::load(chat_models().base);
  auto model = model::load_llama(chat_models().base, runtime::ComputeOptions{});
  model->eval();
  generate::Generator generator(model, tokenizer);
  std::vector<Alone> cases = {
      {tokenizer->encode("头痛怎么办", true), generate::test::greedy_params(12)},
      {tokenizer->encode("发烧 咳嗽 三天了，需要吃药吗", true), generate::test::greedy_params(9)},
      {tokenizer->encode("高血压", true), generate::test::sampled_params(14, 7)},
      {tokenizer->encode("糖尿病 饮食", true), generate::test::greedy_params(5)},
  };
  std::vector<std::vector<int64_t>> expected;
  for (const auto& c : cases) expected.push_back(generator.generate_ids(c.prompt, c.params).tokens);

  torch::NoGradGuard no_grad;
  BatchDecoder decoder(model);
  struct Live {
    generate::DecodingSequence sequence;
    model::KVCache cache;
    at::Tensor logits;
  };
  std::vector<std::unique_ptr<Live>> live;
  std::vector<std::vector<int64_t>> got(cases.size());
  const auto& config = model->config();
  // Sequence i joins at step i, so the batch grows, shrinks and mixes positions.
  for (int step = 0; step < 40; ++step) {
    if (step < static_cast<int>(cases.size())) {
      const auto& c = cases[static_cast<size_t>(step)];
      generate::DecodingSequence sequence(c.prompt, c.params, tokenizer, generator.eos_ids(), config.vocab_size,
                                          config.bos_token_id);
      auto cache = decoder.make_cache(static_cast<int64_t>(c.prompt.size()) + 4);  // grows on the way
      auto logits = decoder.prefill(sequence.ids(), cache);
      live.push_back(std::make_unique<Live>(Live{std::move(sequence), std::move(cache), logits}));
    }
    std::vector<int64_t> tokens;
    std::vector<model::KVCache*> caches;
    std::vector<Live*> continuing;
    for (auto& l : live) {
      if (l->sequence.done()) continue;
      if (!l->sequence.advance(l->logits, {})) continue;
      tokens.push_back(l->sequence.last_token());
      caches.push_back(&l->cache);
      continuing.push_back(l.get());
    }
    if (continuing.empty() && step >= static_cast<int>(cases.size())) break;
    if (continuing.empty()) continue;
    auto logits = decoder.step(tokens, caches);
    for (size_t i = 0; i < continuing.size(); ++i) continuing[i]->logits = logits[static_cast<int64_t>(i)];
  }
  for (size_t i = 0; i < live.size(); ++i) {
    const auto result = live[i]->sequence.finish({});
    EXPECT_EQ(result.tokens, expected[i]) << "sequence " << i;
    EXPECT_FALSE(result.tokens.empty());
  }
}

TEST(BatchDecoder, StepRefusesMismatchedCaches) {
  auto model = model::load_llama(chat_models().base, runtime::ComputeOptions{});
  BatchDecoder decoder(model);
  EXPECT_THROW(decoder.step({1, 2}, {}), std::invalid_argument);
}

}  // namespace
}  // namespace medlora::serve
