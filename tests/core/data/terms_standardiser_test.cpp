#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/data/keyword_matcher.h"
#include "core/data/term_standardiser.h"

namespace medlora::data {
namespace {

using Dictionary = std::vector<std::pair<std::string, std::string>>;

RecordText record(std::string instruction, std::string output) {
  RecordText r;
  r.instruction = std::move(instruction);
  r.output = std::move(output);
  return r;
}

TEST(KeywordMatcherTest, FindsOverlappingKeywordsCaseInsensitivelyOnBoundaries) {
  const KeywordMatcher m({"he", "she", "hers", "MI", "心梗"});
  const auto hits = m.find_all("ushers; an mi; amiable; 急性心梗");
  std::vector<std::pair<size_t, size_t>> found;
  for (const auto& h : hits) found.emplace_back(h.offset, h.keyword);
  // "she" is not a word inside "ushers" -> rejected; "he"/"hers" also inside a word.
  EXPECT_EQ(found, (std::vector<std::pair<size_t, size_t>>{{11, 3}, {std::string("ushers; an mi; amiable; 急性").size(), 4}}));
  EXPECT_THROW(KeywordMatcher({""}), std::invalid_argument);
}

TEST(KeywordMatcherTest, LongestFirstWithoutOverlaps) {
  const KeywordMatcher m({"高血压", "原发性高血压", "血压"});
  const auto hits = m.find_longest("原发性高血压和血压");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].keyword, 1u);
  EXPECT_EQ(hits[1].keyword, 2u);
  EXPECT_EQ(hits[1].offset, std::string("原发性高血压和").size());
}

TEST(TermStandardiserTest, ReplacesSynonymsAndPreviewsEveryChange) {
  const Dictionary dictionary = {{"心梗", "心肌梗死"}, {"MI", "myocardial infarction"}, {"heart attack", "myocardial infarction"},
                                 {"急性心梗", "急性心肌梗死"}};
  const std::vector<RecordText> records = {record("急性心梗和心梗的区别", "A Heart Attack (MI) is serious; MIT is a school."),
                                           record("No terms here", "none")};
  const TermPlan plan = plan_term_standardisation(records, dictionary);
  ASSERT_EQ(plan.changed.size(), 1u);
  EXPECT_EQ(plan.changed[0].after.instruction, "急性心肌梗死和心肌梗死的区别");
  EXPECT_EQ(plan.changed[0].after.output, "A myocardial infarction (myocardial infarction) is serious; MIT is a school.");
  EXPECT_EQ(plan.changed[0].before.output, records[0].output);
  EXPECT_EQ(plan.changed[0].rules, std::vector<std::string>{"term"});
  ASSERT_EQ(plan.changes.size(), 4u);
  EXPECT_EQ(plan.changes[0].synonym, "急性心梗");
  EXPECT_EQ(plan.changes[0].standard, "急性心肌梗死");
  EXPECT_EQ(plan.changes[0].offset, 0u);
  EXPECT_EQ(plan.changes[1].synonym, "心梗");
  EXPECT_EQ(plan.changes[2].field, "output");
  EXPECT_EQ(plan.changes[2].synonym, "Heart Attack");  // as written in the record
  EXPECT_EQ(plan.changes[2].offset, 2u);
  EXPECT_EQ(plan.changes[3].synonym, "MI");
}

TEST(TermStandardiserTest, ASynonymInsideItsStandardIsLeftAlone) {
  const TermPlan plan = plan_term_standardisation({record("2型糖尿病与糖尿病", "x")}, {{"糖尿病", "2型糖尿病"}});
  ASSERT_EQ(plan.changed.size(), 1u);
  EXPECT_EQ(plan.changed[0].after.instruction, "2型糖尿病与2型糖尿病");
  EXPECT_EQ(plan.changes.size(), 1u);
}

TEST(TermStandardiserTest, BadDictionariesAreRejected) {
  EXPECT_THROW(plan_term_standardisation({}, {{"", "x"}}), std::invalid_argument);
  EXPECT_THROW(plan_term_standardisation({}, {{"x", ""}}), std::invalid_argument);
  EXPECT_THROW(plan_term_standardisation({}, {{"MI", "myocardial infarction"}, {"mi", "mitral insufficiency"}}),
               std::invalid_argument);
  EXPECT_NO_THROW(plan_term_standardisation({}, {{"MI", "myocardial infarction"}, {"MI", "myocardial infarction"}}));
  EXPECT_TRUE(plan_term_standardisation({record("高血压", "x")}, {{"高血压", "高血压"}}).changed.empty());
}

}  // namespace
}  // namespace medlora::data
