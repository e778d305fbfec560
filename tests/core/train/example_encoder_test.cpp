#include "core/train/example_encoder.h"

#include <gtest/gtest.h>

#include "tests/core/train/train_fixtures.h"

namespace medlora::train {
namespace {

using namespace medlora::train::testing;

TEST(ExampleEncoderTest, PromptTokensAreMaskedAndAnswerEndsWithEos) {
  TrainingRecord r{"", "fever", "rest", {}, 1};
  const auto examples = toy_encoder().encode({r});
  ASSERT_EQ(examples.size(), 1u);
  const auto& ex = examples[0];
  const auto prompt = toy_encode(toy_render_prompt("", "fever"), true);
  const auto answer = toy_encode("rest", false);
  ASSERT_EQ(ex.length(), static_cast<int64_t>(prompt.size() + answer.size() + 1));
  for (size_t i = 0; i < prompt.size(); ++i) {
    EXPECT_EQ(ex.input_ids[i], prompt[i]);
    EXPECT_EQ(ex.labels[i], kIgnoreIndex);
  }
  for (size_t i = 0; i < answer.size(); ++i) EXPECT_EQ(ex.labels[prompt.size() + i], answer[i]);
  EXPECT_EQ(ex.input_ids.back(), kToyEos);
  EXPECT_EQ(ex.labels.back(), kToyEos);
}

TEST(ExampleEncoderTest, TrainOnPromptKeepsEveryLabel) {
  TrainingRecord r{"Explain", "cough", "water", {}, 1};
  const auto ex = toy_encoder(128, /*train_on_prompt=*/true).encode({r})[0];
  EXPECT_EQ(ex.labels, ex.input_ids);
}

TEST(ExampleEncoderTest, TruncationAndDropsAreCounted) {
  std::vector<TrainingRecord> records{{"", "a", std::string(50, 'x'), {}, 1},  // truncated
                                      {"", std::string(40, 'q'), "b", {}, 2},  // prompt fills max_length: dropped
                                      {"", "b", "c", {}, 3}};                  // fits
  EncodingStats stats;
  const auto examples = toy_encoder(/*max_length=*/20).encode(records, &stats);
  EXPECT_EQ(stats.truncated, 1);
  EXPECT_EQ(stats.dropped, 1);
  EXPECT_EQ(stats.examples, 2);
  ASSERT_EQ(examples.size(), 2u);
  EXPECT_EQ(examples[0].length(), 20);
  EXPECT_NE(examples[0].labels.back(), kToyEos);  // the answer was cut before EOS
  int64_t targets = 0;
  for (const auto& ex : examples)
    for (size_t i = 1; i < ex.labels.size(); ++i) targets += ex.labels[i] != kIgnoreIndex;
  EXPECT_EQ(stats.target_tokens, targets);
}

TEST(ExampleEncoderTest, CorpusIsPackedIntoFullChunks) {
  EncodingStats stats;
  const auto chunks = pack_text_corpus({"abcdefgh", "ijklmnop"}, toy_encode, kToyEos, 8, &stats);
  // 2 x (BOS + 8 + EOS) = 20 tokens -> 8, 8, 4
  ASSERT_EQ(chunks.size(), 3u);
  EXPECT_EQ(chunks[0].length(), 8);
  EXPECT_EQ(chunks[2].length(), 4);
  EXPECT_EQ(chunks[0].labels, chunks[0].input_ids);
  EXPECT_EQ(chunks[0].input_ids[0], kToyBos);
  EXPECT_EQ(stats.tokens, 20);
}

}  // namespace
}  // namespace medlora::train
