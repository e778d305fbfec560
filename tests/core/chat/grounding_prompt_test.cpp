#include "core/chat/grounding_prompt.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace medlora::chat {
namespace {

std::vector<store::Passage> passages() {
  store::Passage a;
  a.chunk_id = 11;
  a.title = "高血压防治指南";
  a.text = "高血压患者每日食盐摄入应少于5克。";
  store::Passage b;
  b.chunk_id = 12;
  b.document_title = "Diabetes basics";
  b.text = std::string(40, 'x');
  return {a, b};
}

TEST(GroundingPromptTest, ChinesePromptNumbersPassagesWithTitles) {
  const GroundedPrompt prompt = build_grounded_prompt("高血压每天吃多少盐？", passages());
  EXPECT_EQ(prompt.language, "zh");
  EXPECT_NE(prompt.preamble.find("[1] 《高血压防治指南》\n高血压患者每日食盐摄入应少于5克。"), std::string::npos);
  EXPECT_NE(prompt.preamble.find("[2] 《Diabetes basics》"), std::string::npos);  // document title fallback
  EXPECT_NE(prompt.preamble.find("[编号]"), std::string::npos);
  EXPECT_TRUE(prompt.preamble.ends_with("问题："));
  EXPECT_EQ(prompt.user_message, prompt.preamble + "高血压每天吃多少盐？");
  ASSERT_EQ(prompt.passages.size(), 2u);
  EXPECT_EQ(prompt.passages[1].chunk_id, 12);
}

TEST(GroundingPromptTest, EnglishPromptCutsLongPassages) {
  GroundingOptions options;
  options.max_passage_chars = 10;
  const GroundedPrompt prompt = build_grounded_prompt("How much salt?", passages(), options);
  EXPECT_EQ(prompt.language, "en");
  EXPECT_NE(prompt.preamble.find("cite the passage"), std::string::npos);
  EXPECT_NE(prompt.preamble.find("[2] Diabetes basics\nxxxxxxxxxx…\n"), std::string::npos);
  EXPECT_NE(prompt.preamble.find("[1] 高血压防治指南\n高血压患者每日食盐摄…"), std::string::npos);
  EXPECT_TRUE(prompt.user_message.ends_with("Question: How much salt?"));

  options.language = "zh";
  EXPECT_EQ(build_grounded_prompt("How much salt?", passages(), options).language, "zh");
  options.language = "fr";
  EXPECT_THROW(build_grounded_prompt("q", passages(), options), std::invalid_argument);
}

TEST(GroundingPromptTest, NoPassagesLeavesTheQuestionAlone) {
  const GroundedPrompt prompt = build_grounded_prompt("头痛怎么办", {});
  EXPECT_EQ(prompt.user_message, "头痛怎么办");
  EXPECT_TRUE(prompt.preamble.empty());
}

TEST(GroundingPromptTest, CitationsAreFound) {
  EXPECT_EQ(cited_passages("盐要少于5克[1]。运动也有帮助【3】，见［2］。", 3), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(cited_passages("See [1, 3] and [2-3]; not [7] or [0].", 3), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(cited_passages("[2][2] twice", 3), (std::vector<int>{2}));
  EXPECT_TRUE(cited_passages("no citations, a list [a] and an array x[i]", 3).empty());
}

TEST(GroundingPromptTest, DetectsLanguage) {
  EXPECT_EQ(detect_language("What is 高血压?"), "zh");
  EXPECT_EQ(detect_language("What is hypertension?"), "en");
}

}  // namespace
}  // namespace medlora::chat
