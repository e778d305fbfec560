#pragma once
// One turn of a conversation as chat templates, chat-format datasets and the chat tester see
// it. Roles are "system", "user", "assistant" (and "tool" where a template knows it).
#include <string>
#include <vector>

namespace medlora::tokenizer {

struct ChatMessage {
  std::string role;
  std::string content;
  bool operator==(const ChatMessage&) const = default;
};

using Conversation = std::vector<ChatMessage>;

}  // namespace medlora::tokenizer
