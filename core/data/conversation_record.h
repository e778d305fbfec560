#pragma once
// What a conversation (chat-format) record looks like, in one place for the importer, the
// workspace, the exporter and the trainer's loader:
//   OpenAI   {"messages":      [{"role": "system"|"user"|"assistant", "content": "..."}, ...]}
//   ShareGPT {"conversations": [{"from": "system"|"human"|"gpt", "value": "..."}, ...]}
// A turn may use either spelling of its keys (role/from, content/value); "human" is "user",
// "gpt" is "assistant" (ShareGPT's "user"/"assistant" are accepted too). A top-level string
// "system" (LLaMA-Factory's ShareGPT) becomes the first turn when the turns have no system turn.
// A valid conversation has only known roles, no blank content, and at least one assistant turn.
#include <string>
#include <string_view>

#include "core/io/json_lite.h"
#include "core/tokenizer/chat_message.h"

namespace medlora::data {

// The member of a record object that holds its turns ("messages" or "conversations", the first
// present); nullptr when there is none. `key` receives the member's name.
const io::json::Value* find_conversation_member(const io::json::Value& object, std::string* key = nullptr);

// "user" for "user"/"human", "assistant" for "assistant"/"gpt", "system"; "" for other words.
std::string canonical_role(std::string_view word);

// Reads the turns of `object` (a record with a conversation member) into `out`. Returns "" or
// why the record cannot be used, naming the turn: "messages[2]: unknown role 'bot' (system,
// user, assistant; ShareGPT: human, gpt)", "messages is not an array", "messages[1]: empty
// content", "no assistant turn".
std::string read_conversation(const io::json::Value& object, tokenizer::Conversation& out);

// Why an already-built conversation (from the editor or the workspace) is not valid, or "".
std::string conversation_problem(const tokenizer::Conversation& conversation);

// One system turn (optional), one user turn, one assistant turn.
bool is_single_turn(const tokenizer::Conversation& conversation);

// Turns with role user or assistant (system turns are not counted).
size_t exchange_turns(const tokenizer::Conversation& conversation);

// The content of the first turn with `role`, or "".
const std::string& first_turn(const tokenizer::Conversation& conversation, std::string_view role);

// [{"role": "user", "content": "..."}, ...] (compact, UTF-8, one line): the workspace column
// and the exporter's "messages" value.
std::string conversation_to_json(const tokenizer::Conversation& conversation);

// Reads conversation_to_json()'s text (either turn spelling). Throws std::invalid_argument
// naming what is wrong; an empty string or "[]" is an empty conversation.
tokenizer::Conversation conversation_from_json(std::string_view json);

}  // namespace medlora::data
