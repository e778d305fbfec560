#include <gtest/gtest.h>

#include "core/data/dataset_record.h"

namespace medlora::data {
namespace {

TEST(QuestionAndAnswer, InstructionRecordsJoinInstructionAndInput) {
  RecordText record;
  record.instruction = "  你是医生 ";
  record.input = "头痛怎么办\n";
  record.output = " 多休息 ";
  const auto qa = question_and_answer(record);
  EXPECT_EQ(qa.question, "你是医生\n\n头痛怎么办");
  EXPECT_EQ(qa.answer, "多休息");
  record.instruction.clear();
  EXPECT_EQ(question_and_answer(record).question, "头痛怎么办");
}

TEST(QuestionAndAnswer, ConversationsGiveTheLastExchange) {
  RecordText record;
  record.messages = {{"system", "你是儿科医生"}, {"user", "发烧"}, {"assistant", "多喝水"},
                     {"user", "还咳嗽"},       {"assistant", "观察两天"}};
  const auto qa = question_and_answer(record);
  EXPECT_EQ(qa.question, "你是儿科医生\n\n还咳嗽");
  EXPECT_EQ(qa.answer, "观察两天");
  // A trailing user turn has no answer yet: the last answered exchange counts.
  record.messages.push_back({"user", "谢谢"});
  EXPECT_EQ(question_and_answer(record).answer, "观察两天");
  EXPECT_EQ(question_and_answer(record).question, "你是儿科医生\n\n还咳嗽");
}

}  // namespace
}  // namespace medlora::data
