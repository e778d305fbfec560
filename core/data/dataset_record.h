#pragma once
// The shapes every dataset tool agrees on: a record's text fields as imported, cleaned,
// stored and exported. Text is UTF-8. Storage ids live in core/store, not here.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/tokenizer/chat_message.h"

namespace medlora::data {

// One training example: either instruction/input/output, or a conversation (`messages`
// non-empty; instruction/input/output are then empty). A conversation is kept as turns even
// when it has a single exchange, so that the trainer renders it through the model's chat
// template; see conversation_record.h for what a valid one looks like. `metadata` keeps what an
// importer knew that training does not use (MedQuAD qtype, focus, source, UMLS semantic group,
// the source file and line).
struct RecordText {
  std::string instruction;
  std::string input;
  std::string output;
  std::string category;  // department tag; empty when untagged
  std::map<std::string, std::string> metadata;
  bool synthetic = false;  // made by augmentation, never by a person
  // Last, so that brace-initialised instruction records ({instruction, input, output, ...}) keep working.
  tokenizer::Conversation messages;

  bool is_conversation() const { return !messages.empty(); }
};

// One text field of a record as the text tools see it (cleaning, PII scrub, tagging, dedup,
// augmentation, search): "instruction", "input", "output", or a conversation turn's content,
// named "messages[N]". `answer` marks what the model learns to write (output, assistant turns);
// the rest is the prompt side. The pointer is into the record passed to text_fields().
template <typename Text>
struct TextFieldOf {
  std::string name;
  Text* text = nullptr;
  bool answer = false;
};
using TextField = TextFieldOf<std::string>;
using ConstTextField = TextFieldOf<const std::string>;

// Every text field of `record`, in order: instruction, input, output, then each turn. The one
// list the text tools walk, so that no tool misses the turns of a conversation.
std::vector<TextField> text_fields(RecordText& record);
std::vector<ConstTextField> text_fields(const RecordText& record);
// The field named `name` (as text_fields() names it), or nullptr.
const std::string* find_text_field(const RecordText& record, const std::string& name);

// The question a record asks and the answer it gives, for tools that take one of each (test
// sets, review studies, the knowledge base): instruction and input joined by a blank line, and
// the output; for a conversation, its system message and the last user turn before the last
// assistant turn, and that assistant turn. Ends are trimmed; either may be empty.
struct QuestionAnswer {
  std::string question;
  std::string answer;
};
QuestionAnswer question_and_answer(const RecordText& record);
// `instruction` and `input`, trimmed, joined by a blank line when both are there.
std::string join_prompt(const std::string& instruction, const std::string& input);

// Doctor approval state of a stored record.
enum class ReviewStatus { Pending, Approved, Rejected, NeedsEdit };

// "pending", "approved", "rejected", "needs-edit" (the words the CLI and the database use).
const char* review_status_name(ReviewStatus status);
// Throws std::invalid_argument naming the accepted words.
ReviewStatus parse_review_status(const std::string& name);

// A record that could not be read: where ("file.jsonl:17", "folder/x.xml") and why.
struct ImportProblem {
  std::string where;
  std::string why;
};

}  // namespace medlora::data
