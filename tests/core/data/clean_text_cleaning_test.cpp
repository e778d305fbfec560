#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/data/text_cleaning.h"

namespace medlora::data {
namespace {

RecordText record(std::string instruction, std::string output, std::string input = "") {
  RecordText r;
  r.instruction = std::move(instruction);
  r.input = std::move(input);
  r.output = std::move(output);
  return r;
}

std::string clean(const std::string& text, std::vector<std::string>* applied = nullptr) {
  return clean_text(text, CleaningRules{}, applied);
}

TEST(CleanTextTest, WhitespaceIsTrimmedCollapsedAndLineBreaksKept) {
  std::vector<std::string> applied;
  EXPECT_EQ(clean("  Take\t two \u00a0tablets  \r\n\r\n\r\n\r\ndaily.  \n", &applied), "Take two tablets\n\ndaily.");
  EXPECT_EQ(applied, std::vector<std::string>{"whitespace"});
  EXPECT_EQ(clean("line one   \nline two"), "line one\nline two");
  EXPECT_EQ(clean("中文\u3000\u3000空格"), "中文 空格");
}

TEST(CleanTextTest, AlreadyCleanTextIsUnchangedAndReportsNoRule) {
  std::vector<std::string> applied;
  const std::string text = "Diabetes is a disease in which blood glucose levels are too high.\n\nSee a doctor.";
  EXPECT_EQ(clean(text, &applied), text);
  EXPECT_TRUE(applied.empty());
}

TEST(CleanTextTest, HtmlTagsAreRemovedAndEntitiesDecoded) {
  std::vector<std::string> applied;
  EXPECT_EQ(clean("<p>Use <b>50&nbsp;mg</b> &amp; rest</p><p>Second&#8212;para &#x4E2D;</p>", &applied),
            "Use 50 mg & rest\n\nSecond\u2014para 中");  // two block ends: a paragraph break
  EXPECT_EQ(applied, (std::vector<std::string>{"html", "whitespace"}));
  EXPECT_EQ(clean("line<br/>next"), "line\nnext");
  EXPECT_EQ(clean("a<!-- hidden -->b<script>alert(1)</script>c"), "abc");
}

TEST(CleanTextTest, AngleBracketsInMedicalTextAreNotTags) {
  EXPECT_EQ(clean("血压<140/90 mmHg，且 >5 岁"), "血压<140/90 mmHg，且 >5 岁");
  EXPECT_EQ(clean("x <5 and y> 3"), "x <5 and y> 3");
  EXPECT_EQ(clean("<Answer> is not an HTML element"), "<Answer> is not an HTML element");
  EXPECT_EQ(clean("HbA1c < 7% & LDL > 2"), "HbA1c < 7% & LDL > 2");
  EXPECT_EQ(clean("AT&T; x &unknown; y"), "AT&T; x &unknown; y");
}

TEST(CleanTextTest, ControlCharactersAndInvalidBytesAreRemoved) {
  std::vector<std::string> applied;
  EXPECT_EQ(clean(std::string("ab\x01\x7f" "c\u200bd\ufeff") + "\xff" "e", &applied), "abcde");
  EXPECT_EQ(applied, std::vector<std::string>{"control"});
  EXPECT_EQ(clean("tab\tand\nnewline stay"), "tab and\nnewline stay");  // the tab becomes a space
}

TEST(CleanTextTest, FullwidthFormsFoldAndChinesePunctuationFollowsContext) {
  std::vector<std::string> applied;
  // ASCII-range fullwidth letters, digits and symbols always become ASCII.
  EXPECT_EQ(clean("ＨｂＡ１ｃ ７．５％", &applied), "HbA1c 7.5%");
  EXPECT_EQ(applied, std::vector<std::string>{"punctuation"});
  // Chinese punctuation next to Chinese text stays; in Latin text it becomes ASCII.
  EXPECT_EQ(clean("每日两次，饭后服用。"), "每日两次，饭后服用。");
  EXPECT_EQ(clean("Take 2 tablets，twice a day。"), "Take 2 tablets,twice a day.");
  EXPECT_EQ(clean("（注意）"), "（注意）");
  EXPECT_EQ(clean("(see note)：yes"), "(see note):yes");
  // ASCII comma between Chinese characters becomes the Chinese comma; numbers keep theirs.
  EXPECT_EQ(clean("头痛,发热"), "头痛，发热");
  EXPECT_EQ(clean("剂量为1,000毫克"), "剂量为1,000毫克");
}

TEST(CleanTextTest, RulesCanBeSwitchedOff) {
  CleaningRules rules;
  rules.strip_html = false;
  rules.normalise_whitespace = false;
  EXPECT_EQ(clean_text("<b>x</b>  y", rules), "<b>x</b>  y");
}

TEST(PlanCleaningTest, ReportsChangesDropsAndCountsPerRule) {
  const std::vector<RecordText> records = {
      record("What is it?", "  It is <b>fine</b>. "),  // html + whitespace
      record("Q", ""),                                   // empty
      record("Q", "x"),                                  // too short (1 < 2)
      record("Q", std::string(30, 'a')),                 // too long with max 20
      record("", "an answer without a question"),         // empty: nothing asked
      record("Fine", "Already clean."),
  };
  CleaningRules rules;
  rules.max_chars = 20;
  rules.min_chars = 2;
  const CleaningResult plan = plan_cleaning(records, rules);
  ASSERT_EQ(plan.changed.size(), 1u);
  EXPECT_EQ(plan.changed[0].index, 0u);
  EXPECT_EQ(plan.changed[0].before.output, "  It is <b>fine</b>. ");
  EXPECT_EQ(plan.changed[0].after.output, "It is fine.");
  EXPECT_EQ(plan.changed[0].rules, (std::vector<std::string>{"html", "whitespace"}));
  const std::vector<std::pair<size_t, std::string>> dropped = {
      {1, "empty"}, {2, "too_short"}, {3, "too_long"}, {4, "empty"}};
  EXPECT_EQ(plan.dropped, dropped);
  EXPECT_EQ(plan.counts.at("html"), 1);
  EXPECT_EQ(plan.counts.at("whitespace"), 1);
  EXPECT_EQ(plan.counts.at("empty"), 2);
  EXPECT_EQ(plan.counts.at("too_short"), 1);
  EXPECT_EQ(plan.counts.at("too_long"), 1);
  EXPECT_EQ(plan.counts.at("control"), 0);

  const auto cleaned = apply_cleaning(records, plan);
  ASSERT_EQ(cleaned.size(), 2u);
  EXPECT_EQ(cleaned[0].output, "It is fine.");
  EXPECT_EQ(cleaned[1].instruction, "Fine");
}

TEST(PlanCleaningTest, LengthsCountCodePointsNotBytes) {
  CleaningRules rules;
  rules.max_chars = 4;
  const auto plan = plan_cleaning({record("问", "高血压病"), record("问", "高血压病人")}, rules);
  ASSERT_EQ(plan.dropped.size(), 1u);
  EXPECT_EQ(plan.dropped[0], (std::pair<size_t, std::string>{1, "too_long"}));
}

TEST(PlanCleaningTest, PromptLengthIsCheckedAgainstMaxChars) {
  CleaningRules rules;
  rules.max_chars = 10;
  const auto plan = plan_cleaning({record("a long question here", "short", "and input")}, rules);
  ASSERT_EQ(plan.dropped.size(), 1u);
  EXPECT_EQ(plan.dropped[0].second, "too_long");
}

TEST(PlanCleaningTest, ApplyRejectsAPlanForOtherRecords) {
  CleaningResult plan;
  plan.dropped.emplace_back(5, "empty");
  EXPECT_THROW(apply_cleaning({record("q", "a")}, plan), std::invalid_argument);
}

TEST(NormaliseForHashTest, FoldsCaseWidthPunctuationAndSpacing) {
  EXPECT_EQ(normalise_for_hash("  What IS  diabetes?\n"), "what is diabetes");
  EXPECT_EQ(normalise_for_hash("What is diabetes"), normalise_for_hash("what is, diabetes ..."));
  EXPECT_EQ(normalise_for_hash("糖尿病，是什么？"), "糖尿病是什么");
  EXPECT_EQ(normalise_for_hash("ＡＢＣ　１２３"), "abc 123");
  EXPECT_NE(normalise_for_hash("type 1"), normalise_for_hash("type 2"));
}

}  // namespace
}  // namespace medlora::data
