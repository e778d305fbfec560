// Test-set runs on a tiny model: answers in question order through every configuration,
// progress, resume by skipping done pairs, cancel, and storing the answers in a workspace.
#include "core/generate/test_set_runner.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <set>

#include "core/chat/safety_filter.h"
#include "core/store/test_set_runs.h"
#include "core/store/workspace.h"
#include "tests/core/generate/chat_test_models.h"

namespace medlora::generate {
namespace {

using test::chat_models;

std::vector<store::TestQuestion> questions() {
  return {{"", "患者发热三天怎么办?", "多喝水,注意休息。"},
          {"bp", "高血压患者日常需要注意什么?", ""},
          {"", "The patient has had a cough for a week.", "See a doctor."}};
}

std::vector<ModelConfiguration> configurations() {
  const auto& models = chat_models();
  return {{"base", models.base, std::nullopt, {}, nullptr},
          {"lora-x", models.base, AdapterSpec{"x", models.adapter_x}, {}, nullptr}};
}

ChatRequest settings(std::optional<uint64_t> seed) {
  ChatRequest request;
  request.sampling = test::sampled_params(8, seed.value_or(0));
  request.sampling.seed = seed;
  return request;
}

TEST(TestSetRunner, AnswersEveryPairInOrderWithProgress) {
  EnginePool pool({});
  TestSetRunner runner(pool);
  std::vector<TestSetAnswer> answers;
  std::vector<std::pair<size_t, size_t>> progress;
  const auto summary = runner.run(
      questions(), configurations(), settings(99), [&](const TestSetAnswer& a) { answers.push_back(a); }, {},
      [&](size_t done, size_t total) { progress.emplace_back(done, total); });
  EXPECT_EQ(summary.total, 6u);
  EXPECT_EQ(summary.answered, 6u);
  EXPECT_EQ(summary.skipped, 0u);
  EXPECT_FALSE(summary.cancelled);
  ASSERT_EQ(answers.size(), 6u);
  ASSERT_EQ(progress.size(), 7u);
  EXPECT_EQ(progress.front(), (std::pair<size_t, size_t>{0, 6}));
  EXPECT_EQ(progress.back(), (std::pair<size_t, size_t>{6, 6}));

  const std::vector<std::string> items = {"q1", "q1", "bp", "bp", "q2", "q2"};
  for (size_t i = 0; i < answers.size(); ++i) {
    const auto& a = answers[i];
    EXPECT_EQ(a.item, items[i]);
    EXPECT_EQ(a.question_index, i / 2);
    EXPECT_EQ(a.configuration_index, i % 2);
    EXPECT_EQ(a.system, i % 2 == 0 ? "base" : "lora-x");
    EXPECT_EQ(a.status, "done");
    EXPECT_EQ(a.reply.seed, 99u);
    EXPECT_EQ(a.reply.adapter, i % 2 == 0 ? "" : "x");
    EXPECT_EQ(a.question, questions()[i / 2].question);
    EXPECT_EQ(a.reference, questions()[i / 2].reference);
  }
  // Each answer is what the configuration says on its own with that seed.
  ChatEngine alone(chat_models().base, {});
  auto request = settings(99);
  request.question = questions()[1].question;
  request.adapter = alone.load_adapter(chat_models().adapter_x, "x");
  EXPECT_EQ(alone.answer(request).tokens, answers[3].reply.tokens);
}

TEST(TestSetRunner, ResumesBySkippingDonePairsAndStopsOnCancel) {
  EnginePool pool({});
  TestSetRunner runner(pool);
  std::vector<TestSetAnswer> answers;
  std::vector<std::pair<size_t, size_t>> progress;
  auto summary = runner.run(
      questions(), configurations(), settings(5), [&](const TestSetAnswer& a) { answers.push_back(a); },
      [](size_t q, size_t c) { return q == 0 || (q == 1 && c == 0); },
      [&](size_t done, size_t total) { progress.emplace_back(done, total); });
  EXPECT_EQ(summary.skipped, 3u);
  EXPECT_EQ(summary.answered, 3u);
  ASSERT_EQ(answers.size(), 3u);
  EXPECT_EQ(answers[0].item, "bp");
  EXPECT_EQ(answers[0].system, "lora-x");
  EXPECT_EQ(progress.front(), (std::pair<size_t, size_t>{3, 6}));
  EXPECT_EQ(progress.back(), (std::pair<size_t, size_t>{6, 6}));

  answers.clear();
  std::atomic<bool> cancel{false};
  summary = runner.run(
      questions(), configurations(), settings(5),
      [&](const TestSetAnswer& a) {
        answers.push_back(a);
        if (answers.size() == 2) cancel = true;
      },
      {}, {}, &cancel);
  EXPECT_TRUE(summary.cancelled);
  EXPECT_EQ(answers.size(), 2u);
  EXPECT_EQ(summary.answered, 2u);

  EXPECT_THROW(runner.run({}, configurations(), settings(5), {}), std::invalid_argument);
  EXPECT_THROW(runner.run({{"a", "x", ""}, {"a", "y", ""}}, configurations(), settings(5), {}),
               std::invalid_argument)
      << "duplicate items";
  EXPECT_THROW(runner.run(questions(), {}, settings(5), {}), std::invalid_argument);
}

TEST(TestSetRunner, ItemsAreNumberedLikeTheStoreNumbersThem) {
  EXPECT_EQ(TestSetRunner::assign_items({{"", "a", ""}, {"q1", "b", ""}, {"", "c", ""}}),
            (std::vector<std::string>{"q2", "q1", "q3"}));
  EXPECT_THROW(TestSetRunner::assign_items({{"x", "a", ""}, {"x", "b", ""}}), std::invalid_argument);
}

TEST(TestSetRunner, UnseededRunsShareOneSeedPerQuestion) {
  EnginePool pool({});
  TestSetRunner runner(pool);
  std::vector<TestSetAnswer> answers;
  runner.run(questions(), configurations(), settings(std::nullopt),
             [&](const TestSetAnswer& a) { answers.push_back(a); });
  ASSERT_EQ(answers.size(), 6u);
  std::set<uint64_t> seeds;
  for (size_t q = 0; q < 3; ++q) {
    EXPECT_EQ(answers[2 * q].reply.seed, answers[2 * q + 1].reply.seed);
    seeds.insert(answers[2 * q].reply.seed);
  }
  EXPECT_EQ(seeds.size(), 3u);
}

TEST(TestSetRunner, AnswersGoIntoTheWorkspaceAndAResumedRunCompletesIt) {
  medlora::testing::TempDir tmp;
  store::Workspace workspace((tmp / "ws.mlw").string());
  store::TestSetRuns runs(workspace);
  const auto configs = configurations();
  std::vector<store::TestConfiguration> stored_configs;
  for (const auto& c : configs) stored_configs.push_back({c.label, "{}"});
  const int64_t run_id = runs.create("smoke", "test", questions(), stored_configs);
  const auto run = runs.load(run_id);
  ASSERT_TRUE(run.has_value());

  auto settings_with_safety = settings(21);
  settings_with_safety.safety = std::make_shared<chat::SafetyFilter>(chat::SafetyRules::defaults());
  EnginePool pool({});
  TestSetRunner runner(pool);
  auto record = [&](const TestSetAnswer& a) {
    runs.record_answer(run_id, run->questions[a.question_index].id, run->configurations[a.configuration_index].id,
                       to_test_answer_input(a));
  };
  // Interrupted after three answers ...
  std::atomic<bool> cancel{false};
  size_t written = 0;
  runner.run(
      questions(), configs, settings_with_safety,
      [&](const TestSetAnswer& a) {
        record(a);
        if (++written == 3) cancel = true;
      },
      {}, {}, &cancel);
  EXPECT_EQ(runs.missing(run_id).size(), 3u);
  // ... and resumed from what the workspace says is missing.
  const auto missing = runs.missing(run_id);
  auto is_done = [&](size_t q, size_t c) {
    for (const auto& pending : missing)
      if (pending.question_id == run->questions[q].id && pending.configuration_id == run->configurations[c].id)
        return false;
    return true;
  };
  const auto summary = runner.run(questions(), configs, settings_with_safety, record, is_done);
  EXPECT_EQ(summary.skipped, 3u);
  EXPECT_EQ(summary.answered, 3u);
  EXPECT_TRUE(runs.missing(run_id).empty());
  const auto rows = store::answer_rows(*runs.load(run_id));
  ASSERT_EQ(rows.size(), 6u);
  for (size_t q = 0; q < 3; ++q) EXPECT_EQ(run->questions[q].item, TestSetRunner::assign_items(questions())[q]);
  EXPECT_EQ(rows[0].item, "q1");
  EXPECT_EQ(rows[1].system, "lora-x");
}

}  // namespace
}  // namespace medlora::generate
