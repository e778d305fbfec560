#include "core/chat/test_questions.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <fstream>
#include <stdexcept>

#include "core/chat/answer_metadata.h"
#include "core/store/dataset_repository.h"
#include "core/store/store_error.h"

namespace medlora::chat {
namespace {

class TestQuestionsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(dir_.isValid()); }
  std::string write(const std::string& name, const std::string& bytes) {
    const std::string path = dir_.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  QTemporaryDir dir_;
};

TEST_F(TestQuestionsTest, PlainTextOneQuestionPerLine) {
  const auto questions = read_test_questions(write("q.txt", "头痛怎么办？\n\n  What is asthma?  \r\n"));
  ASSERT_EQ(questions.size(), 2u);
  EXPECT_EQ(questions[0].question, "头痛怎么办？");
  EXPECT_EQ(questions[1].question, "What is asthma?");
  EXPECT_TRUE(questions[1].item.empty());
}

TEST_F(TestQuestionsTest, JsonLinesAndArrays) {
  const auto lines = read_test_questions(write(
      "q.jsonl",
      "{\"question\": \"发烧怎么办\", \"reference\": \"多喝水\", \"id\": 17}\n"
      "{\"instruction\": \"回答问题\", \"input\": \"咳嗽\", \"output\": \"止咳\", \"item\": \"c1\"}\n"));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].item, "17");
  EXPECT_EQ(lines[0].reference, "多喝水");
  EXPECT_EQ(lines[1].question, "回答问题\n\n咳嗽");
  EXPECT_EQ(lines[1].reference, "止咳");
  EXPECT_EQ(lines[1].item, "c1");

  const auto array = read_test_questions(write("q.json", R"([{"question": "a?"}, {"input": "b?", "answer": "B"}])"));
  ASSERT_EQ(array.size(), 2u);
  EXPECT_EQ(array[1].question, "b?");
  EXPECT_EQ(array[1].reference, "B");

  try {
    read_test_questions(write("bad.jsonl", "{\"question\": \"ok\"}\n{\"reference\": \"no question\"}\n"));
    FAIL();
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("bad.jsonl:2: no question"), std::string::npos) << error.what();
  }
  EXPECT_THROW(read_test_questions(write("empty.txt", "\n\n")), std::runtime_error);
  EXPECT_THROW(read_test_questions(write("broken.jsonl", "{oops\n")), std::runtime_error);
}

TEST_F(TestQuestionsTest, DatasetRecords) {
  store::Workspace ws(dir_.filePath("w.mlw").toStdString());
  store::DatasetRepository datasets(ws);
  const int64_t id = datasets.create_dataset("d", "");
  data::RecordText a;
  a.input = "头痛怎么办？";
  a.output = "休息";
  data::RecordText b;
  b.instruction = "Answer.";
  b.input = "What is gout?";
  data::RecordText empty;
  const auto inserted = datasets.insert_records(id, {a, b, empty});
  const auto questions = dataset_test_questions(ws, id);
  ASSERT_EQ(questions.size(), 2u);
  EXPECT_EQ(questions[0].item, "record-" + std::to_string(inserted.ids[0]));
  EXPECT_EQ(questions[0].question, "头痛怎么办？");
  EXPECT_EQ(questions[0].reference, "休息");
  EXPECT_EQ(questions[1].question, "Answer.\n\nWhat is gout?");
  EXPECT_EQ(dataset_test_questions(ws, id, false, 1).size(), 1u);
  EXPECT_TRUE(dataset_test_questions(ws, id, true).empty());
  EXPECT_THROW(dataset_test_questions(ws, id + 1), store::StoreError);
}

TEST(AnswerMetadataTest, JsonRoundTrip) {
  AnswerMetadata metadata;
  metadata.configuration = "lora";
  metadata.adapter = "common";
  metadata.route_reason = "matched 头痛 → common";
  metadata.passages.push_back({7, 2, 0, "头痛", "头痛指南", "休息。", 3.5});
  metadata.safety = SafetyFilter(SafetyRules::defaults()).check("突然胸痛", "休息一下");
  metadata.tokens_per_second = 12.25;
  metadata.tokens = 40;
  metadata.finish_reason = "eos";
  metadata.seed = 42;
  const AnswerMetadata back = AnswerMetadata::from_json(metadata.to_json());
  EXPECT_EQ(back.configuration, "lora");
  EXPECT_EQ(back.adapter, "common");
  EXPECT_EQ(back.route_reason, metadata.route_reason);
  EXPECT_EQ(back.passages, metadata.passages);
  EXPECT_EQ(back.safety.flags, metadata.safety.flags);
  EXPECT_EQ(back.safety.emergency_notice, metadata.safety.emergency_notice);
  EXPECT_DOUBLE_EQ(back.tokens_per_second, 12.25);
  EXPECT_EQ(back.tokens, 40);
  EXPECT_EQ(back.finish_reason, "eos");
  EXPECT_EQ(back.seed, 42);
  EXPECT_EQ(AnswerMetadata::from_json("{}").seed, -1);
  EXPECT_THROW(AnswerMetadata::from_json("[]"), std::invalid_argument);
}

}  // namespace
}  // namespace medlora::chat
