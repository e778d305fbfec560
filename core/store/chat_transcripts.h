#pragma once
// Saved chats of the chat tester: a chat has a title, the model configuration it was started
// with (JSON object: base model, adapters, routing, grounding ...), the generation settings
// (JSON object) and its messages in order. Each message carries a metadata JSON object; for an
// assistant message the chat engine stores there what the answer view shows again on reopening:
// {"configuration", "adapter", "route_reason", "passages": [...], "safety": SafetyReport JSON,
//  "tokens_per_second", "finish_reason", ...} (core/chat/answer_metadata.h builds it).
// Every write is one transaction; every value is bound. Same thread rule as Workspace.
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store/workspace.h"

namespace medlora::store {

struct ChatSummary {
  int64_t id = 0;
  std::string title;
  std::string created_at;  // UTC ISO-8601
  std::string updated_at;  // last message, rename or settings change
  int64_t message_count = 0;
};

struct ChatMessage {
  int64_t id = 0;
  int64_t seq = 0;       // 0, 1, 2 ... within the chat
  std::string role;      // "system", "user" or "assistant"
  std::string content;
  std::string metadata_json = "{}";  // a JSON object
  std::string at;
};

struct Chat {
  ChatSummary summary;
  std::string model_json = "{}";     // a JSON object
  std::string settings_json = "{}";  // a JSON object
  std::vector<ChatMessage> messages;  // by seq
};

class ChatTranscripts {
 public:
  explicit ChatTranscripts(Workspace& workspace) : ws_(workspace) {}

  // JSON arguments must be JSON objects (StoreError otherwise). Returns the chat id.
  int64_t create_chat(const std::string& title, const std::string& model_json = "{}",
                      const std::string& settings_json = "{}");
  // Appends a message at the next seq. Throws StoreError for an unknown chat, a role other than
  // system/user/assistant, or metadata that is not a JSON object. Returns the message id.
  int64_t append_message(int64_t chat_id, const std::string& role, const std::string& content,
                         const std::string& metadata_json = "{}");
  // Replaces a message's content and metadata (a stopped answer completed, flags added).
  // Throws StoreError for an unknown message.
  void update_message(int64_t message_id, const std::string& content, const std::string& metadata_json);
  // Deletes the messages with seq >= from_seq (regenerate: drop the last answer and append the
  // new one). Returns the number deleted.
  int64_t truncate(int64_t chat_id, int64_t from_seq);

  // Newest first (by created_at, then id).
  std::vector<ChatSummary> list_chats() const;
  std::optional<Chat> load(int64_t chat_id) const;

  // Throw StoreError for an unknown chat (or JSON that is not an object).
  void rename(int64_t chat_id, const std::string& title);
  void set_model(int64_t chat_id, const std::string& model_json);
  void set_settings(int64_t chat_id, const std::string& settings_json);
  // Deletes the chat and its messages; false when unknown.
  bool remove(int64_t chat_id);

 private:
  void touch(int64_t chat_id, const std::string& at);
  // Sets one column of a chat (a fixed name, never user text) and its updated_at.
  void set_column(int64_t chat_id, const char* column, const QString& value);
  Workspace& ws_;
};

}  // namespace medlora::store
