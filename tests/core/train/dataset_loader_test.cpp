#include "core/train/dataset_loader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "core/train/train_error.h"
#include "tests/support/temp_dir.h"

namespace medlora::train {
namespace {

std::filesystem::path write(const medlora::testing::TempDir& dir, const std::string& name, const std::string& text) {
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string error_of(const std::filesystem::path& file) {
  try {
    load_training_records(file);
  } catch (const TrainingError& e) {
    return e.what();
  }
  return "";
}

TEST(DatasetLoaderTest, ReadsJsonl) {
  medlora::testing::TempDir dir;
  const auto file = write(dir, "d.jsonl",
                          "{\"instruction\": \"Answer\", \"input\": \"fever?\", \"output\": \"rest\"}\n\n"
                          "{\"question\": \"cough?\", \"answer\": \"water\"}\n");
  const auto records = load_training_records(file);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].instruction, "Answer");
  EXPECT_EQ(records[0].input, "fever?");
  EXPECT_EQ(records[0].output, "rest");
  EXPECT_EQ(records[1].input, "cough?");
  EXPECT_EQ(records[1].output, "water");
  EXPECT_EQ(records[1].line, 3);
}

TEST(DatasetLoaderTest, ReadsJsonArray) {
  medlora::testing::TempDir dir;
  const auto file = write(dir, "d.json", "[\n {\"input\": \"a\", \"output\": \"b\"},\n {\"question\": \"c\", \"answer\": \"d\"}\n]\n");
  const auto records = load_training_records(file);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].input, "c");
  EXPECT_EQ(records[1].line, 3);
}

TEST(DatasetLoaderTest, ReadsCsvWithQuotesAndNewlines) {
  medlora::testing::TempDir dir;
  const auto file = write(dir, "d.csv", "question,answer\n\"fever, high\",\"rest\nand \"\"fluids\"\"\"\ncough,water\n");
  const auto records = load_training_records(file);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].input, "fever, high");
  EXPECT_EQ(records[0].output, "rest\nand \"fluids\"");
  EXPECT_EQ(records[1].line, 4);
}

TEST(DatasetLoaderTest, BrokenLinesAreReportedWithTheirNumber) {
  medlora::testing::TempDir dir;
  auto msg = error_of(write(dir, "a.jsonl", "{\"input\": \"a\", \"output\": \"b\"}\n{\"input\": \"a\", \"output\": \n"));
  EXPECT_NE(msg.find("a.jsonl:2"), std::string::npos) << msg;
  msg = error_of(write(dir, "b.jsonl", "{\"input\": \"a\", \"output\": \"b\"}\n\n{\"input\": \"only\"}\n"));
  EXPECT_NE(msg.find("b.jsonl:3"), std::string::npos) << msg;
  EXPECT_NE(msg.find("output"), std::string::npos) << msg;
  msg = error_of(write(dir, "c.csv", "input,output\na,b\nc\n"));
  EXPECT_NE(msg.find("c.csv:3"), std::string::npos) << msg;
  msg = error_of(write(dir, "d.json", "[\n{\"input\": \"a\", \"output\": \"b\"},\n{\"input\": \"a\" \"output\": \"b\"}]"));
  EXPECT_NE(msg.find("d.json:3"), std::string::npos) << msg;
  msg = error_of(write(dir, "e.txt", "x"));
  EXPECT_NE(msg.find(".txt"), std::string::npos) << msg;
}

TEST(DatasetLoaderTest, ReadsOpenAiAndShareGptConversations) {
  medlora::testing::TempDir dir;
  const auto file = write(
      dir, "chat.jsonl",
      "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"fever?\"}, "
      "{\"role\": \"assistant\", \"content\": \"How high?\"}, {\"role\": \"user\", \"content\": \"39\"}, "
      "{\"role\": \"assistant\", \"content\": \"See a doctor.\"}], \"category\": \"内科\"}\n"
      "{\"input\": \"plain\", \"output\": \"record\"}\n"
      "{\"conversations\": [{\"from\": \"human\", \"value\": \"咳嗽？\"}, {\"from\": \"gpt\", \"value\": \"多喝水\"}]}\n");
  const auto records = load_training_records(file);
  ASSERT_EQ(records.size(), 3u);
  ASSERT_EQ(records[0].messages.size(), 5u);
  EXPECT_EQ(records[0].messages[0], (tokenizer::ChatMessage{"system", "Be brief."}));
  EXPECT_EQ(records[0].messages[4], (tokenizer::ChatMessage{"assistant", "See a doctor."}));
  EXPECT_TRUE(records[0].output.empty() && records[0].input.empty());
  EXPECT_TRUE(records[1].messages.empty());
  EXPECT_EQ(records[1].output, "record");
  EXPECT_EQ(records[2].messages, (tokenizer::Conversation{{"user", "咳嗽？"}, {"assistant", "多喝水"}}));
  EXPECT_EQ(records[2].line, 3);

  const auto array = write(dir, "chat.json",
                           "[\n {\"input\": \"a\", \"output\": \"b\"},\n"
                           " {\"conversations\": [{\"from\": \"human\", \"value\": \"q\"}, {\"from\": \"gpt\", \"value\": \"a\"}]}\n]\n");
  const auto from_array = load_training_records(array);
  ASSERT_EQ(from_array.size(), 2u);
  EXPECT_EQ(from_array[1].messages.size(), 2u);
  EXPECT_EQ(from_array[1].line, 3);
}

TEST(DatasetLoaderTest, BrokenConversationsNameFileAndLine) {
  medlora::testing::TempDir dir;
  auto error_for = [&](const std::string& second_line) {
    const auto file = write(dir, "bad.jsonl", "{\"input\": \"a\", \"output\": \"b\"}\n" + second_line + "\n");
    return error_of(file);
  };
  std::string error = error_for("{\"messages\": [{\"role\": \"user\", \"content\": \"no answer\"}]}");
  EXPECT_NE(error.find("bad.jsonl:2"), std::string::npos) << error;
  EXPECT_NE(error.find("no assistant turn"), std::string::npos) << error;
  error = error_for("{\"conversations\": [{\"from\": \"human\", \"value\": \"q\"}, {\"from\": \"bot\", \"value\": \"a\"}]}");
  EXPECT_NE(error.find("bad.jsonl:2: conversations[1]: unknown role 'bot'"), std::string::npos) << error;
  error = error_for("{\"messages\": {\"role\": \"user\"}}");
  EXPECT_NE(error.find("not an array"), std::string::npos) << error;
  error = error_for("{\"messages\": [{\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"assistant\", \"content\": \"\"}]}");
  EXPECT_NE(error.find("messages[1]: empty content"), std::string::npos) << error;
  error = error_for("{\"messages\": [{\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"assistant\", \"content\": \"a\"}], \"output\": \"x\"}");
  EXPECT_NE(error.find("either instruction/input/output or messages"), std::string::npos) << error;
}

TEST(DatasetLoaderTest, TextCorpusSplitsOnBlankLines) {
  medlora::testing::TempDir dir;
  const auto docs = load_text_corpus(write(dir, "c.txt", "one\ntwo\n\n\nthree\n"));
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0], "one\ntwo");
  EXPECT_EQ(docs[1], "three");
}

TEST(DatasetLoaderTest, SplitIsDeterministicAndDisjoint) {
  std::vector<TrainingRecord> records;
  for (int i = 0; i < 20; ++i) records.push_back({"", "q" + std::to_string(i), "a", {}, i + 1});
  auto [train, eval] = split_records(records, 0.25, 3);
  auto [train2, eval2] = split_records(records, 0.25, 3);
  ASSERT_EQ(eval.size(), 5u);
  ASSERT_EQ(train.size(), 15u);
  for (size_t i = 0; i < eval.size(); ++i) EXPECT_EQ(eval[i].input, eval2[i].input);
  for (const auto& e : eval)
    for (const auto& t : train) EXPECT_NE(e.input, t.input);
  EXPECT_EQ(split_records(records, 3, 3).second.size(), 3u);
  EXPECT_THROW(split_records(records, 20, 3), TrainingError);
}

}  // namespace
}  // namespace medlora::train
