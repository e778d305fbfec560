// The chat engine on a tiny random model with two random adapters: adapter switching against
// a model loaded with one adapter alone, streaming and cancel, routing, grounding, bad words,
// multi-turn history and the safety report.
#include "core/generate/chat_engine.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/generate/loaded_model.h"
#include "core/model/llama_model.h"
#include "core/store/workspace.h"
#include "core/tokenizer/prompt_template.h"
#include "core/tokenizer/tokenizer.h"
#include "tests/core/generate/chat_test_models.h"

namespace medlora::generate {
namespace {

using test::chat_models;
using test::greedy_params;

torch::Tensor last_logits(model::LlamaForCausalLM& m, const std::vector<int64_t>& ids) {
  torch::NoGradGuard no_grad;
  return m.forward(torch::tensor(ids, torch::kLong).view({1, -1}))[0][-1];
}

ChatRequest greedy_request(const std::string& question, int max_new_tokens = 12) {
  ChatRequest request;
  request.question = question;
  request.sampling = greedy_params(max_new_tokens);
  return request;
}

TEST(ChatEngine, AdapterSwitchEqualsTheAdapterLoadedAlone) {
  const auto& models = chat_models();
  ChatEngine engine(models.base, {});
  EXPECT_EQ(engine.load_adapter(models.adapter_x, "x"), "x");
  EXPECT_EQ(engine.load_adapter(models.adapter_y), "adapter-y");
  EXPECT_EQ(engine.adapter_names(), (std::vector<std::string>{"x", "adapter-y"}));
  const auto* base_weights = engine.model()->model->embed_tokens->weight.data_ptr();

  auto request = greedy_request("患者发热三天,伴有咳嗽", 10);
  const auto ids = engine.tokenizer()->encode(engine.build_prompt(request));
  const auto base_reply = engine.answer(request);
  EXPECT_EQ(base_reply.adapter, "");
  const auto base_logits = last_logits(*engine.model(), ids);

  for (const auto& [name, dir] : {std::pair{std::string("adapter-y"), models.adapter_y}, {"x", models.adapter_x},
                                  {"adapter-y", models.adapter_y}}) {
    request.adapter = name;
    const auto reply = engine.answer(request);
    EXPECT_EQ(reply.adapter, name);
    EXPECT_EQ(engine.active_adapter(), name);
    const auto engine_logits = last_logits(*engine.model(), ids);

    auto alone = load_model_for_generation(models.base, dir, {});
    Generator generator(alone.model, alone.tokenizer);
    const auto expected = generator.generate(reply.prompt, request.sampling);
    EXPECT_EQ(reply.tokens, expected.tokens) << name;
    EXPECT_EQ(reply.text, expected.text) << name;
    const auto alone_logits = last_logits(*alone.model, ids);
    EXPECT_TRUE(torch::allclose(engine_logits, alone_logits, 1e-4, 1e-5)) << name;
    EXPECT_FALSE(torch::allclose(engine_logits, base_logits, 1e-3, 1e-3)) << name << " does not change the model";
  }
  EXPECT_EQ(engine.model()->model->embed_tokens->weight.data_ptr(), base_weights) << "the base was reloaded";

  request.adapter = "";
  EXPECT_TRUE(torch::allclose(last_logits(*engine.model(), ids), last_logits(*engine.model(), ids)));
  EXPECT_EQ(engine.answer(request).tokens, base_reply.tokens) << "back on the base model";
  request.adapter = "nope";
  EXPECT_THROW(engine.answer(request), std::invalid_argument);
}

TEST(ChatEngine, StreamedPiecesConcatenateToTheText) {
  ChatEngine engine(chat_models().base, {});
  auto request = greedy_request("The patient has had fever and cough for 3 days.", 30);
  std::string streamed;
  const auto reply = engine.answer(request, [&](const std::string& piece, int64_t) { streamed += piece; });
  ASSERT_FALSE(reply.tokens.empty());
  EXPECT_EQ(streamed, reply.text);
  EXPECT_GT(reply.tokens_per_second, 0);
  EXPECT_EQ(reply.prompt_tokens, static_cast<int64_t>(engine.tokenizer()->encode(reply.prompt).size()));
}

TEST(ChatEngine, CancelFromAnotherThreadStopsTheAnswer) {
  ChatEngine engine(chat_models().base, {});
  auto request = greedy_request("头痛怎么办", 150);
  request.sampling.bad_words_ids = {{engine.tokenizer()->eos_id()}};  // never ends by itself
  std::atomic<bool> cancel{false};
  std::mutex mutex;
  std::condition_variable changed;
  int tokens_seen = 0;
  // The generating thread holds at its third token until the other thread has pressed Stop.
  std::thread stopper([&] {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return tokens_seen >= 3; });
    cancel = true;
    changed.notify_all();
  });
  std::string streamed;
  const auto reply = engine.answer(
      request,
      [&](const std::string& piece, int64_t token) {
        streamed += piece;
        if (token < 0) return;
        std::unique_lock lock(mutex);
        if (++tokens_seen == 3) {
          changed.notify_all();
          changed.wait(lock, [&] { return cancel.load(); });
        }
      },
      &cancel);
  stopper.join();
  EXPECT_EQ(reply.finish_reason, "cancelled");
  EXPECT_EQ(reply.tokens.size(), 3u);
  EXPECT_EQ(streamed, reply.text);
}

TEST(ChatEngine, RouterPicksTheAdapterAndSaysWhy) {
  const auto& models = chat_models();
  ChatEngine engine(models.base, {});
  engine.load_adapter(models.adapter_x, "chronic");
  engine.load_adapter(models.adapter_y, "emergency");
  chat::RoutingRules rules;
  rules.rules = {{"emergency", {"胸痛", "chest pain"}}, {"chronic", {"糖尿病", "diabetes"}}};
  rules.default_adapter = "";
  EXPECT_TRUE(engine.missing_route_adapters(rules).empty());

  auto request = greedy_request("糖尿病患者可以吃水果吗", 4);
  request.adapter = "emergency";  // ignored: the router decides
  request.router = std::make_shared<chat::AdapterRouter>(rules);
  auto reply = engine.answer(request);
  EXPECT_EQ(reply.adapter, "chronic");
  EXPECT_EQ(engine.active_adapter(), "chronic");
  ASSERT_TRUE(reply.route.has_value());
  EXPECT_EQ(reply.route->rule_index, 1);
  EXPECT_NE(reply.route->reason.find("糖尿病"), std::string::npos) << reply.route->reason;

  const auto stored = chat::AnswerMetadata::from_json(to_answer_metadata(reply, "routed").to_json());
  EXPECT_EQ(stored.adapter, "chronic");
  EXPECT_EQ(stored.route_reason, reply.route->reason);

  request.question = "I have chest pain and diabetes";
  reply = engine.answer(request);
  EXPECT_EQ(reply.adapter, "emergency") << "the first matching rule wins";

  request.question = "hello";
  reply = engine.answer(request);
  EXPECT_EQ(reply.adapter, "");
  EXPECT_EQ(reply.route->rule_index, -1);
  EXPECT_FALSE(reply.route->reason.empty());

  rules.default_adapter = "common";  // not loaded
  EXPECT_EQ(engine.missing_route_adapters(rules), std::vector<std::string>{"common"});
  request.router = std::make_shared<chat::AdapterRouter>(rules);
  try {
    engine.answer(request);
    ADD_FAILURE() << "routing to an adapter that is not loaded was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("common"), std::string::npos) << e.what();
  }
}

TEST(ChatEngine, GroundingPutsThePassagesInThePrompt) {
  medlora::testing::TempDir tmp;
  store::Workspace workspace((tmp / "ws.mlw").string());
  store::KnowledgeBase knowledge(workspace);
  knowledge.import_document("糖尿病饮食", "diet.txt",
                            "糖尿病患者应控制碳水化合物的摄入,少吃甜食,多吃蔬菜。\n\n"
                            "Regular exercise helps people with diabetes control their blood sugar.");
  knowledge.import_document("Fever", "fever.txt", "A fever above 39 degrees needs a doctor's visit.");

  ChatEngine engine(chat_models().base, {});
  auto request = greedy_request("糖尿病患者饮食要注意什么", 6);
  const auto plain = engine.answer(request);
  EXPECT_TRUE(plain.passages.empty());

  request.grounding = ChatGrounding{&knowledge, 3, {}};
  const auto grounded = engine.answer(request);
  ASSERT_FALSE(grounded.passages.empty());
  EXPECT_LE(grounded.passages.size(), 3u);
  EXPECT_EQ(grounded.passages.front().document_title, "糖尿病饮食");
  EXPECT_NE(grounded.prompt, plain.prompt);
  EXPECT_NE(grounded.prompt.find("少吃甜食"), std::string::npos) << grounded.prompt;
  EXPECT_NE(grounded.prompt.find(request.question), std::string::npos);
  EXPECT_GT(grounded.prompt_tokens, plain.prompt_tokens);
  EXPECT_EQ(grounded.prompt, engine.build_prompt(request, grounded.passages));

  // The transcript keeps what the answer view shows.
  const auto stored = chat::AnswerMetadata::from_json(to_answer_metadata(grounded, "base").to_json());
  EXPECT_EQ(stored.configuration, "base");
  EXPECT_EQ(stored.passages, grounded.passages);
  EXPECT_EQ(stored.tokens, static_cast<int64_t>(grounded.tokens.size()));
  EXPECT_EQ(stored.finish_reason, grounded.finish_reason);
  EXPECT_EQ(static_cast<uint64_t>(stored.seed), grounded.seed);

  request.grounding->top_k = 1;
  EXPECT_EQ(engine.answer(request).passages.size(), 1u);
  request.grounding->knowledge_base = nullptr;
  EXPECT_THROW(engine.answer(request), std::invalid_argument);
}

TEST(ChatEngine, BadWordIdsNeverAppear) {
  ChatEngine engine(chat_models().base, {});
  auto request = greedy_request("The patient has a headache", 24);
  const auto free_run = engine.answer(request);
  ASSERT_GE(free_run.tokens.size(), 4u);
  // Ban the tokens the model likes best here: the first ones it wrote.
  std::vector<std::vector<int64_t>> banned;
  for (size_t i = 0; i < 4; ++i) banned.push_back({free_run.tokens[i]});
  request.sampling.bad_words_ids = banned;
  const auto reply = engine.answer(request);
  ASSERT_FALSE(reply.tokens.empty());
  for (const auto& ban : banned)
    EXPECT_EQ(std::count(reply.tokens.begin(), reply.tokens.end(), ban[0]), 0) << "banned id " << ban[0];

  const auto words = engine.bad_words_ids({"fever"});
  ASSERT_FALSE(words.empty());
  EXPECT_EQ(words.front(), engine.tokenizer()->encode("fever", false));
  EXPECT_THROW(engine.bad_words_ids({""}), std::invalid_argument);
}

TEST(ChatEngine, HistoryIsRenderedAsAConversation) {
  ChatEngine engine(chat_models().base, {});
  auto request = greedy_request("还需要做什么检查?", 6);
  request.history = {{"孩子发热两天", "多喝水,注意休息。"}, {"体温39度", "建议尽快到医院就诊。"}};
  request.instruction = "你是一名医生。";
  const auto reply = engine.answer(request);
  const auto& clinic = tokenizer::find_template("clinic");
  EXPECT_EQ(reply.prompt, tokenizer::render_conversation(clinic,
                                                         {{"孩子发热两天", "多喝水,注意休息。"},
                                                          {"体温39度", "建议尽快到医院就诊。"}},
                                                         "还需要做什么检查?", "你是一名医生。"));
  request.template_name = "clinic-en";
  EXPECT_EQ(engine.answer(request).prompt,
            tokenizer::render_conversation(tokenizer::find_template("clinic-en"),
                                           {{"孩子发热两天", "多喝水,注意休息。"}, {"体温39度", "建议尽快到医院就诊。"}},
                                           "还需要做什么检查?", "你是一名医生。"));
  request.custom_template = "Q: {input}\nA:";
  request.instruction.clear();
  EXPECT_EQ(engine.answer(request).prompt.rfind("Q: 孩子发热两天\nA:多喝水", 0), 0u);
  request.question.clear();
  EXPECT_THROW(engine.answer(request), std::invalid_argument);
}

TEST(ChatEngine, OldestTurnsGiveWayWhenTheContextIsFull) {
  ChatEngine engine(chat_models().base, {});
  const int64_t context = engine.model()->config().max_position_embeddings;
  auto request = greedy_request("那现在怎么办?", 60);
  request.template_name = "raw";  // short turns: several fit, not all twelve
  for (int i = 0; i < 12; ++i)
    request.history.push_back({"第" + std::to_string(i) + "天,患者发热咳嗽,伴有头痛和乏力。",
                               "建议多喝水,注意休息,如症状加重请及时复诊。"});
  const auto reply = engine.answer(request);
  EXPECT_GT(reply.history_used, 0u);
  EXPECT_LT(reply.history_used, request.history.size());
  EXPECT_LE(reply.prompt_tokens + request.sampling.max_new_tokens, context);
  EXPECT_NE(reply.prompt.find("第11天"), std::string::npos) << "the latest turn stays";
  EXPECT_EQ(reply.prompt.find("第0天"), std::string::npos) << "the oldest turn goes";
  request.history.resize(1);
  EXPECT_EQ(engine.answer(request).history_used, 1u);
}

TEST(ChatEngine, SafetyReportComesWithTheAnswerEvenWhenCancelled) {
  ChatEngine engine(chat_models().base, {});
  auto request = greedy_request("I have had a headache for two days", 20);
  const auto free_run = engine.answer(request);
  ASSERT_FALSE(free_run.text.empty());
  EXPECT_FALSE(free_run.safety.has_value()) << "no rules, no report";

  // A "dangerous advice" rule that matches any answer with text.
  auto rules = chat::SafetyRules::defaults();
  chat::SafetyPattern pattern;
  pattern.id = "test-pattern";
  pattern.category = "test";
  pattern.description = "any text at all";
  pattern.regex = "[\\s\\S]";
  rules.dangerous_advice.push_back(pattern);
  request.safety = std::make_shared<chat::SafetyFilter>(rules);
  auto reply = engine.answer(request);
  EXPECT_EQ(reply.text, free_run.text) << "the filter flags, it never rewrites";
  ASSERT_TRUE(reply.safety.has_value());
  EXPECT_TRUE(std::any_of(reply.safety->flags.begin(), reply.safety->flags.end(),
                          [](const chat::SafetyFlag& f) { return f.rule_id == "test-pattern"; }));
  EXPECT_FALSE(reply.safety->disclaimer.empty());

  // Cancelled before the first token: the question is still checked for emergency symptoms.
  request.question = "突然胸痛,出冷汗";
  std::atomic<bool> cancel{true};
  reply = engine.answer(request, {}, &cancel);
  EXPECT_EQ(reply.finish_reason, "cancelled");
  EXPECT_TRUE(reply.text.empty());
  ASSERT_TRUE(reply.safety.has_value());
  EXPECT_TRUE(reply.safety->emergency());
  EXPECT_TRUE(reply.safety->has(chat::SafetyFlagKind::EmergencyQuestion));
}

TEST(ChatEngine, UnseededRequestsReportTheSeedThatReproducesThem) {
  ChatEngine engine(chat_models().base, {});
  ChatRequest request;
  request.question = "咳嗽一周";
  request.sampling = test::sampled_params(12, 0);
  request.sampling.seed.reset();
  const auto first = engine.answer(request);
  request.sampling.seed = first.seed;
  EXPECT_EQ(engine.answer(request).tokens, first.tokens);
}

}  // namespace
}  // namespace medlora::generate
