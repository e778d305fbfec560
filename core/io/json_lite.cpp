#include "core/io/json_lite.h"

#include <unordered_set>

#include "core/io/json_escape.h"
#include "core/io/utf8.h"

namespace medlora::io::json {

JsonError::JsonError(size_t offset, const std::string& message, std::string duplicate_key,
                     size_t depth)
    : std::runtime_error(message + " at byte " + std::to_string(offset)),
      offset_(offset),
      duplicate_key_(std::move(duplicate_key)),
      depth_(depth) {}

const Value* Value::find(std::string_view key) const {
  if (kind != Kind::Object) return nullptr;
  for (const auto& [k, v] : object)
    if (k == key) return &v;
  return nullptr;
}

std::optional<uint64_t> Value::as_u64() const {
  if (kind != Kind::Number || text.empty()) return std::nullopt;
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (value > (UINT64_MAX - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  return value;
}

const char* kind_name(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::Null: return "null";
    case Value::Kind::Bool: return "a boolean";
    case Value::Kind::Number: return "a number";
    case Value::Kind::String: return "a string";
    case Value::Kind::Array: return "an array";
    case Value::Kind::Object: return "an object";
  }
  return "?";
}

namespace {

class Parser {
 public:
  Parser(std::string_view text, const ParseOptions& options) : s_(text), options_(options) {}

  Value parse_document() {
    skip_ws();
    Value v = parse_value(0);
    skip_ws();
    if (pos_ != s_.size()) fail("unexpected trailing characters after the JSON value");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const { throw JsonError(pos_, message); }

  bool at_end() const { return pos_ >= s_.size(); }
  char peek() const { return s_[pos_]; }

  void skip_ws() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++pos_;
  }

  void expect(char c) {
    if (at_end() || peek() != c) fail(std::string("expected '") + c + "'");
    ++pos_;
  }

  void expect_word(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) fail("invalid literal");
    pos_ += word.size();
  }

  Value parse_value(size_t depth) {
    if (at_end()) fail("unexpected end of JSON text");
    Value v;
    switch (peek()) {
      case '{': return parse_object(depth + 1);
      case '[': return parse_array(depth + 1);
      case '"':
        v.kind = Value::Kind::String;
        v.text = parse_string();
        return v;
      case 't':
        expect_word("true");
        v.kind = Value::Kind::Bool;
        v.boolean = true;
        return v;
      case 'f':
        expect_word("false");
        v.kind = Value::Kind::Bool;
        return v;
      case 'n':
        expect_word("null");
        return v;
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return parse_number();
        fail("unexpected character");
    }
  }

  void check_depth(size_t depth) {
    if (depth > options_.max_depth)
      fail("JSON nested deeper than " + std::to_string(options_.max_depth) + " levels");
  }

  Value parse_object(size_t depth) {
    check_depth(depth);
    expect('{');
    Value v;
    v.kind = Value::Kind::Object;
    std::unordered_set<std::string> seen;
    skip_ws();
    if (!at_end() && peek() == '}') {
      ++pos_;
      return v;
    }
    while (true) {
      skip_ws();
      if (at_end() || peek() != '"') fail("expected a string key");
      const size_t key_pos = pos_;
      std::string key = parse_string();
      if (!seen.insert(key).second) throw JsonError(key_pos, "duplicate key \"" + key + "\"", key, depth);
      skip_ws();
      expect(':');
      skip_ws();
      Value member = parse_value(depth);
      v.object.push_back(Member{std::move(key), std::move(member)});
      skip_ws();
      if (at_end()) fail("unterminated object");
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      expect('}');
      return v;
    }
  }

  Value parse_array(size_t depth) {
    check_depth(depth);
    expect('[');
    Value v;
    v.kind = Value::Kind::Array;
    skip_ws();
    if (!at_end() && peek() == ']') {
      ++pos_;
      return v;
    }
    while (true) {
      skip_ws();
      v.array.push_back(parse_value(depth));
      skip_ws();
      if (at_end()) fail("unterminated array");
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      expect(']');
      return v;
    }
  }

  Value parse_number() {
    const size_t start = pos_;
    if (peek() == '-') ++pos_;
    if (at_end()) fail("incomplete number");
    if (peek() == '0') {
      ++pos_;
    } else if (peek() >= '1' && peek() <= '9') {
      while (!at_end() && peek() >= '0' && peek() <= '9') ++pos_;
    } else {
      fail("invalid number");
    }
    if (!at_end() && peek() == '.') {
      ++pos_;
      if (at_end() || peek() < '0' || peek() > '9') fail("invalid number: digits expected after '.'");
      while (!at_end() && peek() >= '0' && peek() <= '9') ++pos_;
    }
    if (!at_end() && (peek() == 'e' || peek() == 'E')) {
      ++pos_;
      if (!at_end() && (peek() == '+' || peek() == '-')) ++pos_;
      if (at_end() || peek() < '0' || peek() > '9') fail("invalid number: digits expected in exponent");
      while (!at_end() && peek() >= '0' && peek() <= '9') ++pos_;
    }
    Value v;
    v.kind = Value::Kind::Number;
    v.text = std::string(s_.substr(start, pos_ - start));
    return v;
  }

  // Copies one raw UTF-8 sequence starting at pos_, rejecting malformed, overlong and surrogate forms.
  void copy_utf8(std::string& out) {
    const auto b0 = static_cast<unsigned char>(s_[pos_]);
    if (b0 < 0x80) {
      out += static_cast<char>(b0);
      ++pos_;
      return;
    }
    const size_t len = utf8::valid_sequence_length(s_, pos_);
    if (len == 0) {
      const size_t expected = utf8::sequence_length(b0);
      fail(expected > 1 && s_.size() - pos_ < expected ? "truncated UTF-8 sequence in string" : "invalid UTF-8 in string");
    }
    out.append(s_.substr(pos_, len));
    pos_ += len;
  }

  std::string parse_string() {
    expect('"');
    std::string out;
    while (true) {
      if (at_end()) fail("unterminated string");
      const char c = peek();
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in string");
      if (c != '\\') {
        copy_utf8(out);
        continue;
      }
      ++pos_;
      decode_escape(s_, pos_, out);
    }
  }

  std::string_view s_;
  const ParseOptions& options_;
  size_t pos_ = 0;
};

}  // namespace

Value parse(std::string_view text, const ParseOptions& options) {
  return Parser(text, options).parse_document();
}

std::string quote(std::string_view text) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\\u00";
          out += kHex[(c >> 4) & 0xF];
          out += kHex[c & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace medlora::io::json
