#include "core/store/chat_transcripts.h"

#include <gtest/gtest.h>

#include "core/store/store_error.h"
#include "store_test_support.h"

namespace medlora::store {
namespace {

class ChatTranscriptsTest : public testing::TempWorkspaceTest {
 protected:
  void SetUp() override {
    TempWorkspaceTest::SetUp();
    ws_ = std::make_unique<Workspace>(file());
    chats_ = std::make_unique<ChatTranscripts>(*ws_);
  }
  std::unique_ptr<Workspace> ws_;
  std::unique_ptr<ChatTranscripts> chats_;
};

TEST_F(ChatTranscriptsTest, MessagesAreStoredInOrderWithMetadata) {
  const int64_t id = chats_->create_chat("头痛咨询", R"({"base":"tiny","adapters":["common"]})", R"({"temperature":0.7})");
  EXPECT_EQ(chats_->append_message(id, "system", "你是医生助手。") > 0, true);
  chats_->append_message(id, "user", "头痛怎么办？");
  const int64_t answer = chats_->append_message(
      id, "assistant", "多休息。", R"({"adapter":"common","route_reason":"matched 头痛 → common","tokens_per_second":12.5})");

  const std::optional<Chat> chat = chats_->load(id);
  ASSERT_TRUE(chat.has_value());
  EXPECT_EQ(chat->summary.title, "头痛咨询");
  EXPECT_EQ(chat->summary.message_count, 3);
  EXPECT_EQ(chat->model_json, R"({"base":"tiny","adapters":["common"]})");
  EXPECT_EQ(chat->settings_json, R"({"temperature":0.7})");
  ASSERT_EQ(chat->messages.size(), 3u);
  EXPECT_EQ(chat->messages[0].role, "system");
  EXPECT_EQ(chat->messages[1].seq, 1);
  EXPECT_EQ(chat->messages[1].content, "头痛怎么办？");
  EXPECT_EQ(chat->messages[1].metadata_json, "{}");
  EXPECT_EQ(chat->messages[2].id, answer);
  EXPECT_EQ(chat->messages[2].metadata_json,
            R"({"adapter":"common","route_reason":"matched 头痛 → common","tokens_per_second":12.5})");
  EXPECT_FALSE(chat->messages[2].at.empty());
  EXPECT_GE(chat->summary.updated_at, chat->summary.created_at);
}

TEST_F(ChatTranscriptsTest, RegenerateUpdateRenameAndSettings) {
  const int64_t id = chats_->create_chat("chat");
  chats_->append_message(id, "user", "q1");
  const int64_t first = chats_->append_message(id, "assistant", "a1 (stopped)", R"({"finish_reason":"cancelled"})");
  chats_->update_message(first, "a1", R"({"finish_reason":"eos"})");
  EXPECT_EQ(chats_->load(id)->messages[1].content, "a1");
  EXPECT_EQ(chats_->load(id)->messages[1].metadata_json, R"({"finish_reason":"eos"})");

  EXPECT_EQ(chats_->truncate(id, 1), 1);  // regenerate: drop the answer
  chats_->append_message(id, "assistant", "a1 again");
  const Chat chat = *chats_->load(id);
  ASSERT_EQ(chat.messages.size(), 2u);
  EXPECT_EQ(chat.messages[1].seq, 1);
  EXPECT_EQ(chat.messages[1].content, "a1 again");

  chats_->rename(id, "renamed");
  chats_->set_settings(id, R"({"top_k":40})");
  chats_->set_model(id, R"({"base":"other"})");
  EXPECT_EQ(chats_->load(id)->summary.title, "renamed");
  EXPECT_EQ(chats_->load(id)->settings_json, R"({"top_k":40})");
  EXPECT_EQ(chats_->load(id)->model_json, R"({"base":"other"})");
}

TEST_F(ChatTranscriptsTest, ListNewestFirstAndDelete) {
  const int64_t a = chats_->create_chat("a");
  const int64_t b = chats_->create_chat("b");
  chats_->append_message(a, "user", "hello");
  const std::vector<ChatSummary> list = chats_->list_chats();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, b);
  EXPECT_EQ(list[1].id, a);
  EXPECT_EQ(list[1].message_count, 1);

  EXPECT_TRUE(chats_->remove(a));
  EXPECT_FALSE(chats_->remove(a));
  EXPECT_FALSE(chats_->load(a).has_value());
  EXPECT_EQ(ws_->scalar("SELECT count(*) FROM chat_messages").toLongLong(), 0);  // cascaded
}

TEST_F(ChatTranscriptsTest, RefusesBadInput) {
  const int64_t id = chats_->create_chat("chat");
  EXPECT_THROW(chats_->append_message(id, "doctor", "x"), StoreError);
  EXPECT_THROW(chats_->append_message(id, "user", "x", "[1]"), StoreError);
  EXPECT_THROW(chats_->append_message(id + 1, "user", "x"), StoreError);
  EXPECT_THROW(chats_->create_chat("x", "not json"), StoreError);
  EXPECT_THROW(chats_->rename(id + 1, "x"), StoreError);
  EXPECT_THROW(chats_->update_message(12345, "x", "{}"), StoreError);
  EXPECT_EQ(chats_->load(id)->messages.size(), 0u);
}

}  // namespace
}  // namespace medlora::store
