#include "core/data/json_records_reader.h"

#include <algorithm>
#include <string>
#include <vector>

#include "core/data/conversation_record.h"
#include "core/data/json_record_parser.h"
#include "core/data/record_fields.h"
#include "core/io/json_lite.h"

namespace medlora::data {

namespace json = medlora::io::json;

namespace {

constexpr size_t kNotFound = std::string_view::npos;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Advances over whitespace, counting newlines.
size_t skip_space(std::string_view text, size_t pos, int64_t& line) {
  while (pos < text.size() && is_space(text[pos])) {
    if (text[pos] == '\n') ++line;
    ++pos;
  }
  return pos;
}

// The end (one past) of the JSON value starting at `pos`, found by bracket depth outside
// strings; npos when the text ends first. It does not validate: the parser does that per value.
size_t scan_value_end(std::string_view text, size_t pos, int64_t& line) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = pos; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\') {
        ++i;
        if (i < text.size() && text[i] == '\n') ++line;
      } else if (c == '"') {
        in_string = false;
        if (depth == 0) return i + 1;
      }
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '{':
      case '[': ++depth; break;
      case '}':
      case ']':
        if (depth == 0) return i;  // closes the container around a scalar
        if (--depth == 0) return i + 1;
        break;
      case ',':
        if (depth == 0) return i;
        break;
      default: break;
    }
  }
  return depth == 0 && !in_string ? text.size() : kNotFound;
}

int64_t line_at(std::string_view text, size_t offset, int64_t first_line = 1) {
  return first_line + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(std::min(offset, text.size())), '\n');
}

std::string scalar_text(json::Value& value) {
  switch (value.kind) {
    case json::Value::Kind::String:
    case json::Value::Kind::Number: return std::move(value.text);
    case json::Value::Kind::Bool: return value.boolean ? "true" : "false";
    default: return {};
  }
}

bool is_list_of_objects(const json::Value& value) {
  return value.is_array() && !value.array.empty() &&
         std::all_of(value.array.begin(), value.array.end(), [](const json::Value& v) { return v.is_object(); });
}

// Reuses the last binding while consecutive objects have the same keys, as they nearly always do.
class BindingCache {
 public:
  explicit BindingCache(const ColumnMap& columns) : columns_(columns) {}
  const FieldBinding& bind(const std::vector<std::string>& names) {
    if (!valid_ || names != names_) {
      names_ = names;
      binding_ = bind_fields(names_, columns_);
      valid_ = true;
    }
    return binding_;
  }

 private:
  const ColumnMap& columns_;
  std::vector<std::string> names_;
  FieldBinding binding_;
  bool valid_ = false;
};

struct Flattened {
  std::vector<std::string> names, values;
  json::Value* pairs = nullptr;  // first member that is a list of objects
};

// Moves the scalar texts out of `object`: records are large and copying them costs more than parsing.
Flattened flatten(json::Value& object) {
  Flattened out;
  out.names.reserve(object.object.size());
  out.values.reserve(object.object.size());
  for (auto& member : object.object) {
    if (member.value.is_array() || member.value.is_object()) {
      if (!out.pairs && is_list_of_objects(member.value)) out.pairs = &member.value;
      continue;  // other nested values have no place in a record
    }
    out.names.push_back(member.key);
    out.values.push_back(scalar_text(member.value));
  }
  return out;
}

std::string unmet_text(const FieldBinding& binding) {
  std::string text = "no field ";
  for (size_t i = 0; i < binding.unmet.size(); ++i) text += (i ? ", " : "") + binding.unmet[i];
  return text + " in this record (check --map)";
}

class ObjectReader {
 public:
  ObjectReader(const ColumnMap& columns, ImportSink& sink) : parents_(columns), children_(columns), sink_(sink) {}

  void read(json::Value& value, int64_t line) {
    if (!value.is_object()) {
      sink_.error(line, std::string("expected a JSON object, found ") + json::kind_name(value.kind));
      return;
    }
    if (find_conversation_member(value)) {
      read_conversation_record(value, line);
      return;
    }
    Flattened flat = flatten(value);
    const FieldBinding& binding = parents_.bind(flat.names);
    // A case with a list of QA pairs: the pairs are the records (a --map names their fields).
    if (binding.of(RecordField::Output) < 0 && flat.pairs) {
      read_pairs(flat, binding, line);
      return;
    }
    if (!binding.unmet.empty()) {
      sink_.error(line, unmet_text(binding));
      return;
    }
    RecordText record;
    std::string why = fill_record(binding, flat.names, flat.values, record);
    if (why.empty()) {
      sink_.add(std::move(record), line);
    } else {
      sink_.error(line, why);
    }
  }

 private:
  // A chat-format record: the turns, plus its category (by the usual names or --map); its other
  // scalar members ("id", "source", ...) are metadata. "system" is read as a turn, not metadata.
  void read_conversation_record(json::Value& value, int64_t line) {
    RecordText record;
    std::string why = read_conversation(value, record.messages);
    if (!why.empty()) {
      sink_.error(line, why);
      return;
    }
    Flattened flat = flatten(value);
    const FieldBinding& binding = parents_.bind(flat.names);
    const int category = binding.of(RecordField::Category);
    for (size_t i = 0; i < flat.names.size(); ++i) {
      if (static_cast<int>(i) == category) record.category = std::move(flat.values[i]);
      else if (flat.names[i] != "system" && !flat.values[i].empty()) record.metadata[flat.names[i]] = std::move(flat.values[i]);
    }
    sink_.add(std::move(record), line);
  }

  // The parent's bound fields are the shared context of its pairs; its other fields are metadata.
  void read_pairs(Flattened& parent, const FieldBinding& parent_binding, int64_t line) {
    RecordText shared;
    std::vector<std::string> parent_values = parent.values;
    fill_record(parent_binding, parent.names, parent_values, shared);
    const std::string context = shared.input;
    size_t number = 0;
    for (json::Value& pair : parent.pairs->array) {
      ++number;
      Flattened flat = flatten(pair);
      const FieldBinding& binding = children_.bind(flat.names);
      RecordText record;
      std::string why = binding.unmet.empty() ? fill_record(binding, flat.names, flat.values, record) : unmet_text(binding);
      if (!why.empty()) {
        sink_.error(line, "QA pair " + std::to_string(number) + ": " + why);
        continue;
      }
      if (!context.empty()) record.input = record.input.empty() ? context : context + "\n\n" + record.input;
      if (record.instruction.empty()) record.instruction = shared.instruction;
      if (record.category.empty()) record.category = shared.category;
      for (const auto& [key, text] : shared.metadata) record.metadata.emplace(key, text);
      record.metadata["qa_pair"] = std::to_string(number);
      sink_.add(std::move(record), line);
    }
  }

  BindingCache parents_, children_;
  ImportSink& sink_;
};

void parse_and_read(std::string_view element, int64_t line, ObjectReader& reader, ImportSink& sink) {
  json::Value value;
  try {
    value = parse_json_record(element);
  } catch (const json::JsonError& e) {
    sink.error(line_at(element, e.offset(), line), std::string("bad JSON: ") + e.what());
    return;
  }
  reader.read(value, line);
}

// Reads the elements of the array whose '[' is at `pos`; `line` is that position's line.
void read_array(std::string_view text, size_t pos, int64_t line, ObjectReader& reader, ImportSink& sink) {
  ++pos;  // '['
  while (true) {
    pos = skip_space(text, pos, line);
    if (pos >= text.size()) {
      sink.error(line, "the JSON array is not closed with ']'");
      return;
    }
    if (text[pos] == ']') return;
    const int64_t element_line = line;
    const size_t end = scan_value_end(text, pos, line);
    if (end == kNotFound) {
      sink.error(element_line, "this record is not closed (a missing '}', ']' or '\"'); the rest of the file is skipped");
      return;
    }
    parse_and_read(text.substr(pos, end - pos), element_line, reader, sink);
    sink.progress(end);
    pos = skip_space(text, end, line);
    if (pos < text.size() && text[pos] == ',') ++pos;
    else if (pos < text.size() && text[pos] != ']') {
      sink.error(line, "expected ',' or ']' between records; the rest of the file is skipped");
      return;
    }
  }
}

// {"data": [...]}: the first member whose value is a list of objects holds the records.
bool read_wrapped_array(std::string_view text, size_t pos, int64_t line, ObjectReader& reader, ImportSink& sink) {
  ++pos;  // '{'
  while (true) {
    pos = skip_space(text, pos, line);
    if (pos >= text.size() || text[pos] != '"') return false;
    size_t key_end = scan_value_end(text, pos, line);
    if (key_end == kNotFound) return false;
    pos = skip_space(text, key_end, line);
    if (pos >= text.size() || text[pos] != ':') return false;
    pos = skip_space(text, pos + 1, line);
    const int64_t value_line = line;
    const size_t value_start = pos;
    const size_t value_end = scan_value_end(text, pos, line);
    if (value_end == kNotFound) return false;
    if (text[value_start] == '[') {
      const json::Value probe = parse_json_record(text.substr(value_start, value_end - value_start));
      if (is_list_of_objects(probe)) {
        read_array(text, value_start, value_line, reader, sink);
        return true;
      }
    }
    pos = skip_space(text, value_end, line);
    if (pos >= text.size() || text[pos] != ',') return false;
    ++pos;
  }
}

}  // namespace

void read_json_records(std::string_view text, const ColumnMap& columns, ImportSink& sink) {
  int64_t line = 1;
  const size_t pos = skip_space(text, 0, line);
  ObjectReader reader(columns, sink);
  if (pos < text.size() && text[pos] == '[') {
    read_array(text, pos, line, reader, sink);
    return;
  }
  if (pos >= text.size() || text[pos] != '{') {
    sink.error(pos >= text.size() ? 0 : line, "expected a JSON array of records or an object");
    return;
  }
  // A single object: either one record (it has the fields, or a list of QA pairs) or a wrapper.
  json::Value whole;
  try {
    whole = parse_json_record(text.substr(pos));
  } catch (const json::JsonError& e) {
    sink.error(line_at(text, pos + e.offset()), std::string("bad JSON: ") + e.what());
    return;
  }
  std::vector<std::string> names;
  for (const auto& member : whole.object) {
    if (!member.value.is_array() && !member.value.is_object()) names.push_back(member.key);
  }
  const FieldBinding binding = bind_fields(names, columns);
  const bool is_record = binding.of(RecordField::Output) >= 0 || binding.of(RecordField::Input) >= 0 ||
                         find_conversation_member(whole) != nullptr;
  if (is_record || !read_wrapped_array(text, pos, line, reader, sink)) reader.read(whole, line);
}

void read_jsonl_records(std::string_view text, const ColumnMap& columns, ImportSink& sink) {
  ObjectReader reader(columns, sink);
  int64_t line = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == kNotFound) end = text.size();
    ++line;
    std::string_view row = text.substr(pos, end - pos);
    pos = end + 1;
    while (!row.empty() && is_space(row.back())) row.remove_suffix(1);
    while (!row.empty() && is_space(row.front())) row.remove_prefix(1);
    if (row.empty()) continue;
    parse_and_read(row, line, reader, sink);
    sink.progress(pos);
  }
}

bool first_line_is_complete_json(std::string_view text) {
  int64_t line = 1;
  const size_t start = skip_space(text, 0, line);
  size_t end = text.find('\n', start);
  if (end == kNotFound) end = text.size();
  try {
    parse_json_record(text.substr(start, end - start));
    return true;
  } catch (const json::JsonError&) {
    return false;
  }
}

}  // namespace medlora::data
