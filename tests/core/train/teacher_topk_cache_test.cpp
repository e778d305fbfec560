// The precomputed teacher's top-k file: it round-trips, hands back each example's rows in the
// order asked for, refuses a file made for another k, vocabulary, data or teacher, and the top-k
// loss equals the full-vocabulary loss when k is the vocabulary size.
#include <torch/torch.h>  // before Qt headers: Qt's "slots" macro breaks torch's ivalue headers

#include <gtest/gtest.h>

#include <fstream>

#include "core/train/distillation_loss.h"
#include "core/train/example_encoder.h"
#include "core/train/teacher_fingerprint.h"
#include "core/train/teacher_topk_cache.h"
#include "tests/support/temp_dir.h"

namespace medlora::train {
namespace {

namespace fs = std::filesystem;

// Three examples with 2, 0 and 3 answer rows, k = 4.
TeacherTopKTable small_table() {
  TeacherTopKTable t;
  t.values = torch::arange(20, torch::kFloat).reshape({5, 4}).neg();  // descending within each row
  t.ids = torch::arange(20, torch::kInt).reshape({5, 4}).remainder(11);
  t.offsets = torch::tensor(std::vector<int64_t>{0, 2, 2, 5}, torch::kLong);
  t.vocab_size = 11;
  t.fingerprint = "abc123";
  return t;
}

TeacherTopKExpectation expectation_of(const TeacherTopKTable& t) { return {t.values.size(1), t.vocab_size, 3, t.fingerprint}; }

std::string refusal(const fs::path& file, const TeacherTopKExpectation& expected) {
  try {
    TeacherTopK::open(file, expected);
  } catch (const TeacherTopKUnusable& e) {
    return e.what();
  }
  return "";
}

TEST(TeacherTopKCacheTest, RoundTripsAndGathersRowsInTheOrderAsked) {
  medlora::testing::TempDir dir;
  const auto file = dir / kTeacherTopKFileName;
  const auto table = small_table();
  write_teacher_top_k(file, table);
  const auto stored = TeacherTopK::open(file, expectation_of(table));
  EXPECT_EQ(stored->k(), 4);
  EXPECT_EQ(stored->vocab_size(), 11);
  EXPECT_EQ(stored->examples(), 3);
  EXPECT_EQ(stored->rows(), 5);
  EXPECT_EQ(stored->rows_of(0), 2);
  EXPECT_EQ(stored->rows_of(1), 0);
  EXPECT_EQ(stored->rows_of(2), 3);

  const auto rows = stored->rows_for({2, 1, 0}, torch::kCPU);
  ASSERT_EQ(rows.values.sizes(), (std::vector<int64_t>{5, 4}));
  EXPECT_EQ(rows.ids.scalar_type(), torch::kLong);
  EXPECT_TRUE(torch::equal(rows.values.narrow(0, 0, 3), table.values.narrow(0, 2, 3)));
  EXPECT_TRUE(torch::equal(rows.values.narrow(0, 3, 2), table.values.narrow(0, 0, 2)));
  EXPECT_TRUE(torch::equal(rows.ids.narrow(0, 0, 3), table.ids.narrow(0, 2, 3).to(torch::kLong)));
  EXPECT_TRUE(torch::equal(rows.ids.narrow(0, 3, 2), table.ids.narrow(0, 0, 2).to(torch::kLong)));
  EXPECT_EQ(stored->rows_for({1}, torch::kCPU).values.size(0), 0);
  EXPECT_THROW(stored->rows_of(3), std::out_of_range);
}

TEST(TeacherTopKCacheTest, RefusesAFileMadeForAnotherRun) {
  medlora::testing::TempDir dir;
  const auto file = dir / kTeacherTopKFileName;
  EXPECT_NE(refusal(file, expectation_of(small_table())).find("not there yet"), std::string::npos);
  write_teacher_top_k(file, small_table());
  auto expected = expectation_of(small_table());
  EXPECT_EQ(refusal(file, expected), "");

  auto other = expected;
  other.fingerprint = "def456";
  EXPECT_NE(refusal(file, other).find("another teacher or other training data"), std::string::npos) << refusal(file, other);
  other = expected;
  other.k = 8;
  EXPECT_NE(refusal(file, other).find("holds the top 4 logits, the run asks for 8"), std::string::npos) << refusal(file, other);
  other = expected;
  other.vocab_size = 12;
  EXPECT_NE(refusal(file, other).find("vocab_size 11"), std::string::npos) << refusal(file, other);
  other = expected;
  other.examples = 4;
  EXPECT_NE(refusal(file, other).find("do not fit 4 examples"), std::string::npos) << refusal(file, other);

  std::ofstream(file, std::ios::trunc) << "not safetensors";
  EXPECT_NE(refusal(file, expected).find("unreadable"), std::string::npos) << refusal(file, expected);
}

TEST(TeacherTopKCacheTest, BadTablesAreNotWritten) {
  medlora::testing::TempDir dir;
  auto table = small_table();
  table.offsets = torch::tensor(std::vector<int64_t>{0, 2, 4}, torch::kLong);  // 4 rows, the table has 5
  EXPECT_THROW(write_teacher_top_k(dir / "t.safetensors", table), std::invalid_argument);
  table = small_table();
  table.ids = table.ids.to(torch::kLong);
  EXPECT_THROW(write_teacher_top_k(dir / "t.safetensors", table), std::invalid_argument);
  EXPECT_FALSE(fs::exists(dir / "t.safetensors"));
}

TEST(TeacherTopKCacheTest, FingerprintFollowsTheDataTheTeacherAndK) {
  medlora::testing::TempDir dir;
  fs::create_directories(dir / "teacher");
  std::ofstream(dir / "teacher" / "config.json") << "{\"vocab_size\": 64}";
  std::ofstream(dir / "teacher" / "model.safetensors") << "weights one";
  TeacherSettings teacher;
  teacher.model = dir / "teacher";
  const auto identity = teacher_identity(teacher, "float32");
  EXPECT_EQ(identity, teacher_identity(teacher, "float32"));
  EXPECT_NE(identity, teacher_identity(teacher, "bfloat16"));
  auto quantised = teacher;
  quantised.quantization = "int8";
  EXPECT_NE(identity, teacher_identity(quantised, "float32"));
  std::ofstream(dir / "teacher" / "model.safetensors") << "weights two";
  EXPECT_NE(identity, teacher_identity(teacher, "float32")) << "retrained weights";

  std::vector<EncodedExample> data{{{1, 5, 6}, {kIgnoreIndex, 5, 6}}, {{1, 7}, {kIgnoreIndex, 7}}};
  const auto fingerprint = teacher_top_k_fingerprint(identity, data, 64);
  EXPECT_EQ(fingerprint, teacher_top_k_fingerprint(identity, data, 64));
  EXPECT_NE(fingerprint, teacher_top_k_fingerprint(identity, data, 32));
  EXPECT_NE(fingerprint, teacher_top_k_fingerprint("other teacher", data, 64));
  auto changed = data;
  changed[1].labels[1] = kIgnoreIndex;  // same ids, another answer mask
  EXPECT_NE(fingerprint, teacher_top_k_fingerprint(identity, changed, 64));
  std::swap(changed[0], changed[1]);
  EXPECT_NE(teacher_top_k_fingerprint(identity, changed, 64), teacher_top_k_fingerprint(identity, {changed[1], changed[0]}, 64))
      << "the order of the examples is the order of the rows";

  TeacherSettings missing;
  missing.model = dir / "nowhere";
  EXPECT_THROW(teacher_identity(missing, "float32"), TrainingError);
}

// Random logits with one prompt position; the teacher's "top-k" of every vocabulary entry.
struct Logits {
  torch::Tensor student, teacher, labels;
};
Logits random_logits(int64_t vocab) {
  torch::manual_seed(3);
  Logits l;
  l.student = torch::randn({6, vocab}) * 2;
  l.teacher = torch::randn({6, vocab}) * 2;
  l.labels = torch::randint(vocab, {6}, torch::kLong);
  l.labels[2] = kIgnoreIndex;
  return l;
}

TEST(TeacherTopKLossTest, WithKEqualToTheVocabularyItIsTheFullLoss) {
  const int64_t vocab = 50;
  auto l = random_logits(vocab);
  const DistillationSettings settings{2.5, 0.7};
  auto student_full = l.student.clone().requires_grad_(true);
  auto student_top = l.student.clone().requires_grad_(true);
  const auto full = distillation_loss_sum(student_full, l.teacher, l.labels, settings);
  const auto [values, ids] = l.teacher.topk(vocab, -1);
  const auto top = distillation_loss_sum_top_k(student_top, values, ids.to(torch::kInt), l.labels, settings);
  EXPECT_EQ(top.tokens, 5);
  EXPECT_EQ(top.agreeing, full.agreeing);
  EXPECT_NEAR(top.kl, full.kl, 1e-5 * full.kl);
  EXPECT_NEAR(top.ce, full.ce, 1e-6 * full.ce);
  EXPECT_NEAR(top.loss.item<double>(), full.loss.item<double>(), 1e-5 * full.loss.item<double>());
  full.loss.backward();
  top.loss.backward();
  EXPECT_TRUE(torch::allclose(student_top.grad(), student_full.grad(), 1e-5, 1e-6));
}

TEST(TeacherTopKLossTest, SmallerKRenormalisesTheTeacherOverItsTopK) {
  const int64_t vocab = 30, k = 5;
  auto l = random_logits(vocab);
  const DistillationSettings settings{2.0, 1.0};
  const auto [values, ids] = l.teacher.topk(k, -1);
  const auto top = distillation_loss_sum_top_k(l.student, values, ids, l.labels, settings);
  // The formula written out row by row: p = softmax(top-k / T), log q = log_softmax(s / T)[ids].
  double expected = 0;
  for (int64_t row = 0; row < 6; ++row) {
    if (l.labels[row].item<int64_t>() == kIgnoreIndex) continue;
    const auto p = torch::softmax(values[row].to(torch::kDouble) / 2.0, 0);
    const auto log_q = torch::log_softmax(l.student[row].to(torch::kDouble) / 2.0, 0).index_select(0, ids[row]);
    expected += (p * (p.log() - log_q)).sum().item<double>();
  }
  EXPECT_NEAR(top.kl, expected, 1e-5 * expected);
  EXPECT_GT(top.kl, 0.0);
  EXPECT_NEAR(top.loss.item<double>(), 4.0 * expected, 4e-5 * expected) << "alpha 1: alpha T^2 KL";

  // A student that puts exactly the renormalised teacher on the top-k (and ~0 elsewhere).
  auto matched = torch::full({6, vocab}, -1e4f);
  matched.scatter_(1, ids, values);
  EXPECT_NEAR(distillation_loss_sum_top_k(matched, values, ids, l.labels, settings).kl, 0.0, 1e-5);

  EXPECT_THROW(distillation_loss_sum_top_k(l.student, values.narrow(0, 0, 5), ids.narrow(0, 0, 5), l.labels, settings),
               std::invalid_argument);
}

}  // namespace
}  // namespace medlora::train
