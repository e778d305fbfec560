#include "core/data/conversation_record.h"

#include <algorithm>
#include <stdexcept>

#include "core/data/json_record_parser.h"

namespace medlora::data {

namespace json = medlora::io::json;

namespace {

constexpr const char* kRoleChoices = "system, user, assistant; ShareGPT: human, gpt";

bool is_blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

const json::Value* first_member(const json::Value& object, std::initializer_list<const char*> keys, const char** found) {
  for (const char* key : keys) {
    if (const json::Value* value = object.find(key)) {
      *found = key;
      return value;
    }
  }
  return nullptr;
}

// One turn; "" or why not, without the "messages[N]: " prefix.
std::string read_turn(const json::Value& turn, tokenizer::ChatMessage& out) {
  if (!turn.is_object()) return std::string("a turn must be an object, found ") + json::kind_name(turn.kind);
  const char* role_key = "role";
  const char* content_key = "content";
  const json::Value* role = first_member(turn, {"role", "from"}, &role_key);
  const json::Value* content = first_member(turn, {"content", "value"}, &content_key);
  if (!role) return "no \"role\" (or ShareGPT \"from\")";
  if (!role->is_string()) return std::string("\"") + role_key + "\" must be a string";
  out.role = canonical_role(role->text);
  if (out.role.empty()) return "unknown role '" + role->text + "' (" + kRoleChoices + ")";
  if (!content) return "no \"content\" (or ShareGPT \"value\")";
  if (!content->is_string()) return std::string("\"") + content_key + "\" must be a text string, found " + json::kind_name(content->kind);
  if (is_blank(content->text)) return "empty content";
  out.content = content->text;
  return {};
}

std::string problem_of_turns(const tokenizer::Conversation& conversation) {
  if (conversation.empty()) return "no turns";
  const bool has_assistant = std::any_of(conversation.begin(), conversation.end(),
                                         [](const tokenizer::ChatMessage& m) { return m.role == "assistant"; });
  if (!has_assistant) return "no assistant turn (a conversation must contain at least one answer to learn)";
  return {};
}

}  // namespace

const json::Value* find_conversation_member(const json::Value& object, std::string* key) {
  if (!object.is_object()) return nullptr;
  const char* found = nullptr;
  const json::Value* value = first_member(object, {"messages", "conversations"}, &found);
  if (value && key) *key = found;
  return value;
}

std::string canonical_role(std::string_view word) {
  if (word == "user" || word == "human") return "user";
  if (word == "assistant" || word == "gpt") return "assistant";
  if (word == "system") return "system";
  return {};
}

std::string read_conversation(const json::Value& object, tokenizer::Conversation& out) {
  std::string key = "messages";
  const json::Value* turns = find_conversation_member(object, &key);
  if (!turns) return "no \"messages\" or \"conversations\" list";
  if (!turns->is_array()) return "\"" + key + "\" is not an array of turns (found " + json::kind_name(turns->kind) + ")";
  out.clear();
  out.reserve(turns->array.size() + 1);
  if (const json::Value* system = object.find("system"); system && system->is_string() && !is_blank(system->text))
    out.push_back({"system", system->text});
  for (size_t i = 0; i < turns->array.size(); ++i) {
    tokenizer::ChatMessage turn;
    const std::string why = read_turn(turns->array[i], turn);
    if (!why.empty()) return key + "[" + std::to_string(i) + "]: " + why;
    if (turn.role == "system" && !out.empty() && out.front().role == "system" && i == 0) out.erase(out.begin());
    out.push_back(std::move(turn));
  }
  return problem_of_turns(out);
}

std::string conversation_problem(const tokenizer::Conversation& conversation) {
  for (size_t i = 0; i < conversation.size(); ++i) {
    const auto& turn = conversation[i];
    if (turn.role != "system" && turn.role != "user" && turn.role != "assistant")
      return "turn " + std::to_string(i + 1) + ": unknown role '" + turn.role + "' (system, user, assistant)";
    if (is_blank(turn.content)) return "turn " + std::to_string(i + 1) + " (" + turn.role + "): empty content";
  }
  return problem_of_turns(conversation);
}

bool is_single_turn(const tokenizer::Conversation& conversation) {
  size_t i = 0;
  if (i < conversation.size() && conversation[i].role == "system") ++i;
  return conversation.size() == i + 2 && conversation[i].role == "user" && conversation[i + 1].role == "assistant";
}

size_t exchange_turns(const tokenizer::Conversation& conversation) {
  return static_cast<size_t>(std::count_if(conversation.begin(), conversation.end(),
                                           [](const tokenizer::ChatMessage& m) { return m.role != "system"; }));
}

const std::string& first_turn(const tokenizer::Conversation& conversation, std::string_view role) {
  static const std::string kNone;
  for (const auto& turn : conversation)
    if (turn.role == role) return turn.content;
  return kNone;
}

std::string conversation_to_json(const tokenizer::Conversation& conversation) {
  std::string out = "[";
  for (size_t i = 0; i < conversation.size(); ++i) {
    if (i) out += ", ";
    out += "{\"role\": " + json::quote(conversation[i].role) + ", \"content\": " + json::quote(conversation[i].content) + "}";
  }
  return out + "]";
}

tokenizer::Conversation conversation_from_json(std::string_view text) {
  tokenizer::Conversation out;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return out;
  json::Value turns;
  try {
    turns = parse_json_record(text);
  } catch (const json::JsonError& e) {
    throw std::invalid_argument(std::string("conversation is not valid JSON: ") + e.what());
  }
  if (!turns.is_array()) throw std::invalid_argument("conversation must be a JSON array of turns");
  for (size_t i = 0; i < turns.array.size(); ++i) {
    tokenizer::ChatMessage turn;
    const std::string why = read_turn(turns.array[i], turn);
    if (!why.empty()) throw std::invalid_argument("conversation turn " + std::to_string(i + 1) + ": " + why);
    out.push_back(std::move(turn));
  }
  return out;
}

}  // namespace medlora::data
