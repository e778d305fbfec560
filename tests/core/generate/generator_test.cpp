// Generation on a tiny random model, by token ids (no tokenizer needed).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <thread>

#include "core/generate/generator.h"
#include "core/generate/sequence_score.h"
#include "tests/core/model/tiny_llama.h"

namespace medlora::generate {
namespace {

using testing::make_tiny_model;
using testing::tiny_config;

SamplingParams greedy(int max_new_tokens) {
  SamplingParams p;
  p.temperature = 0;
  p.repetition_penalty = 1.0;
  p.max_new_tokens = max_new_tokens;
  return p;
}

// Greedy continuation computed the slow, obvious way.
std::vector<int64_t> argmax_continuation(model::LlamaForCausalLM& m, std::vector<int64_t> ids, int steps) {
  torch::NoGradGuard no_grad;
  std::vector<int64_t> out;
  for (int i = 0; i < steps; ++i) {
    auto logits = m.forward(torch::tensor(ids).view({1, -1}));
    const int64_t next = logits[0][-1].argmax().item<int64_t>();
    out.push_back(next);
    ids.push_back(next);
  }
  return out;
}

TEST(Generator, GreedyEqualsArgmaxOfTheFullForward) {
  auto config = tiny_config();
  config.eos_token_ids = {};  // never stop early
  auto m = make_tiny_model(config, 3);
  Generator generator(m, nullptr);
  const std::vector<int64_t> prompt = {1, 17, 42, 8};
  auto result = generator.generate_ids(prompt, greedy(8));
  EXPECT_EQ(result.tokens, argmax_continuation(*m, prompt, 8));
  EXPECT_EQ(result.finish_reason, "max_new_tokens");
  EXPECT_EQ(result.prompt_tokens, 4);
  EXPECT_GT(result.tokens_per_second, 0);
  EXPECT_TRUE(result.text.empty());  // no tokenizer, no text
}

TEST(Generator, WithoutCacheGivesTheSameTokens) {
  auto config = tiny_config(1, true);
  config.eos_token_ids = {};
  auto m = make_tiny_model(config, 8);
  Generator generator(m, nullptr);
  auto params = greedy(10);
  params.repetition_penalty = 1.3;  // the penalty sees the same history either way
  auto cached = generator.generate_ids({1, 5, 6}, params);
  params.use_cache = false;
  auto recomputed = generator.generate_ids({1, 5, 6}, params);
  EXPECT_EQ(cached.tokens, recomputed.tokens);
  EXPECT_EQ(cached.tokens.size(), 10u);
}

TEST(Generator, StopsAtMaxNewTokensAndAtEos) {
  auto config = tiny_config();
  config.eos_token_ids = {};
  auto m = make_tiny_model(config, 4);
  auto free_run = Generator(m, nullptr).generate_ids({1, 30}, greedy(5));
  ASSERT_EQ(free_run.tokens.size(), 5u);
  EXPECT_TRUE(Generator(m, nullptr).generate_ids({1, 30}, greedy(0)).tokens.empty());

  // Same weights, but the third greedy token is declared EOS (unless it appeared earlier).
  const int64_t eos = free_run.tokens[2];
  config.eos_token_ids = {99, eos};
  auto with_eos = make_tiny_model(config, 4);
  auto result = Generator(with_eos, nullptr).generate_ids({1, 30}, greedy(5));
  const auto first = std::find(free_run.tokens.begin(), free_run.tokens.end(), eos) - free_run.tokens.begin();
  EXPECT_EQ(result.finish_reason, "eos");
  EXPECT_EQ(result.tokens, std::vector<int64_t>(free_run.tokens.begin(), free_run.tokens.begin() + first));
}

TEST(Generator, EmptyPromptStartsFromBos) {
  auto config = tiny_config();
  config.eos_token_ids = {};
  auto m = make_tiny_model(config, 2);
  Generator generator(m, nullptr);
  auto from_empty = generator.generate_ids({}, greedy(4));
  EXPECT_EQ(from_empty.prompt_tokens, 1);
  EXPECT_EQ(from_empty.tokens, argmax_continuation(*m, {config.bos_token_id}, 4));
}

TEST(Generator, SeededSamplingIsReproducible) {
  auto config = tiny_config();
  config.eos_token_ids = {};
  auto m = make_tiny_model(config, 2, 0.05);  // flat-ish distributions: sampling matters
  Generator generator(m, nullptr);
  SamplingParams p;
  p.temperature = 1.0;
  p.max_new_tokens = 20;
  p.seed = 42;
  auto a = generator.generate_ids({1, 2, 3}, p);
  auto b = generator.generate_ids({1, 2, 3}, p);
  EXPECT_EQ(a.tokens, b.tokens);
  p.seed = 43;
  EXPECT_NE(generator.generate_ids({1, 2, 3}, p).tokens, a.tokens);
}

TEST(Generator, CancelFromAnotherThreadStopsSoon) {
  auto config = tiny_config();
  config.eos_token_ids = {};
  auto m = make_tiny_model(config, 6);
  Generator generator(m, nullptr);
  std::atomic<bool> cancel{false};
  std::atomic<int> produced{0};
  GenerationResult result;
  std::thread worker([&] {
    result = generator.generate_ids({1, 9}, greedy(20000),
                                    [&](const std::string&, int64_t) { produced.fetch_add(1); }, &cancel);
  });
  while (produced.load() < 3) std::this_thread::yield();
  cancel.store(true);
  worker.join();
  EXPECT_EQ(result.finish_reason, "cancelled");
  EXPECT_GE(result.tokens.size(), 3u);
  EXPECT_LT(result.tokens.size(), 20000u);
  EXPECT_EQ(static_cast<int>(result.tokens.size()), produced.load());
}

TEST(Generator, RefusesBadInput) {
  auto m = make_tiny_model(tiny_config(), 1);
  Generator generator(m, nullptr);
  EXPECT_THROW(generator.generate_ids({1, 500}, greedy(2)), std::invalid_argument);
  auto p = greedy(2);
  p.stop_strings = {"x"};
  EXPECT_THROW(generator.generate_ids({1}, p), std::invalid_argument);  // stop strings need a tokenizer
  p = greedy(2);
  p.top_p = 2;
  EXPECT_THROW(generator.generate_ids({1}, p), std::invalid_argument);
  EXPECT_THROW(generator.generate("hello", greedy(2)), std::invalid_argument);
}

TEST(SequenceScore, LogprobsAreTeacherForcedLogSoftmax) {
  auto m = make_tiny_model(tiny_config(), 13);
  const std::vector<int64_t> ids = {1, 40, 41, 7, 99};
  auto score = score_sequence(*m, ids);
  ASSERT_EQ(score.logprobs.size(), 4u);
  EXPECT_EQ(score.tokens, ids);
  torch::NoGradGuard no_grad;
  auto logprobs = torch::log_softmax(m->forward(torch::tensor(ids).view({1, -1}))[0], -1);
  double sum = 0;
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_NEAR(score.logprobs[i], logprobs[i][ids[i + 1]].item<double>(), 1e-6);
    EXPECT_LT(score.logprobs[i], 0);
    sum += score.logprobs[i];
  }
  EXPECT_NEAR(score.mean_nll, -sum / 4, 1e-12);
  EXPECT_THROW(score_sequence(*m, {1}), std::invalid_argument);
  EXPECT_THROW(score_sequence(*m, {1, 100}), std::invalid_argument);
}

}  // namespace
}  // namespace medlora::generate
