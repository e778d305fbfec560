#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "core/data/augmentation.h"

namespace medlora::data {
namespace {

using Dictionary = std::vector<std::pair<std::string, std::string>>;

RecordText record(std::string instruction, std::string output) {
  RecordText r;
  r.instruction = std::move(instruction);
  r.output = std::move(output);
  r.category = "内科";
  r.metadata["source"] = "test";
  return r;
}

const Dictionary kDictionary = {{"心梗", "心肌梗死"}, {"心肌梗塞", "心肌梗死"}, {"heart attack", "myocardial infarction"},
                                {"MI", "myocardial infarction"}};

TEST(AugmentationTest, ReplacesStandardTermsBySynonymsAndMarksRecordsSynthetic) {
  const std::vector<RecordText> records = {record("心肌梗死有哪些症状？", "心肌梗死常见胸痛。"),
                                           record("What is a cold?", "A common infection.")};
  const auto out = augment_with_synonyms(records, kDictionary, 3, 42);
  ASSERT_FALSE(out.empty());
  EXPECT_LE(out.size(), 3u);
  std::set<std::string> texts;
  for (const auto& r : out) {
    EXPECT_TRUE(r.synthetic);
    EXPECT_EQ(r.metadata.at("augmented_from"), "0");
    EXPECT_EQ(r.metadata.at("augmentation"), "synonym");
    EXPECT_EQ(r.metadata.at("source"), "test");
    EXPECT_EQ(r.category, "内科");
    const std::string text = r.instruction + "|" + r.output;
    EXPECT_NE(text, records[0].instruction + "|" + records[0].output);
    EXPECT_TRUE(text.find("心梗") != std::string::npos || text.find("心肌梗塞") != std::string::npos) << text;
    texts.insert(text);
  }
  EXPECT_EQ(texts.size(), out.size());  // all different
  // Two occurrences, each kept or replaced by one of two synonyms: 8 variants but the source.
  EXPECT_EQ(augment_with_synonyms(records, kDictionary, 20, 42).size(), 8u);
}

TEST(AugmentationTest, SameSeedSameOutputAndLatinTermsOnWordBoundaries) {
  const std::vector<RecordText> records = {record("What is a myocardial infarction?", "Myocardial infarction is serious."),
                                           record("myocardial infarctions", "no boundary")};
  const auto a = augment_with_synonyms(records, kDictionary, 2, 7);
  const auto b = augment_with_synonyms(records, kDictionary, 2, 7);
  ASSERT_EQ(a.size(), 2u);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].instruction, b[i].instruction);
    EXPECT_EQ(a[i].output, b[i].output);
    EXPECT_EQ(a[i].metadata.at("augmented_from"), "0");
  }
}

TEST(AugmentationTest, NothingToReplaceGivesNothingAndBadCountsThrow) {
  EXPECT_TRUE(augment_with_synonyms({record("感冒", "多喝水")}, kDictionary, 3, 1).empty());
  EXPECT_TRUE(augment_with_synonyms({record("心肌梗死", "x")}, kDictionary, 0, 1).empty());
  EXPECT_THROW(augment_with_synonyms({}, kDictionary, -1, 1), std::invalid_argument);
}

}  // namespace
}  // namespace medlora::data
