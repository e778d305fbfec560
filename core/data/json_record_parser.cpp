#include "core/data/json_record_parser.h"

#include <cstdint>
#include <cstring>
#include <string>

#include "core/io/json_escape.h"

namespace medlora::data {

namespace json = medlora::io::json;

namespace {

constexpr size_t kMaxDepth = 64;

class RecordParser {
 public:
  explicit RecordParser(std::string_view text) : text_(text) {}

  json::Value parse_document() {
    json::Value value = parse_value(0);
    skip_space();
    if (pos_ != text_.size()) fail("unexpected text after the JSON value");
    return value;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const { throw json::JsonError(pos_, message); }

  bool at_end() const { return pos_ >= text_.size(); }

  void skip_space() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++pos_;
    }
  }

  void expect(char c) {
    if (at_end() || text_[pos_] != c) fail(std::string("expected '") + c + "'");
    ++pos_;
  }

  json::Value parse_value(size_t depth) {
    skip_space();
    if (at_end()) fail("unexpected end of text");
    json::Value value;
    switch (text_[pos_]) {
      case '{': return parse_object(depth + 1);
      case '[': return parse_array(depth + 1);
      case '"':
        value.kind = json::Value::Kind::String;
        value.text = parse_string();
        return value;
      case 't': expect_word("true"); value.kind = json::Value::Kind::Bool; value.boolean = true; return value;
      case 'f': expect_word("false"); value.kind = json::Value::Kind::Bool; return value;
      case 'n': expect_word("null"); return value;
      default: return parse_number();
    }
  }

  void expect_word(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) fail("unexpected character");
    pos_ += word.size();
  }

  json::Value parse_object(size_t depth) {
    if (depth > kMaxDepth) fail("JSON nested deeper than 64 levels");
    ++pos_;  // '{'
    json::Value value;
    value.kind = json::Value::Kind::Object;
    skip_space();
    if (!at_end() && text_[pos_] == '}') {
      ++pos_;
      return value;
    }
    while (true) {
      skip_space();
      if (at_end() || text_[pos_] != '"') fail("expected a string key");
      std::string key = parse_string();
      skip_space();
      expect(':');
      json::Value member = parse_value(depth);
      value.object.push_back(json::Member{std::move(key), std::move(member)});
      skip_space();
      if (at_end()) fail("unterminated object");
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      expect('}');
      return value;
    }
  }

  json::Value parse_array(size_t depth) {
    if (depth > kMaxDepth) fail("JSON nested deeper than 64 levels");
    ++pos_;  // '['
    json::Value value;
    value.kind = json::Value::Kind::Array;
    skip_space();
    if (!at_end() && text_[pos_] == ']') {
      ++pos_;
      return value;
    }
    while (true) {
      value.array.push_back(parse_value(depth));
      skip_space();
      if (at_end()) fail("unterminated array");
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      expect(']');
      return value;
    }
  }

  json::Value parse_number() {
    const size_t start = pos_;
    auto digits = [&] {
      const size_t from = pos_;
      while (!at_end() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
      return pos_ - from;
    };
    if (!at_end() && text_[pos_] == '-') ++pos_;
    if (!at_end() && text_[pos_] == '0') {
      ++pos_;
    } else if (digits() == 0) {
      pos_ = start;
      fail("unexpected character");
    }
    if (!at_end() && text_[pos_] == '.') {
      ++pos_;
      if (digits() == 0) fail("expected a digit after '.'");
    }
    if (!at_end() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (!at_end() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (digits() == 0) fail("expected a digit in the exponent");
    }
    json::Value value;
    value.kind = json::Value::Kind::Number;
    value.text = std::string(text_.substr(start, pos_ - start));
    return value;
  }

  // Most strings in records hold no escapes: one scan finds the closing quote and the text is
  // copied into a string allocated once. Escapes take the slower path.
  std::string parse_string() {
    ++pos_;  // '"'
    const size_t n = text_.size();
    size_t i = pos_;
    while (i < n) {
      const auto c = static_cast<unsigned char>(text_[i]);
      if (c == '"' || c == '\\' || c < 0x20) break;
      ++i;
    }
    std::string out(text_.data() + pos_, i - pos_);
    pos_ = i;
    while (true) {
      if (at_end()) fail("unterminated string");
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (c < 0x20) fail("a control character inside a string (write it as an escape, e.g. \\n)");
      if (c == '\\') {
        ++pos_;
        json::decode_escape(text_, pos_, out);
        continue;
      }
      const size_t start = pos_;
      while (pos_ < n) {
        const auto d = static_cast<unsigned char>(text_[pos_]);
        if (d == '"' || d == '\\' || d < 0x20) break;
        ++pos_;
      }
      out.append(text_.data() + start, pos_ - start);
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

json::Value parse_json_record(std::string_view text) { return RecordParser(text).parse_document(); }

}  // namespace medlora::data
