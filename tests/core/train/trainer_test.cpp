#include <torch/torch.h>  // before Qt headers: Qt's "slots" macro breaks torch's ivalue headers
#include "core/train/trainer.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <fstream>

#include "core/train/causal_lm_loss.h"
#include "core/train/checkpoint_io.h"
#include "core/train/train_error.h"
#include "tests/core/train/train_fixtures.h"
#include "tests/support/temp_dir.h"

namespace medlora::train {
namespace {

using namespace medlora::train::testing;
namespace fs = std::filesystem;

std::vector<QJsonObject> read_jsonl(const fs::path& file) {
  std::vector<QJsonObject> out;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) out.push_back(QJsonDocument::fromJson(QByteArray::fromStdString(line)).object());
  return out;
}

TEST(TrainerTest, LossGoesDownAndMetricsLinesHaveTheContractKeys) {
  medlora::testing::TempDir dir;
  auto options = fast_options();
  options.epochs = 15;
  options.learning_rate = 1e-2;
  auto setup = tiny_setup(dir / "run", options, /*with_eval=*/true);
  std::vector<QJsonObject> lines;
  Trainer trainer(std::move(setup), {[&](const QJsonObject& line) { lines.push_back(line); }});
  const double before = trainer.evaluate();
  const auto result = trainer.run();
  const double after = trainer.evaluate();
  EXPECT_EQ(result.steps, 15 * 3);  // 24 examples / 4 per micro-batch / 2 accumulated
  EXPECT_LT(after, before * 0.6) << before << " -> " << after;
  ASSERT_GE(result.step_losses.size(), 10u);
  EXPECT_LT(result.step_losses.back(), result.step_losses.front() * 0.6);

  const QStringList logging_keys{"epoch", "grad_norm", "learning_rate", "loss", "seconds", "step", "tokens_per_second"};
  int logging = 0, evals = 0;
  bool started = false, finished = false;
  for (const auto& line : lines) {
    if (line.contains("event")) {
      started |= line.value("event").toString() == "started";
      finished |= line.value("event").toString() == "finished";
      continue;
    }
    if (line.contains("eval_loss")) {
      ++evals;
      EXPECT_NEAR(line.value("eval_perplexity").toDouble(), std::exp(line.value("eval_loss").toDouble()), 1e-6);
      continue;
    }
    ++logging;
    auto keys = line.keys();
    keys.sort();
    EXPECT_EQ(keys, logging_keys);
    EXPECT_GT(line.value("tokens_per_second").toDouble(), 0);
  }
  EXPECT_TRUE(started);
  EXPECT_TRUE(finished);
  EXPECT_EQ(logging, 45);
  EXPECT_EQ(evals, 15);  // end of every epoch
  EXPECT_EQ(read_jsonl(dir / "run" / "metrics.jsonl").size(), lines.size());
  EXPECT_TRUE(fs::exists(dir / "run" / "model" / "saved.txt"));
}

TEST(TrainerTest, SaveTotalLimitKeepsTheNewest) {
  medlora::testing::TempDir dir;
  auto options = fast_options();
  options.max_steps = 5;
  options.save_steps = 1;
  options.save_total_limit = 2;
  Trainer trainer(tiny_setup(dir / "run", options));
  trainer.run();
  const auto found = list_checkpoints(dir / "run");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].first, 4);
  EXPECT_EQ(found[1].first, 5);
  for (const char* file : {"trainable.safetensors", "optimizer.safetensors", "trainer_state.json", "model/saved.txt"})
    EXPECT_TRUE(fs::exists(found[1].second / file)) << file;
}

TEST(TrainerTest, RefusesToOverwriteAnotherRunsCheckpoints) {
  medlora::testing::TempDir dir;
  auto options = fast_options();
  options.max_steps = 1;
  options.save_steps = 1;
  Trainer(tiny_setup(dir / "run", options)).run();
  Trainer again(tiny_setup(dir / "run", options));
  EXPECT_THROW(again.run(), TrainingError);
}

TEST(TrainerTest, NonFiniteStepsAreSkippedCountedAndStopTheRun) {
  medlora::testing::TempDir dir;
  auto options = fast_options();
  options.max_steps = 10;
  options.max_consecutive_nonfinite = 3;
  std::vector<QJsonObject> lines;
  TrainerCallbacks callbacks;
  callbacks.on_line = [&](const QJsonObject& l) { lines.push_back(l); };
  // Step index 1 is poisoned once (recovers); from index 4 on every step is poisoned.
  callbacks.before_backward = [](int64_t step, at::Tensor& loss) {
    if (step == 1 || step >= 4) loss = loss * std::numeric_limits<float>::quiet_NaN();
  };
  auto setup = tiny_setup(dir / "run", options);
  auto first = setup.trainable.parameters[1].second.clone();
  Trainer trainer(std::move(setup), callbacks);
  try {
    trainer.run();
    FAIL() << "expected the run to stop";
  } catch (const TrainingError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("3 steps in a row"), std::string::npos) << msg;
    EXPECT_NE(msg.find("learning_rate"), std::string::npos) << msg;
  }
  int skipped = 0;
  bool error_line = false;
  for (const auto& l : lines) {
    if (l.value("event").toString() == "skipped_step") {
      ++skipped;
      EXPECT_EQ(l.value("reason").toString(), "non-finite loss");
    }
    error_line |= l.value("event").toString() == "error";
  }
  EXPECT_EQ(skipped, 4);  // step 2, then 5, 6, 7
  EXPECT_TRUE(error_line);
}

TEST(TrainerTest, EarlyStoppingAndBestModelAtEnd) {
  medlora::testing::TempDir dir;
  auto options = fast_options();
  options.epochs = 20;
  options.eval_steps = 1;
  options.early_stopping_patience = 2;
  options.load_best_model_at_end = true;
  options.learning_rate = 1e-2;
  auto setup = tiny_setup(dir / "run", options);
  // The held-out answers contradict the training answers: once the model learns the training
  // set, the eval loss rises.
  auto eval_records = tiny_records(6);
  for (auto& r : eval_records) r.output = "zq zq zq zq";
  setup.eval = toy_encoder().encode(eval_records);
  std::vector<QJsonObject> lines;
  Trainer trainer(std::move(setup), {[&](const QJsonObject& l) { lines.push_back(l); }});
  const auto result = trainer.run();
  EXPECT_EQ(result.stop_reason, "early_stopping");
  EXPECT_LT(result.steps, 60);
  ASSERT_TRUE(result.has_eval);
  ASSERT_FALSE(result.best_checkpoint.empty());
  EXPECT_TRUE(fs::exists(dir / "run" / result.best_checkpoint));
  // The final weights are the best checkpoint's.
  EXPECT_NEAR(trainer.evaluate(), result.best_eval_loss, 1e-5);
  bool early = false;
  for (const auto& l : lines) early |= l.value("event").toString() == "early_stop";
  EXPECT_TRUE(early);
}

TEST(TrainerTest, ResumeFollowsTheSameLossTrajectory) {
  medlora::testing::TempDir dir;
  auto options = fast_options();
  options.max_steps = 7;
  options.save_steps = 3;
  options.logging_steps = 2;
  options.warmup_ratio = 0.3;
  const auto uninterrupted = Trainer(tiny_setup(dir / "a", options)).run();
  ASSERT_EQ(uninterrupted.step_losses.size(), 7u);

  // The second run dies in step index 4 (after checkpoint-3), as a kill would.
  TrainerCallbacks crash;
  crash.before_backward = [](int64_t step, at::Tensor&) {
    if (step == 4) throw std::runtime_error("simulated crash");
  };
  EXPECT_THROW(Trainer(tiny_setup(dir / "b", options), crash).run(), std::runtime_error);
  ASSERT_EQ(list_checkpoints(dir / "b").back().first, 3);

  auto setup = tiny_setup(dir / "b", options);
  setup.resume_from = dir / "b";
  const auto resumed = Trainer(std::move(setup)).run();
  ASSERT_EQ(resumed.step_losses.size(), 4u);
  for (size_t i = 0; i < 4; ++i) EXPECT_NEAR(resumed.step_losses[i], uninterrupted.step_losses[3 + i], 1e-6) << i;
  // The metrics file continues the checkpoint's history.
  const auto lines = read_jsonl(dir / "b" / "metrics.jsonl");
  std::vector<int64_t> logged;
  for (const auto& l : lines)
    if (l.contains("loss")) logged.push_back(l.value("step").toInteger());
  EXPECT_EQ(logged, (std::vector<int64_t>{2, 4, 6, 7}));
}

TEST(TrainerTest, GradientCheckpointingGivesTheSameGradients) {
  auto a = tiny_model(5);
  auto b = tiny_model(5);
  auto ids = torch::tensor({{1, 5, 6, 7, 8, 9, 2}}, torch::kLong);
  auto labels = torch::tensor({{-100, -100, 6, 7, 8, 9, 2}}, torch::kLong);
  a->train();
  b->train();
  b->set_gradient_checkpointing(true);
  causal_lm_loss_sum(*a, ids, labels).backward();
  causal_lm_loss_sum(*b, ids, labels).backward();
  auto pa = a->base_state_dict();
  auto pb = b->base_state_dict();
  for (size_t i = 0; i < pa.size(); ++i) {
    ASSERT_TRUE(pa[i].second.grad().defined()) << pa[i].first;
    ASSERT_TRUE(pb[i].second.grad().defined()) << pb[i].first;
    EXPECT_TRUE(torch::allclose(pa[i].second.grad(), pb[i].second.grad(), 1e-5, 1e-6)) << pa[i].first;
  }
}

}  // namespace
}  // namespace medlora::train
