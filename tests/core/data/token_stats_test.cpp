#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/data/token_stats.h"

namespace {

using namespace medlora::data;

// A stand-in tokenizer: one token per byte of input + output, so lengths are known exactly.
int64_t byte_count(const RecordText& r) { return static_cast<int64_t>(r.input.size() + r.output.size()); }

std::vector<RecordText> records_of_lengths(const std::vector<int>& lengths) {
  std::vector<RecordText> records;
  for (int n : lengths) {
    RecordText r;
    r.input = std::string(static_cast<size_t>(n), 'x');
    records.push_back(r);
  }
  return records;
}

TEST(TokenStatistics, CountsRecordsOverMaxLengthAndPercentiles) {
  std::vector<int> lengths;
  for (int i = 1; i <= 100; ++i) lengths.push_back(i * 10);  // 10, 20, ..., 1000
  const TokenStats stats = token_statistics(records_of_lengths(lengths), byte_count, 512, 10);
  EXPECT_EQ(stats.records, 100);
  EXPECT_EQ(stats.over_max, 49);  // 520 ... 1000
  EXPECT_DOUBLE_EQ(stats.share_over_max, 0.49);
  EXPECT_EQ(stats.p50, 500);
  EXPECT_EQ(stats.p95, 950);
  EXPECT_EQ(stats.max, 1000);
  ASSERT_EQ(stats.lengths.size(), 100u);
  EXPECT_EQ(stats.lengths[3], 40);
}

TEST(TokenStatistics, HistogramBinsCoverEveryRecordOnce) {
  const TokenStats stats = token_statistics(records_of_lengths({0, 5, 9, 10, 99, 100}), byte_count, 50, 4);
  ASSERT_EQ(stats.histogram.size(), 4u);
  // width = ceil(101 / 4) = 26: [0,26) [26,52) [52,78) [78,104)
  EXPECT_EQ(stats.histogram[0], (std::pair<int64_t, int64_t>{0, 4}));
  EXPECT_EQ(stats.histogram[1], (std::pair<int64_t, int64_t>{26, 0}));
  EXPECT_EQ(stats.histogram[3], (std::pair<int64_t, int64_t>{78, 2}));
  int64_t total = 0;
  for (const auto& bin : stats.histogram) total += bin.second;
  EXPECT_EQ(total, 6);
}

TEST(TokenStatistics, EmptyInputAndBadArguments) {
  const TokenStats empty = token_statistics({}, byte_count, 128);
  EXPECT_EQ(empty.records, 0);
  EXPECT_EQ(empty.share_over_max, 0.0);
  EXPECT_TRUE(empty.histogram.empty());
  EXPECT_THROW(token_statistics({}, byte_count, 0), std::invalid_argument);
  EXPECT_THROW(token_statistics({}, byte_count, 10, 0), std::invalid_argument);
}

}  // namespace
