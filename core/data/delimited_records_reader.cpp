#include "core/data/delimited_records_reader.h"

#include <string>
#include <vector>

#include "core/data/record_fields.h"

namespace medlora::data {

namespace {

// Splits rows one at a time, tracking the line each row starts on.
class RowScanner {
 public:
  RowScanner(std::string_view text, char separator) : text_(text), separator_(separator) {}

  size_t offset() const { return pos_; }

  // False at the end of the text. `error` is set (and scanning stops) on a quote never closed.
  bool next(std::vector<std::string>& fields, int64_t& start_line, std::string& error) {
    fields.clear();
    error.clear();
    if (pos_ >= text_.size()) return false;
    start_line = line_;
    std::string field;
    bool quoted_field = false;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"' && field.empty() && !quoted_field) {
        if (!read_quoted(field)) {
          error = "a quoted field is not closed (a missing '\"'); the rest of the file is skipped";
          pos_ = text_.size();
          return true;
        }
        quoted_field = true;
        continue;
      }
      if (c == separator_) {
        fields.push_back(std::move(field));
        field.clear();
        quoted_field = false;
        ++pos_;
        continue;
      }
      if (c == '\n' || c == '\r') {
        ++pos_;
        if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
        ++line_;
        break;
      }
      field += c;  // text after a closing quote, or a stray quote mid-field: kept as written
      ++pos_;
    }
    fields.push_back(std::move(field));
    return true;
  }

 private:
  // At an opening quote; leaves pos_ after the closing one.
  bool read_quoted(std::string& field) {
    ++pos_;
    while (pos_ < text_.size()) {
      const size_t quote = text_.find('"', pos_);
      if (quote == std::string_view::npos) break;
      const std::string_view chunk = text_.substr(pos_, quote - pos_);
      for (char c : chunk) line_ += c == '\n';
      field.append(chunk);
      pos_ = quote + 1;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        field += '"';
        ++pos_;
        continue;
      }
      return true;
    }
    return false;
  }

  std::string_view text_;
  char separator_;
  size_t pos_ = 0;
  int64_t line_ = 1;
};

bool is_blank_row(const std::vector<std::string>& fields) { return fields.size() == 1 && fields[0].empty(); }

std::string trimmed(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (size_t i = 0; i < names.size(); ++i) text += (i ? ", " : "") + names[i];
  return text;
}

}  // namespace

void read_delimited_records(std::string_view text, char separator, const ColumnMap& columns, ImportSink& sink) {
  RowScanner scanner(text, separator);
  std::vector<std::string> fields;
  int64_t line = 0;
  std::string error;

  std::vector<std::string> header;
  while (scanner.next(fields, line, error)) {
    if (!error.empty()) {
      sink.error(line, error);
      return;
    }
    if (is_blank_row(fields)) continue;
    for (auto& name : fields) header.push_back(trimmed(name));
    break;
  }
  if (header.empty()) {
    sink.error(0, "the file is empty (a header row is expected)");
    return;
  }
  const FieldBinding binding = bind_fields(header, columns);
  // A header that cannot be mapped would fail every row the same way: say it once.
  if (!binding.unmet.empty() || binding.of(RecordField::Output) < 0) {
    std::string why = binding.unmet.empty()
                          ? "no output column (looked for " + field_aliases_text(RecordField::Output) + ")"
                          : "no column named " + binding.unmet.front();
    sink.error(line, why + "; the columns are: " + joined(header) + " — choose with --map output=COL,input=COL");
    return;
  }

  RecordText record;
  while (scanner.next(fields, line, error)) {
    if (!error.empty()) {
      sink.error(line, error);
      return;
    }
    if (is_blank_row(fields)) continue;
    if (fields.size() != header.size()) {
      sink.error(line, "expected " + std::to_string(header.size()) + " fields (as in the header), found " +
                           std::to_string(fields.size()));
      continue;
    }
    record = RecordText{};
    const std::string why = fill_record(binding, header, fields, record);
    if (why.empty()) {
      sink.add(std::move(record), line);
    } else {
      sink.error(line, why);
    }
    sink.progress(scanner.offset());
  }
}

}  // namespace medlora::data
