// Decoding stops at the model's context (max_position_embeddings) however many new tokens were
// asked for, as HF generate's max_length does; a prompt that fills the context gets no tokens.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <numeric>

#include "core/generate/chat_engine.h"
#include "core/generate/generator.h"
#include "core/tokenizer/tokenizer.h"
#include "tests/core/generate/chat_test_models.h"
#include "tests/core/model/tiny_llama.h"

namespace medlora::generate {
namespace {

// Greedy, with every EOS id banned, so only a length limit can end the answer.
SamplingParams greedy_without_eos(int max_new_tokens, const std::vector<int64_t>& eos_ids) {
  SamplingParams p;
  p.temperature = 0;
  p.repetition_penalty = 1.0;
  p.max_new_tokens = max_new_tokens;
  for (int64_t id : eos_ids) p.logit_bias.emplace_back(id, -100.0);
  return p;
}

std::vector<int64_t> prompt_of(size_t length) {
  std::vector<int64_t> ids(length);
  for (size_t i = 0; i < length; ++i) ids[i] = 3 + static_cast<int64_t>(i % 90);
  return ids;
}

TEST(GeneratorContext, FitToContextCutsMaxNewTokensToTheFreePositions) {
  SamplingParams p;
  p.max_new_tokens = 5000;
  EXPECT_EQ(fit_to_context(p, 10, 2048).max_new_tokens, 2038);
  p.max_new_tokens = 100;
  EXPECT_EQ(fit_to_context(p, 10, 2048).max_new_tokens, 100);
  EXPECT_EQ(fit_to_context(p, 2047, 2048).max_new_tokens, 1);
  EXPECT_EQ(fit_to_context(p, 2048, 2048).max_new_tokens, 0);  // no room left
  EXPECT_EQ(fit_to_context(p, 3000, 2048).max_new_tokens, 0);
}

TEST(GeneratorContext, GenerationStopsAtTheLastPositionWithALengthReason) {
  const auto config = testing::tiny_config();
  ASSERT_EQ(config.max_position_embeddings, 256);
  auto m = testing::make_tiny_model(config, 5);
  Generator generator(m, nullptr);
  for (bool cache : {true, false}) {
    auto p = greedy_without_eos(5000, generator.eos_ids());
    p.use_cache = cache;
    const auto result = generator.generate_ids(prompt_of(250), p);
    EXPECT_EQ(result.tokens.size(), 6u) << "cache " << cache;
    EXPECT_EQ(result.prompt_tokens + static_cast<int64_t>(result.tokens.size()), 256);
    EXPECT_EQ(result.finish_reason, "max_new_tokens");
  }
  // The same first tokens as a run that asked for exactly what fits.
  const auto fitting = generator.generate_ids(prompt_of(250), greedy_without_eos(6, generator.eos_ids()));
  EXPECT_EQ(generator.generate_ids(prompt_of(250), greedy_without_eos(5000, generator.eos_ids())).tokens, fitting.tokens);
  // A prompt that fills the context (or more) gets nothing, and the model is not run on it.
  for (size_t length : {256u, 300u}) {
    const auto full = generator.generate_ids(prompt_of(length), greedy_without_eos(5, generator.eos_ids()));
    EXPECT_TRUE(full.tokens.empty()) << length;
    EXPECT_EQ(full.prompt_tokens, static_cast<int64_t>(length));
    EXPECT_EQ(full.finish_reason, "max_new_tokens");
  }
}

TEST(GeneratorContext, ChatEngineAnswerStopsAtTheContext) {
  ChatEngine engine(test::chat_models().base, {});
  ChatRequest request;
  request.question = "fever and cough for three days";
  request.template_name = "raw";
  request.sampling = greedy_without_eos(5000, engine.tokenizer()->eos_ids());
  const auto reply = engine.answer(request);
  EXPECT_EQ(reply.prompt_tokens + static_cast<int64_t>(reply.tokens.size()),
            engine.model()->config().max_position_embeddings);
  EXPECT_EQ(reply.finish_reason, "max_new_tokens");
}

}  // namespace
}  // namespace medlora::generate
