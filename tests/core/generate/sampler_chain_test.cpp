// Each stage of the sampler chain on hand-made logits, and the chain as a whole.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <limits>
#include <set>

#include "core/generate/sampler_chain.h"

namespace medlora::generate {
namespace {

const float kInf = std::numeric_limits<float>::infinity();

torch::Tensor logits_of(std::vector<float> values) { return torch::tensor(values); }
std::vector<float> values_of(const torch::Tensor& t) {
  auto c = t.to(torch::kFloat).contiguous();
  return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}
torch::Tensor log_probs(std::vector<double> p) { return torch::tensor(p, torch::kDouble).log().to(torch::kFloat); }
std::vector<bool> kept(const torch::Tensor& t) {
  std::vector<bool> out;
  for (float v : values_of(t)) out.push_back(std::isfinite(v));
  return out;
}

TEST(RepetitionPenalty, DividesPositiveAndMultipliesNegativeLogitsOfSeenTokens) {
  auto out = apply_repetition_penalty(logits_of({2.0f, -2.0f, 1.0f, 0.5f}), {0, 1, 1}, 2.0);
  EXPECT_EQ(values_of(out), (std::vector<float>{1.0f, -4.0f, 1.0f, 0.5f}));
  // Penalty 1 and no history change nothing.
  EXPECT_EQ(values_of(apply_repetition_penalty(logits_of({2.0f, -2.0f}), {0, 1}, 1.0)), (std::vector<float>{2, -2}));
  EXPECT_EQ(values_of(apply_repetition_penalty(logits_of({2.0f, -2.0f}), {}, 3.0)), (std::vector<float>{2, -2}));
}

TEST(BadWords, SingleTokensAreAlwaysBannedLongerOnesAfterTheirPrefix) {
  const std::vector<std::vector<int64_t>> bad = {{3}, {1, 2}, {4, 0, 1}};
  auto logits = logits_of({0, 0, 0, 0, 0});
  EXPECT_EQ(kept(apply_bad_words(logits, {0, 0}, bad)), (std::vector<bool>{true, true, true, false, true}));
  EXPECT_EQ(kept(apply_bad_words(logits, {4, 1}, bad)), (std::vector<bool>{true, true, false, false, true}));
  EXPECT_EQ(kept(apply_bad_words(logits, {4, 0}, bad)), (std::vector<bool>{true, false, true, false, true}));
  EXPECT_EQ(kept(apply_bad_words(logits, {}, bad)), (std::vector<bool>{true, true, true, false, true}));
}

TEST(LogitBias, AddsToTheNamedTokensOnly) {
  auto biased = apply_logit_bias(logits_of({1, 2, 3}), {{0, 5}, {2, -100}, {7, 1}});  // 7 is outside the vocabulary
  EXPECT_FLOAT_EQ(biased[0].item<float>(), 6);
  EXPECT_FLOAT_EQ(biased[1].item<float>(), 2);
  EXPECT_FLOAT_EQ(biased[2].item<float>(), -97);
  SamplingParams greedy;
  greedy.temperature = 0;
  greedy.repetition_penalty = 1;
  greedy.logit_bias = {{2, -100}};
  EXPECT_EQ(SamplerChain(greedy).next(logits_of({1, 2, 3}), {}), 1) << "the banned argmax is not chosen";
  greedy.logit_bias = {{0, 101}};
  EXPECT_THROW(SamplerChain{greedy}, std::invalid_argument);
}

TEST(TopK, KeepsTheKHighestLogits) {
  EXPECT_EQ(kept(apply_top_k(logits_of({1, 4, 3, 2}), 2)), (std::vector<bool>{false, true, true, false}));
  EXPECT_EQ(kept(apply_top_k(logits_of({1, 3, 3, 2}), 1)), (std::vector<bool>{false, true, true, false}));  // ties stay
  EXPECT_EQ(kept(apply_top_k(logits_of({1, 4, 3, 2}), 0)), (std::vector<bool>{true, true, true, true}));
  EXPECT_EQ(kept(apply_top_k(logits_of({1, 4, 3, 2}), 9)), (std::vector<bool>{true, true, true, true}));
}

TEST(TopP, KeepsTheSmallestSetReachingP) {
  // Probabilities 0.15, 0.5, 0.05, 0.3 (shuffled on purpose).
  auto logits = log_probs({0.15, 0.5, 0.05, 0.3});
  EXPECT_EQ(kept(apply_top_p(logits, 0.4)), (std::vector<bool>{false, true, false, false}));
  EXPECT_EQ(kept(apply_top_p(logits, 0.75)), (std::vector<bool>{false, true, false, true}));
  EXPECT_EQ(kept(apply_top_p(logits, 0.85)), (std::vector<bool>{true, true, false, true}));
  EXPECT_EQ(kept(apply_top_p(logits, 0.99)), (std::vector<bool>{true, true, true, true}));
  EXPECT_EQ(kept(apply_top_p(logits, 1.0)), (std::vector<bool>{true, true, true, true}));
  // Always at least one token, even for a tiny p; and -inf from earlier stages stays out.
  EXPECT_EQ(kept(apply_top_p(logits, 1e-9)), (std::vector<bool>{false, true, false, false}));
  auto filtered = logits_of({-kInf, 0.0f, 0.0f});
  EXPECT_EQ(kept(apply_top_p(filtered, 0.6)), (std::vector<bool>{false, true, true}));
}

TEST(Temperature, ScalesLogits) {
  EXPECT_EQ(values_of(apply_temperature(logits_of({1, -2, 4}), 0.5)), (std::vector<float>{2, -4, 8}));
  EXPECT_THROW(apply_temperature(logits_of({1}), 0.0), std::invalid_argument);
}

TEST(SamplerChain, GreedyIsTheArgmaxAfterPenaltyAndBadWords) {
  SamplingParams p;
  p.temperature = 0;
  p.repetition_penalty = 1.0;
  SamplerChain plain(p);
  auto logits = logits_of({0.1f, 2.0f, 1.5f, -1.0f});
  for (int i = 0; i < 5; ++i) EXPECT_EQ(plain.next(logits, {}), 1);
  EXPECT_EQ(plain.next(logits, {}), argmax_token(logits));
  p.repetition_penalty = 2.0;  // token 1 seen: 2.0 -> 1.0, so 2 wins
  EXPECT_EQ(SamplerChain(p).next(logits, {1}), 2);
  p.bad_words_ids = {{2}};
  EXPECT_EQ(SamplerChain(p).next(logits, {1}), 1);
  p.temperature = 1e-6;  // still greedy
  EXPECT_TRUE(p.greedy());
}

std::vector<int64_t> draws(SamplerChain& chain, const torch::Tensor& logits, int n) {
  std::vector<int64_t> out;
  for (int i = 0; i < n; ++i) out.push_back(chain.next(logits, {}));
  return out;
}

TEST(SamplerChain, SeededSamplingIsReproducibleAndSeedsDiffer) {
  SamplingParams p;
  p.temperature = 1.0;
  p.top_k = 0;
  p.top_p = 1.0;
  p.repetition_penalty = 1.0;
  auto logits = torch::zeros({50});
  p.seed = 1234;
  SamplerChain a(p), b(p);
  const auto first = draws(a, logits, 30);
  EXPECT_EQ(first, draws(b, logits, 30));
  p.seed = 99;
  SamplerChain c(p);
  EXPECT_NE(first, draws(c, logits, 30));
  EXPECT_GT(std::set<int64_t>(first.begin(), first.end()).size(), 5u);  // it really samples
  p.seed.reset();
  SamplerChain d(p), e(p);
  EXPECT_NE(d.seed(), e.seed());
}

TEST(SamplerChain, NeverSamplesFilteredTokens) {
  SamplingParams p;
  p.temperature = 1.5;
  p.top_k = 3;
  p.top_p = 1.0;
  p.repetition_penalty = 1.0;
  p.bad_words_ids = {{0}};
  p.seed = 5;
  SamplerChain chain(p);
  auto logits = logits_of({5, 4, 3, 2, 1, 0});  // 0 banned first, then top-3 of the rest: {1, 2, 3}
  std::set<int64_t> seen;
  for (int i = 0; i < 200; ++i) seen.insert(chain.next(logits, {}));
  EXPECT_EQ(seen, (std::set<int64_t>{1, 2, 3}));
  // Top-p then restricts to the most likely token when it alone carries the mass.
  p.top_k = 0;
  p.top_p = 0.5;
  p.bad_words_ids.clear();
  SamplerChain narrow(p);
  auto peaked = log_probs({0.9, 0.05, 0.05});
  for (int i = 0; i < 50; ++i) EXPECT_EQ(narrow.next(peaked, {}), 0);
}

TEST(SamplingParams, RejectsOutOfRangeSettings) {
  auto invalid = [](auto change) {
    SamplingParams p;
    change(p);
    EXPECT_THROW(p.validate(), std::invalid_argument);
  };
  invalid([](SamplingParams& p) { p.temperature = -1; });
  invalid([](SamplingParams& p) { p.top_p = 0; });
  invalid([](SamplingParams& p) { p.top_p = 1.5; });
  invalid([](SamplingParams& p) { p.repetition_penalty = 0; });
  invalid([](SamplingParams& p) { p.max_new_tokens = -1; });
  invalid([](SamplingParams& p) { p.bad_words_ids = {{}}; });
  invalid([](SamplingParams& p) { p.stop_strings = {""}; });
  EXPECT_NO_THROW(SamplingParams{}.validate());
  SamplingParams defaults;
  EXPECT_DOUBLE_EQ(defaults.temperature, 0.7);
  EXPECT_DOUBLE_EQ(defaults.top_p, 0.9);
  EXPECT_EQ(defaults.top_k, 50);
  EXPECT_DOUBLE_EQ(defaults.repetition_penalty, 1.2);
  EXPECT_EQ(defaults.max_new_tokens, 200);
}

}  // namespace
}  // namespace medlora::generate
