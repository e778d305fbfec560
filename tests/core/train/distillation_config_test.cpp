// RUN.json's "mode": "distill": the teacher block, temperature and alpha with their defaults,
// the errors for a missing teacher and out-of-range values, and the round trip through to_json.
#include "core/train/run_config.h"

#include <gtest/gtest.h>

#include <QJsonDocument>

#include "core/train/train_error.h"

namespace medlora::train {
namespace {

QJsonObject parse(const std::string& text) { return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object(); }

std::string with(const std::string& extra) {
  return R"({"base_model": "student", "train_file": "t.jsonl", "output_dir": "o", "lora": {"r": 4})" + extra + "}";
}

std::string error_of(const std::string& text) {
  try {
    RunConfig::from_json(parse(text), "/cfg", "RUN.json");
  } catch (const TrainingError& e) {
    return e.what();
  }
  return "";
}

TEST(DistillationConfigTest, DefaultsAndPaths) {
  const auto c = RunConfig::from_json(parse(with(R"(, "mode": "distill", "teacher": {"model": "big"})")), "/cfg");
  ASSERT_TRUE(c.distillation.has_value());
  EXPECT_EQ(c.mode, TrainingMode::Lora) << "the student trains with LoRA";
  EXPECT_EQ(c.lora.r, 4);
  EXPECT_EQ(c.distillation->teacher.model, std::filesystem::path("/cfg/big"));
  EXPECT_TRUE(c.distillation->teacher.adapter.empty());
  EXPECT_EQ(c.distillation->teacher.quantization, "none");
  EXPECT_DOUBLE_EQ(c.distillation->temperature, 3.0);
  EXPECT_DOUBLE_EQ(c.distillation->alpha, 0.7);
}

TEST(DistillationConfigTest, EveryKeyIsReadAndRoundTrips) {
  const auto c = RunConfig::from_json(
      parse(with(R"(, "mode": "distill", "teacher": {"model": "/m/big", "adapter": "ad", "quantization": "nf4"},
                  "temperature": 2.5, "alpha": 0.4)")),
      "/cfg");
  ASSERT_TRUE(c.distillation.has_value());
  EXPECT_EQ(c.distillation->teacher.model, std::filesystem::path("/m/big"));
  EXPECT_EQ(c.distillation->teacher.adapter, std::filesystem::path("/cfg/ad"));
  EXPECT_EQ(c.distillation->teacher.quantization, "nf4");
  EXPECT_DOUBLE_EQ(c.distillation->temperature, 2.5);
  EXPECT_DOUBLE_EQ(c.distillation->alpha, 0.4);

  const auto again = RunConfig::from_json(c.to_json(), "/elsewhere");
  ASSERT_TRUE(again.distillation.has_value());
  EXPECT_EQ(again.distillation->teacher.model, c.distillation->teacher.model);
  EXPECT_EQ(again.distillation->teacher.adapter, c.distillation->teacher.adapter);
  EXPECT_EQ(again.distillation->teacher.quantization, "nf4");
  EXPECT_DOUBLE_EQ(again.distillation->temperature, 2.5);
  EXPECT_DOUBLE_EQ(again.distillation->alpha, 0.4);
}

TEST(DistillationConfigTest, FullParameterStudent) {
  const auto c = RunConfig::from_json(parse(with(R"(, "mode": "distill", "student": "full", "teacher": {"model": "big"})")), "/cfg");
  ASSERT_TRUE(c.distillation.has_value());
  EXPECT_EQ(c.mode, TrainingMode::Full);
  const auto again = RunConfig::from_json(c.to_json(), "/cfg");
  EXPECT_EQ(again.mode, TrainingMode::Full);
  EXPECT_TRUE(again.distillation.has_value());
  EXPECT_EQ(RunConfig::from_json(parse(with(R"(, "mode": "distill", "teacher": {"model": "big"})")), "/cfg").to_json().value("student"),
            "lora");
  EXPECT_NE(error_of(with(R"(, "mode": "distill", "student": "half", "teacher": {"model": "m"})")).find("\"student\": must be"),
            std::string::npos);
  EXPECT_NE(error_of(with(R"(, "student": "full")")).find("\"student\": only applies"), std::string::npos);
}

TEST(DistillationConfigTest, ClearErrors) {
  EXPECT_NE(error_of(with(R"(, "mode": "distill")")).find("key \"teacher\": is required"), std::string::npos);
  EXPECT_NE(error_of(with(R"(, "mode": "distill", "teacher": {})")).find("key \"teacher.model\": is required"),
            std::string::npos);
  EXPECT_NE(error_of(with(R"(, "mode": "distill", "teacher": {"model": "m"}, "temperature": 0)")).find("\"temperature\": must be > 0"),
            std::string::npos);
  EXPECT_NE(error_of(with(R"(, "mode": "distill", "teacher": {"model": "m"}, "temperature": -1)")).find("\"temperature\""),
            std::string::npos);
  EXPECT_NE(error_of(with(R"(, "mode": "distill", "teacher": {"model": "m"}, "alpha": 1.5)")).find("\"alpha\": must be >= 0 and <= 1"),
            std::string::npos);
  EXPECT_NE(error_of(with(R"(, "mode": "distill", "teacher": {"model": "m"}, "alpha": -0.1)")).find("\"alpha\""), std::string::npos);
  EXPECT_NE(error_of(with(R"(, "mode": "distill", "teacher": {"model": "m", "quantization": "int4"})")).find("\"teacher.quantization\""),
            std::string::npos);
  EXPECT_NE(error_of(with(R"(, "mode": "distill", "teacher": {"model": "m", "dtype": "x"})")).find("\"teacher.dtype\": unknown key"),
            std::string::npos);
  EXPECT_NE(error_of(with(R"(, "mode": "distill", "teacher": "m")")).find("\"teacher\": must be an object"), std::string::npos);
  EXPECT_NE(error_of(with(R"(, "mode": "lora", "temperature": 2)")).find("\"temperature\": only applies to \"mode\": \"distill\""),
            std::string::npos);
  EXPECT_NE(error_of(with(R"(, "teacher": {"model": "m"})")).find("\"teacher\": only applies"), std::string::npos);
  EXPECT_EQ(error_of(with(R"(, "mode": "distill", "teacher": {"model": "m"}, "alpha": 0, "temperature": 0.5)")), "");
}

TEST(DistillationConfigTest, PrecomputeTopK) {
  const auto off = RunConfig::from_json(parse(with(R"(, "mode": "distill", "teacher": {"model": "big"})")), "/cfg");
  EXPECT_EQ(off.distillation->teacher.precompute_top_k, 0) << "the teacher runs online unless asked";
  const auto on = RunConfig::from_json(parse(with(R"(, "mode": "distill", "teacher": {"model": "big", "precompute_top_k": true})")), "/cfg");
  EXPECT_EQ(on.distillation->teacher.precompute_top_k, kDefaultPrecomputeTopK);
  EXPECT_EQ(kDefaultPrecomputeTopK, 64);
  const auto k = RunConfig::from_json(parse(with(R"(, "mode": "distill", "teacher": {"model": "big", "precompute_top_k": 16})")), "/cfg");
  EXPECT_EQ(k.distillation->teacher.precompute_top_k, 16);
  const auto again = RunConfig::from_json(k.to_json(), "/cfg");
  EXPECT_EQ(again.distillation->teacher.precompute_top_k, 16);
  EXPECT_EQ(k.to_json().value("teacher").toObject().value("precompute_top_k").toInt(), 16);
  EXPECT_EQ(RunConfig::from_json(parse(with(R"(, "mode": "distill", "teacher": {"model": "big", "precompute_top_k": false})")), "/cfg")
                .distillation->teacher.precompute_top_k,
            0);
  EXPECT_NE(error_of(with(R"(, "mode": "distill", "teacher": {"model": "m", "precompute_top_k": -1})")).find("\"teacher.precompute_top_k\": must be between"),
            std::string::npos);
  EXPECT_NE(error_of(with(R"(, "mode": "distill", "teacher": {"model": "m", "precompute_top_k": 2.5})")).find("\"teacher.precompute_top_k\": must be an integer"),
            std::string::npos);
}

TEST(DistillationConfigTest, OtherModesHaveNoDistillation) {
  EXPECT_FALSE(RunConfig::from_json(parse(with("")), "/cfg").distillation.has_value());
  EXPECT_EQ(RunConfig::from_json(parse(with("")), "/cfg").to_json().value("teacher"), QJsonValue(QJsonValue::Undefined));
}

}  // namespace
}  // namespace medlora::train
