// Side by side on a tiny model: one seed for every configuration, answers equal to separate
// runs, one loaded base per model folder, per-column streaming, cancel and failures.
#include "core/generate/side_by_side.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/lora/lora_model.h"
#include "core/lora/peft_adapter.h"
#include "core/model/model_loader.h"
#include "tests/core/generate/chat_test_models.h"

namespace medlora::generate {
namespace {

using test::chat_models;
using test::sampled_params;

// Base + adapter X merged for good, written as its own model folder.
std::filesystem::path write_merged_model(const std::filesystem::path& dir) {
  const auto& models = chat_models();
  auto m = model::load_llama(models.base, {});
  lora::load_peft_adapter(*m, models.adapter_x);
  lora::merge_and_unload(*m);
  model::save_llama(*m, dir, torch::kFloat);
  std::filesystem::copy_file(models.base / "tokenizer.model", dir / "tokenizer.model");
  return dir;
}

ChatRequest sampled_request(const std::string& question, uint64_t seed) {
  ChatRequest request;
  request.question = question;
  request.sampling = sampled_params(16, seed);
  return request;
}

TEST(SideBySide, SameSeedEqualsSeparateRunsAndSharesTheBase) {
  const auto& models = chat_models();
  medlora::testing::TempDir tmp;
  const auto merged = write_merged_model(tmp / "merged-x");
  const std::vector<ModelConfiguration> configurations = {
      {"base", models.base, std::nullopt, {}, nullptr},
      {"adapter x", models.base, AdapterSpec{"x", models.adapter_x}, {}, nullptr},
      {"adapter y", models.base, AdapterSpec{"", models.adapter_y}, {}, nullptr},
      {"merged x", merged, std::nullopt, {}, nullptr},
  };
  const auto request = sampled_request("患者发热三天,伴有咳嗽。怎么办?", 1234);

  EnginePool pool({});
  SideBySide side_by_side(pool);
  std::vector<std::string> streamed(configurations.size());
  std::vector<size_t> started;
  const auto results = side_by_side.run(
      request, configurations, [&](size_t i, const std::string& piece) { streamed.at(i) += piece; }, nullptr,
      [&](size_t i) { started.push_back(i); });
  EXPECT_EQ(pool.size(), 2u) << "base, x and y share one loaded base; the merged folder is its own";
  EXPECT_EQ(pool.engine(models.base).adapter_names(), (std::vector<std::string>{"x", "adapter-y"}));
  EXPECT_EQ(started, (std::vector<size_t>{0, 1, 2, 3}));
  ASSERT_EQ(results.size(), 4u);

  std::vector<std::vector<int64_t>> separate_tokens;
  for (size_t i = 0; i < configurations.size(); ++i) {
    const auto& result = results[i];
    ASSERT_TRUE(result.ran) << result.label << ": " << result.error;
    EXPECT_EQ(result.label, configurations[i].label);
    EXPECT_EQ(result.reply.seed, 1234u);
    EXPECT_EQ(streamed[i], result.reply.text) << result.label;
    // The same configuration on its own: a fresh engine, only its adapter.
    ChatEngine alone(configurations[i].model_dir, {});
    auto own = request;
    if (configurations[i].adapter) own.adapter = alone.load_adapter(configurations[i].adapter->dir);
    const auto expected = alone.answer(own);
    EXPECT_EQ(result.reply.tokens, expected.tokens) << result.label;
    EXPECT_EQ(result.reply.text, expected.text) << result.label;
    separate_tokens.push_back(expected.tokens);
  }
  EXPECT_EQ(results[1].reply.adapter, "x");
  EXPECT_EQ(results[2].reply.adapter, "adapter-y");
  EXPECT_NE(separate_tokens[0], separate_tokens[1]) << "adapter x changes nothing: the comparison proves little";

  // Unseeded: one seed is drawn and shared, so columns differ only by model.
  auto unseeded = request;
  unseeded.sampling.seed.reset();
  const auto again = side_by_side.run(unseeded, {configurations[0], configurations[1]});
  EXPECT_EQ(again[0].reply.seed, again[1].reply.seed);
}

TEST(SideBySide, CancelStopsTheRunningColumnAndSkipsTheRest) {
  const auto& models = chat_models();
  EnginePool pool({});
  SideBySide side_by_side(pool);
  auto request = sampled_request("头痛", 7);
  request.sampling.max_new_tokens = 100;
  const std::vector<ModelConfiguration> configurations = {
      {"base", models.base, std::nullopt, {}, nullptr},
      {"x", models.base, AdapterSpec{"x", models.adapter_x}, {}, nullptr},
      {"y", models.base, AdapterSpec{"y", models.adapter_y}, {}, nullptr},
  };
  std::atomic<bool> cancel{false};
  size_t pieces_of_second = 0;
  const auto results = side_by_side.run(
      request, configurations,
      [&](size_t i, const std::string&) {
        if (i == 1 && ++pieces_of_second == 2) cancel = true;
      },
      &cancel);
  EXPECT_TRUE(results[0].ran);
  EXPECT_NE(results[0].reply.finish_reason, "cancelled");
  EXPECT_TRUE(results[1].ran);
  EXPECT_EQ(results[1].reply.finish_reason, "cancelled");
  EXPECT_EQ(results[1].reply.tokens.size(), 2u);
  EXPECT_FALSE(results[2].ran);
  EXPECT_EQ(results[2].reply.finish_reason, "cancelled");
  EXPECT_TRUE(results[2].reply.text.empty());
}

TEST(SideBySide, AFailingConfigurationDoesNotStopTheOthers) {
  const auto& models = chat_models();
  medlora::testing::TempDir tmp;
  EnginePool pool({});
  SideBySide side_by_side(pool);
  const auto request = sampled_request("咳嗽", 3);
  const auto results = side_by_side.run(request, {{"missing", models.base, AdapterSpec{"m", tmp / "nope"}, {}, nullptr},
                                                  {"base", models.base, std::nullopt, {}, nullptr}});
  EXPECT_FALSE(results[0].ran);
  EXPECT_EQ(results[0].reply.finish_reason, "error");
  EXPECT_NE(results[0].error.find("nope"), std::string::npos) << results[0].error;
  EXPECT_TRUE(results[1].ran);

  const ModelConfiguration base{"base", models.base, std::nullopt, {}, nullptr};
  EXPECT_THROW(side_by_side.run(request, {base}), std::invalid_argument);
  EXPECT_THROW(side_by_side.run(request, {base, base}), std::invalid_argument) << "duplicate labels";
  EXPECT_THROW(side_by_side.run(request, {base, {"b", models.base}, {"c", models.base}, {"d", models.base},
                                          {"e", models.base}}),
               std::invalid_argument);
  // One name, two folders: refused rather than silently answering with the first.
  pool.prepare({"x", models.base, AdapterSpec{"x", models.adapter_x}, {}, nullptr}, request);
  EXPECT_THROW(pool.prepare({"z", models.base, AdapterSpec{"x", models.adapter_y}, {}, nullptr}, request),
               std::invalid_argument);
}

TEST(SideBySide, RoutedConfigurationLoadsItsAdapters) {
  const auto& models = chat_models();
  EnginePool pool({});
  chat::RoutingRules rules;
  rules.rules = {{"chronic", {"糖尿病"}}};
  ModelConfiguration routed{"routed", models.base, std::nullopt, {{"chronic", models.adapter_x}}, nullptr};
  routed.router = std::make_shared<chat::AdapterRouter>(rules);
  auto prepared = pool.prepare(routed, sampled_request("糖尿病", 1));
  EXPECT_EQ(prepared.engine->adapter_names(), std::vector<std::string>{"chronic"});
  const auto reply = prepared.engine->answer(prepared.request);
  EXPECT_EQ(reply.adapter, "chronic");
  ASSERT_TRUE(reply.route.has_value());

  rules.default_adapter = "common";
  routed.router = std::make_shared<chat::AdapterRouter>(rules);
  EXPECT_THROW(pool.prepare(routed, sampled_request("糖尿病", 1)), std::invalid_argument) << "common is not loaded";
}

}  // namespace
}  // namespace medlora::generate
