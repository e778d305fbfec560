#include <gtest/gtest.h>

#include <string>

#include "core/data/prompt_similarity.h"
#include "core/data/utf8_text.h"

namespace medlora::data {
namespace {

std::u32string norm(const std::string& text) {
  std::u32string out;
  utf8::append_hash_normalised(text, out);
  return out;
}

bool match(const std::string& a, const std::string& b) { return prompts_match(norm(a), norm(b), 0.85); }

TEST(PromptSimilarityTest, TyposSwapsAndSpacingStillMatch) {
  EXPECT_TRUE(match("What are the symptoms of Landau-Kleffner syndrome?", "What are the symptoms of Landua-Kleffner syndrome?"));
  EXPECT_TRUE(match("What causes Peters plus syndrome?", "What causes plus Peters syndrome?"));
  EXPECT_TRUE(match("What is (are) Eisenmenger syndrome?", "Whati s (are) Eisenmenger syndrome ?"));
  EXPECT_TRUE(match("Who is at risk for Kidney Stones?", "who is at risk for kidney stones"));
  EXPECT_TRUE(match("糖尿病患者能吃什么水果", "糖尿病患着能吃什么水果"));
}

TEST(PromptSimilarityTest, DifferentSubjectsDoNotMatch) {
  EXPECT_FALSE(match("What are the treatments for Anal Cancer?", "What are the treatments for Penile Cancer?"));
  EXPECT_FALSE(match("What research is being done for Hairy Cell Leukemia?", "What research is being done for Ewing Sarcoma?"));
  EXPECT_FALSE(match("What are the symptoms of ABCD syndrome?", "What are the symptoms of DCMA syndrome?"));
  EXPECT_FALSE(match("What is (are) Noonan syndrome 1?", "What is (are) Noonan syndrome 2?"));
  EXPECT_FALSE(match("What is (are) Usher syndrome, type 1B?", "What is (are) Usher syndrome, type 1C?"));
  EXPECT_FALSE(match("What are the symptoms of Mucopolysaccharidosis type IV?", "What are the symptoms of Mucopolysaccharidosis type VI?"));
  EXPECT_FALSE(match("What I need to know about Hepatitis A", "What I need to know about Hepatitis C"));
  EXPECT_FALSE(match("糖尿病的症状有哪些", "高血压的症状有哪些"));
  EXPECT_FALSE(match("1型糖尿病怎么治疗", "2型糖尿病怎么治疗"));
  EXPECT_FALSE(match("What are the symptoms of Joubert syndrome?", "What are the symptoms of Joubert syndrome 2?"));
}

TEST(PromptSimilarityTest, QuickKeysAgreeWithTheFullComparison) {
  const std::string pairs[][2] = {
      {"What is gout?", "what is gout"},
      {"What is (are) Noonan syndrome 1?", "What is (are) Noonan syndrome 2?"},
      {"What is (are) Eisenmenger syndrome?", "Whati s (are) Eisenmenger syndrome ?"},
      {"What I need to know about Hepatitis A", "What I need to know about Hepatitis C"},
      {"What causes gout?", "What causes gout in older adults?"},
  };
  for (const auto& p : pairs) {
    const auto a = norm(p[0]), b = norm(p[1]);
    const int quick = quick_prompts_match(prompt_key(a), prompt_key(b), 0.85);
    if (quick >= 0) {
      EXPECT_EQ(quick == 1, prompts_match(a, b, 0.85)) << p[0] << " / " << p[1];
    }
  }
  EXPECT_EQ(quick_prompts_match(prompt_key(norm("What is gout?")), prompt_key(norm("what is gout")), 0.85), 1);
  EXPECT_EQ(quick_prompts_match(prompt_key(norm("type 1")), prompt_key(norm("type 2")), 0.85), 0);
}

TEST(PromptSimilarityTest, EditDistanceCountsTranspositionsOnceAndStopsEarly) {
  EXPECT_EQ(bounded_edit_distance(U"landau", U"landua", 3), 1u);
  EXPECT_EQ(bounded_edit_distance(U"kitten", U"sitting", 5), 3u);
  EXPECT_EQ(bounded_edit_distance(U"kitten", U"sitting", 2), 3u);  // max_distance + 1
  EXPECT_EQ(bounded_edit_distance(U"", U"abc", 5), 3u);
  EXPECT_DOUBLE_EQ(fuzzy_word_similarity(U"a b c", U"c b a"), 1.0);
}

}  // namespace
}  // namespace medlora::data
