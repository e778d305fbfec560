#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/data/dataset_split.h"

namespace {

using namespace medlora::data;

std::vector<RecordText> records_with_categories(const std::map<std::string, int>& counts) {
  std::vector<RecordText> records;
  for (int round = 0; round < 1000; ++round) {  // interleave categories like a real import
    for (const auto& [category, count] : counts) {
      if (round >= count) continue;
      RecordText r;
      r.input = category + " question " + std::to_string(round);
      r.output = "answer";
      r.category = category;
      records.push_back(r);
    }
  }
  return records;
}

std::map<std::string, int> per_category(const std::vector<RecordText>& records, const std::vector<size_t>& part) {
  std::map<std::string, int> counts;
  for (size_t i : part) ++counts[records[i].category];
  return counts;
}

TEST(SplitStratified, PartsAreDisjointAndCoverEveryRecord) {
  const auto records = records_with_categories({{"内科", 400}, {"外科", 200}, {"儿科", 100}, {"", 50}});
  const SplitAssignment split = split_stratified(records, {0.1, 0.1, 7});
  std::set<size_t> seen;
  for (const auto* part : {&split.train, &split.validation, &split.test}) {
    for (size_t i : *part) EXPECT_TRUE(seen.insert(i).second) << "index " << i << " twice";
  }
  EXPECT_EQ(seen.size(), records.size());
  EXPECT_EQ(split.validation.size(), 75u);
  EXPECT_EQ(split.test.size(), 75u);
}

TEST(SplitStratified, EachCategoryIsSplitInProportion) {
  const auto records = records_with_categories({{"内科", 400}, {"外科", 200}, {"儿科", 100}, {"", 50}});
  const SplitAssignment split = split_stratified(records, {0.2, 0.0, 1});
  const auto validation = per_category(records, split.validation);
  EXPECT_EQ(validation.at("内科"), 80);
  EXPECT_EQ(validation.at("外科"), 40);
  EXPECT_EQ(validation.at("儿科"), 20);
  EXPECT_EQ(validation.at(""), 10);
  EXPECT_TRUE(split.test.empty());
}

TEST(SplitStratified, SameSeedSameSplitOtherSeedOtherSplit) {
  const auto records = records_with_categories({{"a", 300}, {"b", 120}});
  const SplitAssignment one = split_stratified(records, {0.1, 0.05, 42});
  const SplitAssignment again = split_stratified(records, {0.1, 0.05, 42});
  const SplitAssignment other = split_stratified(records, {0.1, 0.05, 43});
  EXPECT_EQ(one.train, again.train);
  EXPECT_EQ(one.validation, again.validation);
  EXPECT_EQ(one.test, again.test);
  EXPECT_NE(one.validation, other.validation);
}

TEST(SplitStratified, SmallCategoriesKeepATrainingRecord) {
  const auto records = records_with_categories({{"急诊", 2}, {"慢病", 3}, {"big", 30}});
  const SplitAssignment split = split_stratified(records, {0.5, 0.3, 5});
  const auto train = per_category(records, split.train);
  EXPECT_GE(train.at("急诊"), 1);
  EXPECT_GE(train.at("慢病"), 1);
  EXPECT_GE(train.at("big"), 1);
  EXPECT_EQ(split.train.size() + split.validation.size() + split.test.size(), records.size());
}

TEST(SplitStratified, RejectsImpossibleFractions) {
  const auto records = records_with_categories({{"a", 10}});
  EXPECT_THROW(split_stratified(records, {0.6, 0.4, 1}), std::invalid_argument);
  EXPECT_THROW(split_stratified(records, {-0.1, 0.0, 1}), std::invalid_argument);
  EXPECT_TRUE(split_stratified({}, {0.1, 0.1, 1}).train.empty());
}

}  // namespace
