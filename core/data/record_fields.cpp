#include "core/data/record_fields.h"

#include <algorithm>
#include <cctype>

namespace medlora::data {

namespace {

// Normalised alias names (lowercase ASCII, no spaces, '_' or '-'), most specific first:
// an Alpaca file has both "instruction" and "input", a QA file "question" and "answer".
const std::vector<std::string>& aliases(RecordField field) {
  static const std::array<std::vector<std::string>, 4> table = {{
      {"instruction", "system", "systemprompt", "task", "指令", "任务"},
      {"input", "question", "prompt", "query", "ask", "patientquestion", "medicalcase", "问题", "提问", "输入",
       "问", "患者描述", "病情描述", "description", "context", "case", "病历", "病例"},
      {"output", "answer", "response", "completion", "reply", "target", "doctoranswer", "doctordiagnosis",
       "doctoradvice", "答案", "回答", "回复", "输出", "答", "医生建议", "医生回答"},
      {"category", "department", "dept", "科室", "类别", "分类", "类型"},
  }};
  return table[static_cast<size_t>(field)];
}

std::string normalise_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == ' ' || c == '_' || c == '-') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

const std::string& mapped_name(const ColumnMap& columns, RecordField field) {
  switch (field) {
    case RecordField::Instruction: return columns.instruction;
    case RecordField::Input: return columns.input;
    case RecordField::Output: return columns.output;
    case RecordField::Category: return columns.category;
  }
  return columns.input;
}

const char* field_word(RecordField field) {
  switch (field) {
    case RecordField::Instruction: return "instruction";
    case RecordField::Input: return "input";
    case RecordField::Output: return "output";
    case RecordField::Category: return "category";
  }
  return "";
}

bool is_blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
}

}  // namespace

FieldBinding bind_fields(const std::vector<std::string>& names, const ColumnMap& columns) {
  FieldBinding binding;
  std::vector<std::string> normalised;
  normalised.reserve(names.size());
  for (const auto& name : names) normalised.push_back(normalise_name(name));

  std::vector<bool> taken(names.size(), false);
  constexpr RecordField kAll[] = {RecordField::Instruction, RecordField::Input, RecordField::Output,
                                  RecordField::Category};
  // Explicit mappings first so that an alias never steals a column the user named.
  for (RecordField field : kAll) {
    const std::string& wanted = mapped_name(columns, field);
    if (wanted.empty()) continue;
    auto it = std::find(names.begin(), names.end(), wanted);
    if (it == names.end()) {
      binding.unmet.push_back(std::string(field_word(field)) + "=" + wanted);
      continue;
    }
    const int index = static_cast<int>(it - names.begin());
    binding.index[static_cast<size_t>(field)] = index;
    taken[static_cast<size_t>(index)] = true;
  }
  for (RecordField field : kAll) {
    if (!mapped_name(columns, field).empty()) continue;
    for (const auto& alias : aliases(field)) {
      auto it = std::find(normalised.begin(), normalised.end(), alias);
      if (it == normalised.end()) continue;
      const size_t index = static_cast<size_t>(it - normalised.begin());
      if (taken[index]) continue;
      binding.index[static_cast<size_t>(field)] = static_cast<int>(index);
      taken[index] = true;
      break;
    }
  }
  return binding;
}

std::string field_aliases_text(RecordField field) {
  std::string text;
  const auto& list = aliases(field);
  const size_t shown = std::min<size_t>(list.size(), 6);
  for (size_t i = 0; i < shown; ++i) {
    if (i) text += ", ";
    text += list[i];
  }
  if (shown < list.size()) text += ", ...";
  return text;
}

std::string fill_record(const FieldBinding& binding, const std::vector<std::string>& names,
                        std::vector<std::string>& values, RecordText& record) {
  auto take = [&](RecordField field, std::string& target) {
    const int index = binding.of(field);
    if (index >= 0 && static_cast<size_t>(index) < values.size()) target = std::move(values[static_cast<size_t>(index)]);
  };
  take(RecordField::Instruction, record.instruction);
  take(RecordField::Input, record.input);
  take(RecordField::Output, record.output);
  take(RecordField::Category, record.category);
  for (size_t i = 0; i < values.size() && i < names.size(); ++i) {
    if (std::find(binding.index.begin(), binding.index.end(), static_cast<int>(i)) != binding.index.end()) continue;
    if (!values[i].empty()) record.metadata[names[i]] = std::move(values[i]);
  }
  if (binding.of(RecordField::Output) < 0) {
    return "no output field (looked for " + field_aliases_text(RecordField::Output) +
           "; name one with --map output=FIELD)";
  }
  if (is_blank(record.output)) return "empty output";
  if (is_blank(record.input) && is_blank(record.instruction)) return "neither input nor instruction";
  return {};
}

}  // namespace medlora::data
