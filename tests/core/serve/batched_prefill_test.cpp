// Joining prompts prefilled together in one right-padded forward pass give what each gives
// alone: the same last-position logits (to float rounding), the same KV cache (decoding on from
// it picks the same greedy tokens), for every model family's attention (GQA, qwen3's q/k norms,
// sliding windows shorter than the prompts, tied embeddings), in float32 and bfloat16. Then the plan that groups prompts
// into passes, and the scheduler end to end against ChatEngine::answer one request at a time.
#include <gtest/gtest.h>

#include <torch/torch.h>

#include <numeric>
#include <set>

#include "core/generate/chat_engine.h"
#include "core/model/llama_model.h"
#include "core/serve/batch_decoder.h"
#include "core/serve/prefill_plan.h"
#include "core/serve/scheduler.h"
#include "tests/core/generate/chat_test_models.h"
#include "tests/core/model/tiny_families.h"

namespace medlora::serve {
namespace {

struct FamilyCase {
  const char* name;
  model::LlamaConfig (*config)();
  c10::ScalarType dtype = torch::kFloat;  // the compute dtype
};

model::LlamaConfig llama_gqa() { return testing::tiny_config(2); }
model::LlamaConfig llama_tied_mha() { return testing::tiny_config(4, /*tied=*/true); }
model::LlamaConfig qwen3() { return testing::tiny_qwen3_config(false); }
model::LlamaConfig qwen2_sliding() {
  auto c = testing::tiny_qwen2_config(false);
  c.use_sliding_window = true;  // layer 0 full, layer 1 a window of 4
  c.sliding_window = 4;
  c.max_window_layers = 1;
  return c;
}
model::LlamaConfig mistral_window() { return testing::tiny_mistral_config(4); }

void PrintTo(const FamilyCase& c, std::ostream* os) { *os << c.name; }

class BatchedPrefill : public ::testing::TestWithParam<FamilyCase> {};

int64_t greedy_pick(const at::Tensor& logits) { return logits.argmax().item<int64_t>(); }

// Greedy decoding of `steps` tokens for every sequence together, from its prefill logits on.
std::vector<std::vector<int64_t>> decode_together(BatchDecoder& decoder, std::vector<at::Tensor> logits,
                                                  const std::vector<model::KVCache*>& caches, int steps) {
  std::vector<std::vector<int64_t>> tokens(caches.size());
  for (int s = 0; s < steps; ++s) {
    std::vector<int64_t> next;
    for (size_t i = 0; i < caches.size(); ++i) {
      next.push_back(greedy_pick(logits[i]));
      tokens[i].push_back(next.back());
    }
    auto out = decoder.step(next, caches);
    for (size_t i = 0; i < caches.size(); ++i) logits[i] = out[static_cast<int64_t>(i)];
  }
  return tokens;
}

TEST_P(BatchedPrefill, EqualsEachPromptAlone) {
  auto m = testing::make_tiny_model(GetParam().config(), 5, 0.3);
  m->to(GetParam().dtype);
  torch::NoGradGuard no_grad;
  BatchDecoder decoder(m);
  const int64_t vocab = m->config().vocab_size;
  // Different lengths, so every prompt but the longest is padded (one by more than the window).
  const std::vector<std::vector<int64_t>> prompts = {testing::random_ids(9, vocab, 1), testing::random_ids(3, vocab, 2),
                                                     testing::random_ids(14, vocab, 3), testing::random_ids(1, vocab, 4),
                                                     testing::random_ids(14, vocab, 5)};
  const int steps = 10;

  std::vector<model::KVCache> alone_caches, together_caches;
  for (const auto& p : prompts) {
    alone_caches.push_back(decoder.make_cache(static_cast<int64_t>(p.size()) + steps));
    together_caches.push_back(decoder.make_cache(static_cast<int64_t>(p.size()) + 2));  // grows while decoding
  }
  std::vector<model::KVCache*> alone_ptrs, together_ptrs;
  std::vector<at::Tensor> alone_logits, together_logits;
  for (size_t i = 0; i < prompts.size(); ++i) {
    alone_ptrs.push_back(&alone_caches[i]);
    together_ptrs.push_back(&together_caches[i]);
    alone_logits.push_back(decoder.prefill(prompts[i], alone_caches[i]));
  }
  auto together = decoder.prefill_together(prompts, together_ptrs);
  ASSERT_EQ(together.sizes(), (std::vector<int64_t>{static_cast<int64_t>(prompts.size()), vocab}));
  ASSERT_EQ(together.scalar_type(), torch::kFloat);
  for (size_t i = 0; i < prompts.size(); ++i) {
    EXPECT_EQ(together_caches[i].length(), static_cast<int64_t>(prompts[i].size())) << "prompt " << i;
    const auto row = together[static_cast<int64_t>(i)];
    const double diff = (row - alone_logits[i]).abs().max().item<double>();
    const double scale = alone_logits[i].abs().max().item<double>();
    EXPECT_GT(scale, 0.1) << "logits this small would hide a difference";
    if (GetParam().dtype == torch::kFloat) {
      EXPECT_TRUE(torch::allclose(row, alone_logits[i], 1e-5, 1e-5)) << "prompt " << i << ": max |diff| " << diff;
    } else {
      // bfloat16 keeps 8 bits: the padded pass's GEMMs round a few logits one step apart.
      EXPECT_LE(diff, 0.02 * scale) << "prompt " << i << " (max |logit| " << scale << ")";
    }
    together_logits.push_back(row);
  }

  // Decoding on, each one alone, then all of them from the shared pass's caches.
  std::vector<std::vector<int64_t>> expected;
  for (size_t i = 0; i < prompts.size(); ++i)
    expected.push_back(decode_together(decoder, {alone_logits[i]}, {alone_ptrs[i]}, steps).front());
  const auto got = decode_together(decoder, together_logits, together_ptrs, steps);
  for (size_t i = 0; i < prompts.size(); ++i) EXPECT_EQ(got[i], expected[i]) << "prompt " << i;
  std::set<std::vector<int64_t>> distinct(expected.begin(), expected.end());
  EXPECT_GT(distinct.size(), 1u) << "every prompt decoding the same tokens would not show a mix-up";
}

const FamilyCase kFamilies[] = {{"llama_gqa", llama_gqa},           {"llama_tied_mha", llama_tied_mha},
                                {"qwen3", qwen3},                   {"qwen2_sliding", qwen2_sliding},
                                {"mistral_window", mistral_window},
                                {"qwen3_bf16", qwen3, torch::kBFloat16},
                                {"mistral_window_bf16", mistral_window, torch::kBFloat16}};
INSTANTIATE_TEST_SUITE_P(Families, BatchedPrefill, ::testing::ValuesIn(kFamilies),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(BatchedPrefillChecks, RefusesMismatchedFullOrEmptyInput) {
  auto m = testing::make_tiny_model(testing::tiny_config(), 5);
  torch::NoGradGuard no_grad;
  BatchDecoder decoder(m);
  auto a = decoder.make_cache(8), b = decoder.make_cache(8);
  EXPECT_THROW(decoder.prefill_together({}, {}), std::invalid_argument);
  EXPECT_THROW(decoder.prefill_together({{5, 6}, {7}}, {&a}), std::invalid_argument);
  EXPECT_THROW(decoder.prefill_together({{5, 6}, {}}, {&a, &b}), std::invalid_argument);
  decoder.prefill({5, 6}, a);
  EXPECT_THROW(decoder.prefill_together({{5, 6}, {7}}, {&a, &b}), std::invalid_argument) << "a cache already in use";
}

TEST(PrefillPlan, SimilarLengthsShareAPass) {
  EXPECT_EQ(plan_prefill_passes(std::vector<int64_t>(8, 41)), (std::vector<std::vector<size_t>>{{0, 1, 2, 3, 4, 5, 6, 7}}));
  // 5 tokens padded to 40 would be mostly padding: it goes alone.
  EXPECT_EQ(plan_prefill_passes({41, 41, 5, 40}), (std::vector<std::vector<size_t>>{{2}, {3, 0, 1}}));
  EXPECT_TRUE(plan_prefill_passes({}).empty());
}

TEST(PrefillPlan, TokensOfAPassAreCapped) {
  PrefillLimits limits;
  limits.max_tokens = 1000;
  const auto passes = plan_prefill_passes(std::vector<int64_t>(8, 300), limits);
  EXPECT_EQ(passes, (std::vector<std::vector<size_t>>{{0, 1, 2}, {3, 4, 5}, {6, 7}}));
  EXPECT_EQ(plan_prefill_passes({3000, 3000}, limits), (std::vector<std::vector<size_t>>{{0}, {1}}))
      << "a prompt over the cap still runs, alone";
}

TEST(PrefillPlan, EveryPromptExactlyOnceWithinTheLimits) {
  auto generator = at::detail::createCPUGenerator(3);
  auto drawn = at::randint(1, 400, {200}, generator, torch::kLong);
  const std::vector<int64_t> lengths(drawn.data_ptr<int64_t>(), drawn.data_ptr<int64_t>() + drawn.numel());
  const PrefillLimits limits;
  std::vector<int> seen(lengths.size(), 0);
  size_t shared = 0;
  for (const auto& pass : plan_prefill_passes(lengths, limits)) {
    int64_t longest = 0, real = 0;
    for (size_t index : pass) {
      ++seen.at(index);
      longest = std::max(longest, lengths[index]);
      real += lengths[index];
    }
    const int64_t padded = longest * static_cast<int64_t>(pass.size());
    if (pass.size() > 1) {
      ++shared;
      EXPECT_LE(padded, limits.max_tokens);
      EXPECT_LE(static_cast<double>(padded - real), limits.max_padding * static_cast<double>(real));
    }
  }
  EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), static_cast<long>(lengths.size()));
  EXPECT_GT(shared, 10u) << "200 random lengths should give many shared passes";
}

// Requests that arrive together (two adapters and the base, prompts of several lengths) answered
// by the scheduler's batch, each exactly as ChatEngine::answer gives it alone.
TEST(SchedulerBatchedPrefill, AnswersEqualOneRequestAtATime) {
  const auto& models = generate::test::chat_models();
  generate::ChatEngine engine(models.base, runtime::ComputeOptions{});
  engine.load_adapter(models.adapter_x, "x");
  engine.load_adapter(models.adapter_y, "y");
  const std::vector<std::string> questions = {"发烧", "头痛 三天 了 怎么办", "fever", "咳嗽 咳痰 胸闷 气短 一周", "高血压"};
  const std::vector<std::string> adapters = {"", "x", "y"};
  std::vector<ServeRequest> requests;
  for (size_t i = 0; i < 9; ++i) {
    ServeRequest request;
    request.endpoint = Endpoint::Completions;
    request.chat.question = questions[i % questions.size()];
    request.chat.template_name = "raw";
    request.chat.adapter = adapters[i % adapters.size()];
    request.chat.sampling = i % 4 == 3 ? generate::test::sampled_params(8, 40 + i) : generate::test::greedy_params(10);
    requests.push_back(request);
  }
  std::vector<generate::ChatReply> expected;
  for (const auto& request : requests) expected.push_back(engine.answer(request.chat));

  SchedulerOptions options;
  options.max_batch = 8;
  Scheduler scheduler(engine, options);
  scheduler.start();
  // A long answer in front keeps the scheduler busy, so the others queue up and join together.
  ServeRequest first = requests.front();
  first.chat.sampling = generate::test::greedy_params(60);
  auto leader = std::make_shared<ServeJob>(first);
  ASSERT_TRUE(scheduler.submit(leader));
  std::vector<std::shared_ptr<ServeJob>> jobs;
  for (const auto& request : requests) {
    jobs.push_back(std::make_shared<ServeJob>(request));
    ASSERT_TRUE(scheduler.submit(jobs.back()));
  }
  for (size_t i = 0; i < jobs.size(); ++i) {
    std::string text;
    std::optional<generate::ChatReply> reply;
    while (!reply) {
      auto update = jobs[i]->wait();
      text += update.text;
      ASSERT_FALSE(update.error) << "request " << i << ": " << update.error->what();
      reply = update.reply;
    }
    EXPECT_EQ(reply->tokens, expected[i].tokens) << "request " << i << " (adapter '" << requests[i].chat.adapter << "')";
    EXPECT_EQ(reply->adapter, expected[i].adapter);
    EXPECT_EQ(text, expected[i].text) << "request " << i;
  }
  while (!leader->wait().finished()) {
  }
  scheduler.stop();
  std::set<std::vector<int64_t>> distinct;
  for (const auto& e : expected) distinct.insert(e.tokens);
  EXPECT_GT(distinct.size(), 3u) << "the answers must differ for a mix-up to show";
}

}  // namespace
}  // namespace medlora::serve
