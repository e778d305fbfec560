#include "core/train/run_config.h"

#include <gtest/gtest.h>

#include <QJsonDocument>

#include <fstream>

#include "core/train/train_error.h"
#include "tests/support/temp_dir.h"

namespace medlora::train {
namespace {

QJsonObject parse(const std::string& text) { return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object(); }

const std::string kMinimal = R"({"base_model": "base", "train_file": "data/train.jsonl", "output_dir": "runs/a",
  "lora": {"r": 8}})";

std::string error_of(const std::string& text) {
  try {
    RunConfig::from_json(parse(text), "/cfg", "RUN.json");
  } catch (const TrainingError& e) {
    return e.what();
  }
  return "";
}

TEST(RunConfigTest, DefaultsFollowTheIssue) {
  const auto c = RunConfig::from_json(parse(kMinimal), "/cfg");
  EXPECT_EQ(c.mode, TrainingMode::Lora);
  EXPECT_EQ(c.lora.r, 8);
  EXPECT_DOUBLE_EQ(c.training.learning_rate, 2e-4);
  EXPECT_DOUBLE_EQ(c.training.weight_decay, 0.01);
  EXPECT_DOUBLE_EQ(c.training.warmup_ratio, 0.1);
  EXPECT_EQ(c.training.micro_batch_size, 4);
  EXPECT_EQ(c.training.gradient_accumulation_steps, 8);
  EXPECT_EQ(c.training.max_length, 512);
  EXPECT_EQ(c.training.save_total_limit, 3);
  EXPECT_EQ(c.training.epochs, 3);
  EXPECT_EQ(c.training.lr_scheduler, LrSchedulerKind::Cosine);
}

TEST(RunConfigTest, RelativePathsResolveAgainstTheConfigFolder) {
  const auto c = RunConfig::from_json(parse(kMinimal), "/cfg");
  EXPECT_EQ(c.base_model, std::filesystem::path("/cfg/base"));
  EXPECT_EQ(c.train_file, std::filesystem::path("/cfg/data/train.jsonl"));
  EXPECT_EQ(c.output_dir, std::filesystem::path("/cfg/runs/a"));
}

TEST(RunConfigTest, UnknownKeysNameTheKey) {
  EXPECT_NE(error_of(R"({"base_model": "b", "train_file": "t.jsonl", "output_dir": "o", "lerning_rate": 1})")
                .find("\"lerning_rate\""),
            std::string::npos);
  EXPECT_NE(error_of(R"({"base_model": "b", "train_file": "t.jsonl", "output_dir": "o", "training": {"warmup": 0.1}})")
                .find("\"training.warmup\""),
            std::string::npos);
  EXPECT_NE(error_of(R"({"base_model": "b", "train_file": "t.jsonl", "output_dir": "o", "lora": {"rank": 4}})")
                .find("\"lora.rank\""),
            std::string::npos);
}

TEST(RunConfigTest, BadValuesNameTheKey) {
  const std::string head = R"({"base_model": "b", "train_file": "t.jsonl", "output_dir": "o", )";
  EXPECT_NE(error_of(head + R"("training": {"learning_rate": -1}})").find("training.learning_rate"), std::string::npos);
  EXPECT_NE(error_of(head + R"("training": {"micro_batch_size": 2.5}})").find("training.micro_batch_size"), std::string::npos);
  EXPECT_NE(error_of(head + R"("training": {"lr_scheduler": "step"}})").find("training.lr_scheduler"), std::string::npos);
  EXPECT_NE(error_of(head + R"("training": {"dtype": "int8"}})").find("training.dtype"), std::string::npos);
  EXPECT_NE(error_of(head + R"("training": {"seed": "x"}})").find("training.seed"), std::string::npos);
  EXPECT_NE(error_of(head + R"("lora": {"r": 0}})").find("lora.r"), std::string::npos);
  EXPECT_NE(error_of(head + R"("device": "tpu"})").find("\"device\""), std::string::npos);
  EXPECT_NE(error_of(head + R"("training": {"early_stopping_patience": 2}})").find("early_stopping_patience"), std::string::npos);
  EXPECT_NE(error_of(R"({"train_file": "t.jsonl", "output_dir": "o"})").find("base_model"), std::string::npos);
}

TEST(RunConfigTest, FullModeWithoutLoraSection) {
  const auto c = RunConfig::from_json(parse(R"({"base_model": "b", "train_file": "t.txt", "output_dir": "o"})"), "/x");
  EXPECT_EQ(c.mode, TrainingMode::Full);
  const auto d = RunConfig::from_json(parse(R"({"base_model": "b", "train_file": "t.txt", "output_dir": "o", "mode": "full",
    "training": {"max_steps": 5, "lr_scheduler": "linear", "train_on_prompt": true}})"), "/x");
  EXPECT_EQ(d.mode, TrainingMode::Full);
  EXPECT_EQ(d.training.max_steps, 5);
  EXPECT_EQ(d.training.lr_scheduler, LrSchedulerKind::Linear);
  EXPECT_TRUE(d.training.train_on_prompt);
}

TEST(RunConfigTest, FileErrorsGiveTheLine) {
  medlora::testing::TempDir dir;
  const auto file = dir / "RUN.json";
  std::ofstream(file) << "{\n  \"base_model\": \"b\",\n  \"train_file\": ,\n}\n";
  try {
    RunConfig::from_json_file(file);
    FAIL() << "expected an error";
  } catch (const TrainingError& e) {
    EXPECT_NE(std::string(e.what()).find("RUN.json:3"), std::string::npos) << e.what();
  }
}

TEST(RunConfigTest, RoundTripsThroughJson) {
  const auto c = RunConfig::from_json(parse(R"({"base_model": "b", "train_file": "t.jsonl", "output_dir": "o", "val_size": 0.1,
    "lora": {"r": 4, "alpha": 8, "target_modules": ["q_proj", "v_proj"]}, "training": {"max_steps": 7}})"), "/x");
  const auto again = RunConfig::from_json(c.to_json(), "/elsewhere");
  EXPECT_EQ(again.base_model, c.base_model);
  EXPECT_EQ(again.lora.target_modules, c.lora.target_modules);
  EXPECT_EQ(again.training.max_steps, 7);
  EXPECT_DOUBLE_EQ(again.val_size, 0.1);
}

}  // namespace
}  // namespace medlora::train
