// Distillation through the Trainer on tiny models: with the teacher equal to the student's base
// and a fresh adapter (B = 0) the KL starts at 0; against a trained teacher the KL term falls
// over the run and ends below that of the same student trained with cross-entropy alone; the
// metrics lines carry kl_loss, ce_loss and teacher_agreement consistent with the loss.
#include <torch/torch.h>  // before Qt headers: Qt's "slots" macro breaks torch's ivalue headers
#include "core/train/trainer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <map>

#include "core/lora/lora_model.h"
#include "core/train/batch_sampler.h"
#include "core/train/causal_lm_loss.h"
#include "core/train/distillation_loss.h"
#include "core/train/train_error.h"
#include "tests/core/train/distillation_fixtures.h"
#include "tests/core/train/train_fixtures.h"
#include "tests/support/temp_dir.h"

namespace medlora::train {
namespace {

using namespace medlora::train::testing;

struct Run {
  TrainResult result;
  std::vector<QJsonObject> metrics;  // the logging lines
};

Run run_distill(TrainerSetup setup) {
  Run run;
  TrainerCallbacks callbacks;
  callbacks.on_line = [&run](const QJsonObject& line) {
    if (line.contains("loss")) run.metrics.push_back(line);
  };
  run.result = Trainer(std::move(setup), callbacks).run();
  return run;
}

TEST(DistillationTrainingTest, TeacherEqualToTheStudentBaseStartsAtZeroKl) {
  medlora::testing::TempDir dir;
  auto student = lora_student(tiny_model(7));
  auto teacher = frozen(tiny_model(7));
  std::map<std::string, torch::Tensor> student_base;
  for (const auto& [name, tensor] : student.model->base_state_dict()) student_base[name] = tensor;
  for (const auto& [name, tensor] : teacher->base_state_dict()) {
    ASSERT_TRUE(student_base.count(name)) << name;
    ASSERT_TRUE(torch::equal(tensor, student_base.at(name))) << name;
  }

  auto options = fast_options();
  options.max_steps = 3;
  auto setup = tiny_setup(dir / "run", options);
  setup.trainable = student;
  setup.distillation = DistillationTeacher{teacher, {2.0, 0.7}};
  const auto run = run_distill(std::move(setup));
  ASSERT_EQ(run.metrics.size(), 3u);
  const auto& first = run.metrics.front();
  EXPECT_NEAR(first.value("kl_loss").toDouble(-1), 0.0, 1e-6);
  EXPECT_DOUBLE_EQ(first.value("teacher_agreement").toDouble(-1), 1.0);
  EXPECT_GT(first.value("ce_loss").toDouble(), 3.0) << "a random model on a 64-token vocabulary: CE near ln 64";
  for (const auto& line : run.metrics) {
    // loss = alpha T^2 KL + (1 - alpha) CE, all as means per answer token of each step.
    const double expected = 0.7 * 4.0 * line.value("kl_loss").toDouble() + 0.3 * line.value("ce_loss").toDouble();
    EXPECT_NEAR(line.value("loss").toDouble(), expected, 1e-5 * expected);
  }
}

TEST(DistillationTrainingTest, KlFallsAndEndsBelowCrossEntropyOnlyTraining) {
  medlora::testing::TempDir dir;
  // The teacher learnt the right answers; the student's base learnt another question's answer
  // for each question, from another initialisation.
  auto teacher = trained_model(dir / "teacher", 7, 0);
  const double temperature = 2.0;

  auto options = fast_options();
  options.epochs = 10;
  options.learning_rate = 1e-2;
  auto distilled = lora_student(trained_model(dir / "base_a", 13, 1));
  const double kl_before = mean_kl(*distilled.model, *teacher, temperature);
  auto setup = tiny_setup(dir / "distill", options);
  setup.trainable = distilled;
  setup.distillation = DistillationTeacher{teacher, {temperature, 0.7}};
  const auto run = run_distill(std::move(setup));
  ASSERT_GE(run.metrics.size(), 10u);
  const double first_kl = run.metrics.front().value("kl_loss").toDouble();
  const double last_kl = run.metrics.back().value("kl_loss").toDouble();
  EXPECT_LT(last_kl, first_kl * 0.5) << "first " << first_kl << ", last " << last_kl;
  EXPECT_GT(run.metrics.back().value("teacher_agreement").toDouble(), run.metrics.front().value("teacher_agreement").toDouble());
  const double kl_distilled = mean_kl(*distilled.model, *teacher, temperature);

  auto plain = lora_student(trained_model(dir / "base_b", 13, 1));
  auto ce_setup = tiny_setup(dir / "ce", options);
  ce_setup.trainable = plain;
  const auto ce_run = run_distill(std::move(ce_setup));
  EXPECT_FALSE(ce_run.metrics.front().contains("kl_loss")) << "plain runs log no distillation terms";
  const double kl_ce_only = mean_kl(*plain.model, *teacher, temperature);
  EXPECT_LT(kl_distilled, kl_ce_only) << "before " << kl_before << ", distilled " << kl_distilled << ", CE only " << kl_ce_only;
  EXPECT_LT(kl_distilled, kl_before * 0.5);
  std::printf("KL(teacher||student) at T=2: before %.4f, distilled %.4f, CE-only %.4f\n", kl_before, kl_distilled, kl_ce_only);
}

TEST(DistillationTrainingTest, FullParameterStudentMovesTowardsTheTeacher) {
  medlora::testing::TempDir dir;
  auto teacher = trained_model(dir / "teacher", 7, 0);
  auto options = fast_options();
  options.epochs = 10;
  options.learning_rate = 1e-2;
  auto setup = tiny_setup(dir / "full", options);
  setup.trainable = full_trainable(tiny_model(13));
  auto student = setup.trainable.model;
  const double kl_before = mean_kl(*student, *teacher, 2.0);
  setup.distillation = DistillationTeacher{teacher, {2.0, 0.7}};
  const auto run = run_distill(std::move(setup));
  ASSERT_GE(run.metrics.size(), 8u);
  EXPECT_LT(run.metrics.back().value("kl_loss").toDouble(), run.metrics.front().value("kl_loss").toDouble() * 0.5);
  const double kl_after = mean_kl(*student, *teacher, 2.0);
  EXPECT_LT(kl_after, kl_before * 0.5) << "before " << kl_before << ", after " << kl_after;
  std::printf("full student KL(teacher||student) at T=2: before %.4f, after %.4f\n", kl_before, kl_after);
  for (const auto& [name, tensor] : teacher->base_state_dict()) EXPECT_FALSE(tensor.requires_grad()) << name;
}

TEST(DistillationTrainingTest, TeacherWithAnotherVocabularyIsRefused) {
  medlora::testing::TempDir dir;
  auto config = tiny_config();
  config.vocab_size = 80;
  auto teacher = std::make_shared<model::LlamaForCausalLM>(config);
  auto setup = tiny_setup(dir / "run");
  setup.trainable = lora_student(tiny_model(7));
  setup.distillation = DistillationTeacher{teacher, {}};
  try {
    Trainer trainer(std::move(setup));
    FAIL() << "expected a TrainingError";
  } catch (const TrainingError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("teacher's vocab_size is 80"), std::string::npos) << what;
    EXPECT_NE(what.find("student's is 64"), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace medlora::train
