#include "core/train/causal_lm_loss.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

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

}  // namespace
}  // namespace medlora::train
