#include "core/train/batch_sampler.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <set>

#include "tests/core/train/train_fixtures.h"

namespace medlora::train {
namespace {

using namespace medlora::train::testing;

std::vector<int64_t> random_lengths(int n) {
  std::vector<int64_t> lengths;
  for (int i = 0; i < n; ++i) lengths.push_back(5 + (i * 37) % 91);
  return lengths;
}

TEST(BatchSamplerTest, EveryExampleOnceAndDeterministic) {
  const auto lengths = random_lengths(103);
  const auto plan = plan_epoch(lengths, 4, 9, 0);
  std::multiset<int64_t> seen;
  for (const auto& b : plan) {
    EXPECT_LE(b.size(), 4u);
    seen.insert(b.begin(), b.end());
  }
  EXPECT_EQ(seen.size(), 103u);
  EXPECT_EQ(std::set<int64_t>(seen.begin(), seen.end()).size(), 103u);
  EXPECT_EQ(plan, plan_epoch(lengths, 4, 9, 0));
  EXPECT_NE(plan, plan_epoch(lengths, 4, 9, 1));
  EXPECT_NE(plan, plan_epoch(lengths, 4, 10, 0));
}

TEST(BatchSamplerTest, LengthGroupingReducesPadding) {
  const auto lengths = random_lengths(400);
  auto padding = [&](const std::vector<std::vector<int64_t>>& plan) {
    int64_t pad = 0;
    for (const auto& b : plan) {
      int64_t longest = 0;
      for (auto i : b) longest = std::max(longest, lengths[i]);
      for (auto i : b) pad += longest - lengths[i];
    }
    return pad;
  };
  const auto grouped = padding(plan_epoch(lengths, 4, 1, 0, true));
  const auto plain = padding(plan_epoch(lengths, 4, 1, 0, false));
  EXPECT_LT(grouped * 5, plain) << grouped << " vs " << plain;
  // The longest micro-batch comes first.
  const auto plan = plan_epoch(lengths, 4, 1, 0, true);
  EXPECT_EQ(lengths[plan[0][0]], *std::max_element(lengths.begin(), lengths.end()));
}

TEST(BatchSamplerTest, CollatePadsToTheLongestInTheBatchAndMasksPadding) {
  std::vector<EncodedExample> examples(2);
  examples[0].input_ids = {1, 5, 6, 7, 2};
  examples[0].labels = {-100, -100, 6, 7, 2};
  examples[1].input_ids = {1, 8, 2};
  examples[1].labels = {-100, 8, 2};
  const auto batch = collate(examples, {0, 1}, kToyPad, torch::kCPU);
  ASSERT_EQ(batch.input_ids.sizes(), (std::vector<int64_t>{2, 5}));
  EXPECT_EQ(batch.input_ids[1][3].item<int64_t>(), kToyPad);
  EXPECT_EQ(batch.labels[1][3].item<int64_t>(), kIgnoreIndex);
  EXPECT_EQ(batch.labels[1][4].item<int64_t>(), kIgnoreIndex);
  EXPECT_EQ(batch.tokens, 8);
  EXPECT_EQ(batch.target_tokens, 3 + 2);
  const auto alone = collate(examples, {1}, kToyPad, torch::kCPU);
  EXPECT_EQ(alone.input_ids.size(1), 3);  // dynamic: no padding to any max_length
}

}  // namespace
}  // namespace medlora::train
