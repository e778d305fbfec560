// The distillation loss against values worked out from the formula by hand (Python's math
// module, no torch: lsm = log-softmax, KL = sum p_t (log p_t - log p_s), mean over the answer
// tokens), its limits (alpha 0, identical logits) and its gradient.
#include <torch/torch.h>

#include <gtest/gtest.h>

#include "core/train/distillation_loss.h"
#include "core/train/example_encoder.h"

namespace medlora::train {
namespace {

// Three positions over a 4-token vocabulary; the middle one is a prompt position.
torch::Tensor student_logits() {
  return torch::tensor({1.0f, 2.0f, 0.0f, -1.0f, 0.5f, 0.5f, 0.5f, 0.5f, 3.0f, 1.0f, -1.0f, 0.0f}).reshape({3, 4});
}
torch::Tensor teacher_logits() {
  return torch::tensor({2.0f, 0.0f, 1.0f, -1.0f, 0.0f, 1.0f, 0.0f, 0.0f, 2.5f, 2.0f, 0.0f, 0.5f}).reshape({3, 4});
}
torch::Tensor labels() { return torch::tensor({int64_t{1}, kIgnoreIndex, int64_t{0}}); }

TEST(DistillationLossTest, MatchesTheFormulaWorkedOutByHand) {
  // T = 2, alpha = 0.25: KL 0.12944668626, CE 0.31268607558, one of two answer tokens agrees,
  // loss = 0.25 * 4 * KL + 0.75 * CE = 0.36396124295.
  const auto out = distillation_loss(student_logits(), teacher_logits(), labels(), {2.0, 0.25});
  EXPECT_NEAR(out.kl, 0.1294466862601175, 1e-6);
  EXPECT_NEAR(out.ce, 0.31268607558250394, 1e-6);
  EXPECT_NEAR(out.loss.item<double>(), 0.36396124294699544, 1e-6);
  EXPECT_DOUBLE_EQ(out.teacher_agreement, 0.5);

  const auto sums = distillation_loss_sum(student_logits(), teacher_logits(), labels(), {2.0, 0.25});
  EXPECT_EQ(sums.tokens, 2);
  EXPECT_EQ(sums.agreeing, 1);
  EXPECT_NEAR(sums.kl, 2 * 0.1294466862601175, 1e-6) << "sums, not means";
}

TEST(DistillationLossTest, PromptPositionsDoNotCount) {
  // Changing the logits of the ignored middle position changes nothing.
  auto s = student_logits().clone();
  auto t = teacher_logits().clone();
  s[1] = torch::tensor({9.0f, -9.0f, 4.0f, 0.0f});
  t[1] = torch::tensor({-5.0f, 5.0f, 0.0f, 1.0f});
  const auto out = distillation_loss(s, t, labels(), {2.0, 0.25});
  EXPECT_NEAR(out.loss.item<double>(), 0.36396124294699544, 1e-6);
}

TEST(DistillationLossTest, AlphaZeroIsPlainCrossEntropy) {
  const auto out = distillation_loss(student_logits(), teacher_logits(), labels(), {3.0, 0.0});
  const auto ce = torch::nn::functional::cross_entropy(student_logits(), labels());  // ignore_index -100, mean
  EXPECT_NEAR(out.loss.item<double>(), ce.item<double>(), 1e-6);
  EXPECT_NEAR(out.ce, ce.item<double>(), 1e-6);
  EXPECT_GT(out.kl, 0.0) << "the KL term is still reported";
}

TEST(DistillationLossTest, IdenticalLogitsGiveZeroKlAndFullAgreement) {
  const auto out = distillation_loss(student_logits(), student_logits(), labels(), {3.0, 1.0});
  EXPECT_NEAR(out.kl, 0.0, 1e-7);
  EXPECT_NEAR(out.loss.item<double>(), 0.0, 1e-6) << "alpha 1: the loss is the KL term only";
  EXPECT_DOUBLE_EQ(out.teacher_agreement, 1.0);
}

TEST(DistillationLossTest, GradientReachesTheStudentOnly) {
  // d/ds [T^2 * mean_n KL] = T * (softmax(s/T) - softmax(t/T)) / N on answer rows, 0 elsewhere.
  const double temperature = 2.0;
  auto s = student_logits().requires_grad_(true);
  auto t = teacher_logits().requires_grad_(true);
  distillation_loss(s, t, labels(), {temperature, 1.0}).loss.backward();
  EXPECT_FALSE(t.grad().defined()) << "the teacher must get no gradient";
  ASSERT_TRUE(s.grad().defined());
  auto expected = temperature * (torch::softmax(student_logits() / temperature, -1) -
                                 torch::softmax(teacher_logits() / temperature, -1)) / 2.0;
  expected[1].zero_();
  EXPECT_TRUE(torch::allclose(s.grad(), expected, 1e-5, 1e-6)) << s.grad() << "\n" << expected;
}

TEST(DistillationLossTest, MismatchedVocabulariesAreRefused) {
  EXPECT_THROW(distillation_loss(student_logits(), torch::zeros({3, 5}), labels(), {}), std::invalid_argument);
  EXPECT_THROW(distillation_loss(student_logits(), teacher_logits(), labels(), {0.0, 0.5}), std::invalid_argument);
  EXPECT_THROW(distillation_loss(student_logits(), teacher_logits(), labels(), {1.0, 1.5}), std::invalid_argument);
}

TEST(DistillationLossTest, NoAnswerTokensGiveAZeroLoss) {
  const auto none = torch::full({3}, kIgnoreIndex, torch::kLong);
  const auto out = distillation_loss(student_logits(), teacher_logits(), none, {});
  EXPECT_EQ(out.loss.item<double>(), 0.0);
  EXPECT_EQ(out.teacher_agreement, 0.0);
}

}  // namespace
}  // namespace medlora::train
