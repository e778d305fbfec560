// Conversation (chat-format) records: OpenAI "messages" and ShareGPT "conversations", in JSONL
// and JSON, the broken ones reported at file:line, and what the text tools and the exporter see.
#include <gtest/gtest.h>

#include <QByteArray>
#include <QString>
#include <QStringEncoder>

#include <string>

#include "core/data/category_tagger.h"
#include "core/data/conversation_record.h"
#include "core/data/dataset_export.h"
#include "core/data/dataset_importer.h"
#include "core/data/near_duplicates.h"
#include "core/data/pii_scrubber.h"
#include "core/data/text_cleaning.h"
#include "import_test_files.h"
#include "tests/support/temp_dir.h"

namespace {

using namespace medlora::data;
using medlora::testing::ends_with;
using medlora::testing::import_one;
using medlora::testing::TempDir;
using medlora::testing::write_test_file;
using medlora::tokenizer::ChatMessage;
using medlora::tokenizer::Conversation;

const char* kOpenAi =
    R"({"messages": [{"role": "system", "content": "You are a careful clinician."}, {"role": "user", "content": "I have a fever."}, {"role": "assistant", "content": "How high is it?"}, {"role": "user", "content": "39 degrees."}, {"role": "assistant", "content": "Drink fluids and see a doctor today."}], "category": "内科", "id": "c1"})";
const char* kShareGpt =
    R"({"conversations": [{"from": "human", "value": "什么是高血压？"}, {"from": "gpt", "value": "血压持续高于140/90。"}], "source": "sharegpt"})";

TEST(ImportConversation, OpenAiAndShareGptJsonlAreKeptAsTurns) {
  TempDir dir;
  const auto file = write_test_file(dir / "chat.jsonl", std::string(kOpenAi) + "\n" + kShareGpt + "\n");
  const ImportResult result = import_one(file);
  ASSERT_TRUE(result.errors.empty()) << result.errors[0].where << ": " << result.errors[0].why;
  ASSERT_EQ(result.records.size(), 2u);

  const RecordText& multi = result.records[0];
  ASSERT_EQ(multi.messages.size(), 5u);
  EXPECT_EQ(multi.messages[0], (ChatMessage{"system", "You are a careful clinician."}));
  EXPECT_EQ(multi.messages[4], (ChatMessage{"assistant", "Drink fluids and see a doctor today."}));
  EXPECT_TRUE(multi.instruction.empty() && multi.input.empty() && multi.output.empty());
  EXPECT_EQ(multi.category, "内科");
  EXPECT_EQ(multi.metadata.at("id"), "c1");
  EXPECT_EQ(multi.metadata.at("line"), "1");
  EXPECT_FALSE(is_single_turn(multi.messages));

  const RecordText& single = result.records[1];
  ASSERT_EQ(single.messages.size(), 2u);
  EXPECT_EQ(single.messages[0], (ChatMessage{"user", "什么是高血压？"}));  // human -> user
  EXPECT_EQ(single.messages[1], (ChatMessage{"assistant", "血压持续高于140/90。"}));  // gpt -> assistant
  EXPECT_TRUE(is_single_turn(single.messages));
  EXPECT_EQ(single.metadata.at("source"), "sharegpt");
  EXPECT_EQ(single.metadata.at("line"), "2");
}

TEST(ImportConversation, JsonArrayAndOneObjectAndShareGptSystem) {
  TempDir dir;
  const auto array = write_test_file(dir / "chats.json", std::string("[\n  ") + kOpenAi + ",\n  " + kShareGpt + "\n]\n");
  const ImportResult from_array = import_one(array);
  ASSERT_TRUE(from_array.errors.empty()) << from_array.errors[0].why;
  ASSERT_EQ(from_array.records.size(), 2u);
  EXPECT_EQ(from_array.records[1].metadata.at("line"), "3");

  // One object on several lines is one record, not a wrapper of records; the top-level
  // "system" of LLaMA-Factory's ShareGPT becomes the first turn; "user"/"assistant" in "from".
  const auto one = write_test_file(dir / "one.json", R"({
  "system": "Answer briefly.",
  "conversations": [
    {"from": "user", "value": "Is aspirin an NSAID?"},
    {"from": "assistant", "value": "Yes."}
  ]
})");
  const ImportResult from_one = import_one(one);
  ASSERT_TRUE(from_one.errors.empty()) << from_one.errors[0].why;
  ASSERT_EQ(from_one.records.size(), 1u);
  EXPECT_EQ(from_one.records[0].messages,
            (Conversation{{"system", "Answer briefly."}, {"user", "Is aspirin an NSAID?"}, {"assistant", "Yes."}}));
  EXPECT_EQ(from_one.records[0].metadata.count("system"), 0u);
}

TEST(ImportConversation, BrokenConversationsAreReportedAtTheirLineAndSkipped) {
  TempDir dir;
  const auto file = write_test_file(
      dir / "bad.jsonl",
      std::string(R"({"messages": [{"role": "user", "content": "hi"}, {"role": "bot", "content": "hello"}]})") + "\n" +
          R"({"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "   "}]})" + "\n" +
          R"({"messages": [{"role": "user", "content": "only a question"}]})" + "\n" +
          R"({"messages": "user: hi"})" + "\n" +
          R"({"conversations": [{"from": "human", "value": "q"}, {"from": "gpt", "value": ["not", "text"]}]})" + "\n" +
          kShareGpt + "\n");
  const ImportResult result = import_one(file);
  ASSERT_EQ(result.records.size(), 1u);
  ASSERT_EQ(result.errors.size(), 5u);
  EXPECT_EQ(result.skipped, 5);
  for (size_t i = 0; i < 5; ++i)
    EXPECT_TRUE(ends_with(result.errors[i].where, "bad.jsonl:" + std::to_string(i + 1))) << result.errors[i].where;
  EXPECT_NE(result.errors[0].why.find("messages[1]: unknown role 'bot'"), std::string::npos) << result.errors[0].why;
  EXPECT_NE(result.errors[1].why.find("messages[1]: empty content"), std::string::npos) << result.errors[1].why;
  EXPECT_NE(result.errors[2].why.find("no assistant turn"), std::string::npos) << result.errors[2].why;
  EXPECT_NE(result.errors[3].why.find("not an array"), std::string::npos) << result.errors[3].why;
  EXPECT_NE(result.errors[4].why.find("conversations[1]"), std::string::npos) << result.errors[4].why;
  EXPECT_NE(result.errors[4].why.find("text string"), std::string::npos) << result.errors[4].why;
}

TEST(ImportConversation, Gb18030FilesStillDecodeBesideConversations) {
  QStringEncoder encoder("GB18030");
  ASSERT_TRUE(encoder.isValid());
  const QByteArray gb = encoder.encode(QString::fromUtf8(
      "{\"input\": \"头痛三天\", \"output\": \"建议神经内科就诊\"}\n"
      "{\"conversations\": [{\"from\": \"human\", \"value\": \"咳嗽怎么办\"}, {\"from\": \"gpt\", \"value\": \"多喝水\"}]}\n"));
  TempDir dir;
  const auto file = write_test_file(dir / "gb.jsonl", std::string(gb.constData(), static_cast<size_t>(gb.size())));
  const ImportResult result = import_one(file);
  ASSERT_TRUE(result.errors.empty()) << result.errors[0].why;
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].input, "头痛三天");
  EXPECT_EQ(result.records[1].messages, (Conversation{{"user", "咳嗽怎么办"}, {"assistant", "多喝水"}}));
}

TEST(ConversationRecord, JsonRoundTripAndValidation) {
  const Conversation turns{{"system", "s \"quoted\"\n"}, {"user", "问题"}, {"assistant", "答案"}};
  EXPECT_EQ(conversation_from_json(conversation_to_json(turns)), turns);
  EXPECT_TRUE(conversation_from_json("[]").empty());
  EXPECT_THROW(conversation_from_json("{\"role\": \"user\"}"), std::invalid_argument);
  EXPECT_EQ(conversation_problem(turns), "");
  EXPECT_NE(conversation_problem({{"user", "q"}}).find("no assistant turn"), std::string::npos);
  EXPECT_NE(conversation_problem({{"user", "q"}, {"assistant", " "}}).find("turn 2 (assistant): empty content"),
            std::string::npos);
  EXPECT_NE(conversation_problem({{"doctor", "q"}, {"assistant", "a"}}).find("unknown role 'doctor'"), std::string::npos);
  EXPECT_EQ(exchange_turns(turns), 2u);
}

RecordText conversation(Conversation turns) {
  RecordText record;
  record.messages = std::move(turns);
  return record;
}

TEST(ConversationTools, PiiScrubMasksEveryTurn) {
  const std::vector<RecordText> records{conversation({{"user", "My phone is 13812345678."},
                                                      {"assistant", "Noted."},
                                                      {"user", "Email me at li.wei@example.com"},
                                                      {"assistant", "We will call 13912345678 back."}})};
  const ScrubResult plan = plan_scrub(records, PiiRules{});
  ASSERT_EQ(plan.changed.size(), 1u);
  const RecordText& after = plan.changed[0].after;
  ASSERT_EQ(after.messages.size(), 4u);
  EXPECT_EQ(after.messages[0].content.find("13812345678"), std::string::npos) << after.messages[0].content;
  EXPECT_EQ(after.messages[2].content.find("li.wei@example.com"), std::string::npos) << after.messages[2].content;
  EXPECT_EQ(after.messages[3].content.find("13912345678"), std::string::npos) << after.messages[3].content;
  EXPECT_EQ(after.messages[1].content, "Noted.");
  EXPECT_EQ(after.messages[2].role, "user");
  ASSERT_EQ(plan.matches.size(), 3u);
  EXPECT_EQ(plan.matches[0].field, "messages[0]");
  EXPECT_EQ(plan.matches[2].field, "messages[3]");
  EXPECT_EQ(*find_text_field(records[0], "messages[3]"), "We will call 13912345678 back.");
}

TEST(ConversationTools, CleaningTaggingAndDedupSeeTheTurns) {
  const std::vector<RecordText> records{
      conversation({{"user", "Hello"}, {"assistant", "ok"}, {"user", "My child has a <b>fever</b>"}, {"assistant", "See a pediatrician."}}),
      conversation({{"user", "hello"}, {"assistant", "OK"}, {"user", "My child has a fever"}, {"assistant", "See a pediatrician."}}),
      conversation({{"user", "<br>"}, {"assistant", "An answer to nothing."}})};
  const CleaningResult cleaned = plan_cleaning(records, CleaningRules{});
  ASSERT_EQ(cleaned.changed.size(), 1u);
  EXPECT_EQ(cleaned.changed[0].after.messages[2].content, "My child has a fever");
  ASSERT_EQ(cleaned.dropped.size(), 1u);  // its only question was markup
  EXPECT_EQ(cleaned.dropped[0], (std::pair<size_t, std::string>{2, "empty"}));

  const TagPlan tags = plan_tagging(records, default_category_rules(), false);
  ASSERT_FALSE(tags.assignments.empty());
  EXPECT_EQ(tags.assignments[0].second, "儿科");  // "child", "pediatrician" are in later turns

  // Exact dedup compares every turn: these two differ only in case and punctuation.
  const std::vector<RecordText> copies{
      conversation({{"user", "Hello"}, {"assistant", "ok"}, {"user", "My child has a fever."}, {"assistant", "See a pediatrician."}}),
      conversation({{"user", "hello!"}, {"assistant", "OK"}, {"user", "my child has a fever"}, {"assistant", "See a pediatrician"}})};
  const DedupResult duplicates = find_duplicates(copies, NearDupOptions{}, /*near=*/false);
  ASSERT_EQ(duplicates.exact.size(), 1u);
  EXPECT_EQ(duplicates.exact[0].keep, 0u);
  EXPECT_EQ(duplicates.exact[0].duplicates, std::vector<size_t>{1});
  std::vector<RecordText> differ = copies;
  differ[1].messages[3].content = "See a neurologist.";
  EXPECT_TRUE(find_duplicates(differ, NearDupOptions{}, false).exact.empty()) << "a later turn differs";
}

TEST(ConversationExport, TrainerJsonlWritesMessages) {
  RecordText chat = conversation({{"system", "Be brief."}, {"user", "Q?"}, {"assistant", "A."}});
  chat.category = "内科";
  RecordText plain;
  plain.input = "q";
  plain.output = "a";
  const std::string jsonl = serialize_records({chat, plain}, ExportFormat::TrainerJsonl);
  EXPECT_EQ(jsonl,
            "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": "
            "\"Q?\"}, {\"role\": \"assistant\", \"content\": \"A.\"}], \"category\": \"内科\"}\n"
            "{\"instruction\": \"\", \"input\": \"q\", \"output\": \"a\", \"category\": \"\"}\n");
  // What was exported imports back as the same conversation.
  TempDir dir;
  const auto file = write_test_file(dir / "out.jsonl", jsonl);
  const ImportResult back = import_one(file);
  ASSERT_EQ(back.records.size(), 2u);
  EXPECT_EQ(back.records[0].messages, chat.messages);
  EXPECT_EQ(back.records[0].category, "内科");
}

}  // namespace
