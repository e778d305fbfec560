#include "core/train/causal_lm_loss.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/model/recomputed_forward.h"
#include "tests/core/train/train_fixtures.h"

namespace medlora::train {
namespace {

using namespace medlora::train::testing;

TEST(CausalLmLossTest, EqualsShiftedCrossEntropyWithIgnoreIndex) {
  auto model = tiny_model();
  model->eval();
  auto ids = torch::tensor({{1, 5, 6, 7, 2, 0}, {1, 9, 10, 2, 0, 0}}, torch::kLong);
  auto labels = torch::tensor({{-100, -100, 6, 7, 2, -100}, {-100, 9, 10, 2, -100, -100}}, torch::kLong);
  const auto ours = causal_lm_loss_sum(*model, ids, labels).item<double>();
  auto logits = model->forward(ids);
  auto reference = torch::nn::functional::cross_entropy(
      logits.slice(1, 0, 5).reshape({-1, kToyVocab}), labels.slice(1, 1).reshape({-1}),
      torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100).reduction(torch::kSum));
  EXPECT_NEAR(ours, reference.item<double>(), 1e-4);
}

TEST(CausalLmLossTest, PaddingNeverChangesTheLoss) {
  auto model = tiny_model();
  model->eval();
  auto ids = torch::tensor({{1, 5, 6, 7, 2}}, torch::kLong);
  auto labels = torch::tensor({{-100, -100, 6, 7, 2}}, torch::kLong);
  auto padded_ids = torch::tensor({{1, 5, 6, 7, 2, 0, 0, 0}}, torch::kLong);
  auto padded_labels = torch::tensor({{-100, -100, 6, 7, 2, -100, -100, -100}}, torch::kLong);
  EXPECT_NEAR(causal_lm_loss_sum(*model, ids, labels).item<double>(),
              causal_lm_loss_sum(*model, padded_ids, padded_labels).item<double>(), 1e-5);
}

// The loss taken a few target rows at a time (each chunk's logits recomputed in backward) equals
// the loss over all rows at once, and so do the gradients of every weight.
TEST(CausalLmLossTest, ChunkedLossAndGradientsEqualTheWholeVocabularyAtOnce) {
  auto model = tiny_model();
  model->train();
  for (auto& p : model->parameters()) p.set_requires_grad(true);
  auto ids = torch::randint(3, kToyVocab, {2, 12}, at::detail::createCPUGenerator(4), torch::kLong);
  auto labels = ids.clone();
  labels.index_put_({0, torch::indexing::Slice(0, 4)}, -100);
  model::RecomputeInBackwardScope recomputing;  // each chunk's logits recomputed in backward
  auto gradients = [&](int64_t rows_per_chunk, double* loss) {
    for (auto& p : model->parameters()) p.mutable_grad() = torch::Tensor();
    auto sum = causal_lm_loss_sum(*model, ids, labels, rows_per_chunk);
    sum.backward();
    *loss = sum.item<double>();
    std::vector<torch::Tensor> grads;
    for (auto& p : model->parameters()) grads.push_back(p.grad().clone());
    return grads;
  };
  double whole_loss = 0, chunked_loss = 0;
  const auto whole = gradients(1000, &whole_loss);   // 18 target rows: one chunk
  const auto chunked = gradients(5, &chunked_loss);  // chunks of 5, 5, 5 and 3 rows
  EXPECT_NEAR(chunked_loss, whole_loss, 1e-4 * std::abs(whole_loss));
  ASSERT_EQ(whole.size(), chunked.size());
  for (size_t i = 0; i < whole.size(); ++i)
    EXPECT_TRUE(torch::allclose(chunked[i], whole[i], 1e-4, 1e-6)) << "parameter " << i;
}

}  // namespace
}  // namespace medlora::train
