#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "core/data/near_duplicates.h"

namespace medlora::data {
namespace {

RecordText record(std::string instruction, std::string output) {
  RecordText r;
  r.instruction = std::move(instruction);
  r.output = std::move(output);
  return r;
}

// Distinct pseudo-random "sentences" so unrelated records share almost no shingles.
std::string random_text(std::mt19937_64& rng, size_t words) {
  static const char* kSyllables[] = {"ka", "lo", "mi", "tre", "su", "pan", "dor", "vel", "qui", "ras", "ne", "bo"};
  std::string out;
  for (size_t w = 0; w < words; ++w) {
    if (w) out += ' ';
    const size_t syllables = 1 + rng() % 3;
    for (size_t s = 0; s < syllables; ++s) out += kSyllables[rng() % 12];
  }
  return out;
}

TEST(FindDuplicatesTest, ExactDuplicatesIgnoreCaseSpacingAndPunctuation) {
  const std::vector<RecordText> records = {
      record("What is asthma?", "Asthma is a chronic disease of the airways."),
      record("what is asthma", "asthma is a chronic disease of the airways"),
      record("What is gout?", "Gout is a form of arthritis."),
      record("WHAT  IS ASTHMA ?", "Asthma is a chronic disease, of the airways!"),
  };
  const DedupResult result = find_duplicates(records, NearDupOptions{}, false);
  ASSERT_EQ(result.exact.size(), 1u);
  EXPECT_EQ(result.exact[0].keep, 0u);
  EXPECT_EQ(result.exact[0].duplicates, (std::vector<size_t>{1, 3}));
  EXPECT_EQ(result.exact[0].similarity, (std::vector<double>{1.0, 1.0}));
  EXPECT_EQ(result.exact_removed, 2);
  EXPECT_TRUE(result.near.empty());
  EXPECT_EQ(duplicate_indices(result), (std::vector<size_t>{1, 3}));
}

TEST(FindDuplicatesTest, NearDuplicateWithTyposIsGroupedAndDistinctRecordsAreNot) {
  std::mt19937_64 rng(3);
  std::vector<RecordText> records;
  for (int i = 0; i < 50; ++i) records.push_back(record("question " + random_text(rng, 6), random_text(rng, 120)));
  RecordText copy = records[7];
  copy.output[10] = 'z';
  copy.output[200] = 'q';
  copy.output.insert(300, "x");
  copy.output += " And one more sentence.";
  records.push_back(copy);  // index 50
  const DedupResult result = find_duplicates(records, NearDupOptions{});
  ASSERT_EQ(result.near.size(), 1u);
  EXPECT_EQ(result.near[0].keep, 7u);
  EXPECT_EQ(result.near[0].duplicates, std::vector<size_t>{50});
  EXPECT_GT(result.near[0].similarity[0], 0.7);
  EXPECT_LT(result.near[0].similarity[0], 1.0);
  EXPECT_EQ(result.near_removed, 1);
  EXPECT_TRUE(result.exact.empty());
}

TEST(FindDuplicatesTest, ChineseNearDuplicatesAreFoundOnCodePoints) {
  const std::string answer =
      "高血压是一种常见的慢性疾病，患者需要长期规律服用降压药物，同时注意低盐饮食、适量运动、戒烟限酒，"
      "并定期监测血压。如果出现头痛、胸闷、视物模糊等症状，应及时就医，在医生指导下调整治疗方案。";
  std::string changed = answer;
  changed.replace(changed.find("适量运动"), std::string("适量运动").size(), "适当运动");
  const std::vector<RecordText> records = {record("高血压患者平时要注意什么？", answer),
                                           record("糖尿病患者平时要注意什么？", "糖尿病患者应控制饮食，监测血糖。"),
                                           record("高血压患者平时要注意什么？", changed)};
  const DedupResult result = find_duplicates(records, NearDupOptions{});
  ASSERT_EQ(result.near.size(), 1u);
  EXPECT_EQ(result.near[0].keep, 0u);
  EXPECT_EQ(result.near[0].duplicates, std::vector<size_t>{2});
}

TEST(FindDuplicatesTest, TemplatedAnswersToDifferentQuestionsAreNotMerged) {
  const std::string boilerplate =
      "New types of treatment are being tested in clinical trials. Information about clinical trials is "
      "available from the NCI website. Patients may want to think about taking part in a clinical trial. For "
      "some patients, taking part in a clinical trial may be the best treatment choice.";
  const std::vector<RecordText> records = {
      record("What research is being done for Hairy Cell Leukemia?", boilerplate),
      record("What research is being done for Ewing Sarcoma?", boilerplate + " Targeted therapy is studied."),
      record("What are the symptoms of Noonan syndrome 1?", boilerplate),
      record("What are the symptoms of Noonan syndrome 2?", boilerplate + " "),
      record("What research is being done for Hairy Cell Leukaemia?", boilerplate + " More."),  // a typo'd copy
  };
  const DedupResult result = find_duplicates(records, NearDupOptions{});
  ASSERT_EQ(result.exact.size(), 0u);
  ASSERT_EQ(result.near.size(), 1u);
  EXPECT_EQ(result.near[0].keep, 0u);
  EXPECT_EQ(result.near[0].duplicates, std::vector<size_t>{4});

  NearDupOptions answers_only;
  answers_only.prompt_threshold = 0.0;  // the prompt check off: boilerplate merges everything
  const DedupResult merged = find_duplicates(records, answers_only);
  ASSERT_EQ(merged.near.size(), 1u);
  EXPECT_EQ(merged.near[0].duplicates.size(), 4u);
}

TEST(FindDuplicatesTest, PreferKeepChoosesTheApprovedRecordOfAGroup) {
  const std::vector<RecordText> records = {record("What is gout?", "Gout is a form of arthritis caused by urate."),
                                           record("what is gout", "Gout is a form of arthritis caused by urate"),
                                           record("What is gout?", "gout is a form of arthritis caused by urate.")};
  const DedupResult result = find_duplicates(records, NearDupOptions{}, true, {}, {false, true, false});
  ASSERT_EQ(result.exact.size(), 1u);
  EXPECT_EQ(result.exact[0].keep, 1u);
  EXPECT_EQ(result.exact[0].duplicates, (std::vector<size_t>{0, 2}));
  EXPECT_THROW(find_duplicates(records, NearDupOptions{}, true, {}, {true}), std::invalid_argument);
}

TEST(FindDuplicatesTest, ProgressIsReportedAndCanCancel) {
  std::mt19937_64 rng(5);
  std::vector<RecordText> records;
  for (int i = 0; i < 3000; ++i) records.push_back(record("q " + random_text(rng, 4), random_text(rng, 20)));
  int64_t last_done = 0, calls = 0;
  const auto full = find_duplicates(records, NearDupOptions{}, true, [&](int64_t done, int64_t total) {
    EXPECT_EQ(total, 3000);
    EXPECT_GE(done, last_done);
    last_done = done;
    ++calls;
    return true;
  });
  EXPECT_FALSE(full.cancelled);
  EXPECT_EQ(last_done, 3000);
  EXPECT_GE(calls, 2);
  const auto cancelled = find_duplicates(records, NearDupOptions{}, true, [](int64_t, int64_t) { return false; });
  EXPECT_TRUE(cancelled.cancelled);
  EXPECT_TRUE(cancelled.near.empty());
}

TEST(FindDuplicatesTest, BadOptionsAreRejected) {
  const std::vector<RecordText> records = {record("q", "a")};
  NearDupOptions options;
  options.threshold = 1.5;
  EXPECT_THROW(find_duplicates(records, options), std::invalid_argument);
  options = NearDupOptions{};
  options.bands = 30;  // 128 is not a multiple of 30
  EXPECT_THROW(find_duplicates(records, options), std::invalid_argument);
  options = NearDupOptions{};
  options.shingle = 0;
  EXPECT_THROW(find_duplicates(records, options), std::invalid_argument);
}

TEST(FindDuplicatesTest, ResultsDoNotDependOnTheThreadCount) {
  std::mt19937_64 rng(9);
  std::vector<RecordText> records;
  for (int i = 0; i < 2000; ++i) {
    records.push_back(record("q " + random_text(rng, 5), random_text(rng, 40)));
    if (i % 10 == 0) records.push_back(record(records.back().instruction, records.back().output + " extra words here"));
  }
  NearDupOptions one, two;
  one.threads = 1;
  two.threads = 2;
  const auto a = find_duplicates(records, one), b = find_duplicates(records, two);
  ASSERT_EQ(a.near.size(), b.near.size());
  EXPECT_GT(a.near.size(), 150u);
  for (size_t g = 0; g < a.near.size(); ++g) {
    EXPECT_EQ(a.near[g].keep, b.near[g].keep);
    EXPECT_EQ(a.near[g].duplicates, b.near[g].duplicates);
  }
}

// Thousands of records that all collide in the LSH buckets must not be compared pairwise.
TEST(FindDuplicatesTest, HugeGroupsOfSimilarRecordsStayLinear) {
  const std::string base(600, 'a');
  std::vector<RecordText> records;
  std::mt19937_64 rng(1);
  for (int i = 0; i < 20000; ++i) {
    std::string text = "the same long answer " + random_text(rng, 1) + " " + std::string(400, 'x');
    records.push_back(record("same question", text));
  }
  const auto start = std::chrono::steady_clock::now();
  const auto result = find_duplicates(records, NearDupOptions{});
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 10.0);  // all pairs would be 2e8 comparisons
  EXPECT_GT(result.exact_removed + result.near_removed, 19000);
}

}  // namespace
}  // namespace medlora::data
