#include "core/data/dataset_record.h"

#include <algorithm>

#include <stdexcept>

namespace medlora::data {

namespace {

std::string trimmed(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

std::string join_prompt(const std::string& instruction, const std::string& input) {
  const std::string a = trimmed(instruction);
  const std::string b = trimmed(input);
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + "\n\n" + b;
}

QuestionAnswer question_and_answer(const RecordText& record) {
  if (!record.is_conversation()) return {join_prompt(record.instruction, record.input), trimmed(record.output)};
  const auto& turns = record.messages;
  const std::string system = turns.front().role == "system" ? turns.front().content : std::string();
  auto answer = std::find_if(turns.rbegin(), turns.rend(), [](const auto& m) { return m.role == "assistant"; });
  if (answer == turns.rend()) return {"", ""};
  auto question = std::find_if(answer, turns.rend(), [](const auto& m) { return m.role == "user"; });
  return {join_prompt(system, question == turns.rend() ? std::string() : question->content), trimmed(answer->content)};
}

const char* review_status_name(ReviewStatus status) {
  switch (status) {
    case ReviewStatus::Pending: return "pending";
    case ReviewStatus::Approved: return "approved";
    case ReviewStatus::Rejected: return "rejected";
    case ReviewStatus::NeedsEdit: return "needs-edit";
  }
  return "pending";
}

namespace {

template <typename Field, typename Record>
std::vector<Field> fields_of(Record& record) {
  std::vector<Field> fields;
  fields.reserve(3 + record.messages.size());
  fields.push_back({"instruction", &record.instruction, false});
  fields.push_back({"input", &record.input, false});
  fields.push_back({"output", &record.output, true});
  for (size_t i = 0; i < record.messages.size(); ++i) {
    auto& turn = record.messages[i];
    fields.push_back({"messages[" + std::to_string(i) + "]", &turn.content, turn.role == "assistant"});
  }
  return fields;
}

}  // namespace

std::vector<TextField> text_fields(RecordText& record) { return fields_of<TextField>(record); }
std::vector<ConstTextField> text_fields(const RecordText& record) { return fields_of<ConstTextField>(record); }

const std::string* find_text_field(const RecordText& record, const std::string& name) {
  for (const auto& field : text_fields(record))
    if (field.name == name) return field.text;
  return nullptr;
}

ReviewStatus parse_review_status(const std::string& name) {
  if (name == "pending") return ReviewStatus::Pending;
  if (name == "approved") return ReviewStatus::Approved;
  if (name == "rejected") return ReviewStatus::Rejected;
  if (name == "needs-edit") return ReviewStatus::NeedsEdit;
  throw std::invalid_argument("unknown review status '" + name + "' (pending, approved, rejected, needs-edit)");
}

}  // namespace medlora::data
