#pragma once
// A small strict JSON parser for safetensors headers and HF index files. Unlike QJsonDocument it
// rejects duplicate object keys, keeps integer literals exact (u64 offsets do not fit a double),
// limits nesting depth, and validates UTF-8. No torch, no Qt: the fuzzer links it alone.
//
// Why not nlohmann-json (Debian's 3.11, already linked for tokenizer.json): its parser keeps the
// last of two equal keys without a word, and turns an integer past 2^64-1 into a double. A header
// that names a tensor twice, or an offset that does not fit, must be refused with the byte where
// it happens; our parser does that and keeps members in file order. Everything that is not such
// a strict format uses io/json_util.h (Qt's QJsonDocument) instead.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace medlora::io::json {

class JsonError : public std::runtime_error {
 public:
  JsonError(size_t offset, const std::string& message, std::string duplicate_key = {},
            size_t depth = 0);
  size_t offset() const { return offset_; }
  // Set when the error is a repeated object key: the key, and the object's nesting depth (1 = top).
  const std::string& duplicate_key() const { return duplicate_key_; }
  size_t depth() const { return depth_; }

 private:
  size_t offset_;
  std::string duplicate_key_;
  size_t depth_;
};

struct Member;

struct Value {
  enum class Kind { Null, Bool, Number, String, Array, Object };
  Kind kind = Kind::Null;
  bool boolean = false;
  std::string text;  // the decoded string, or the number's literal text
  std::vector<Value> array;
  std::vector<Member> object;  // document order, keys unique

  bool is_object() const { return kind == Kind::Object; }
  bool is_array() const { return kind == Kind::Array; }
  bool is_string() const { return kind == Kind::String; }
  bool is_number() const { return kind == Kind::Number; }
  // Member lookup (linear); nullptr when absent or not an object.
  const Value* find(std::string_view key) const;
  // The number as an exact non-negative integer; nullopt for negatives, fractions,
  // exponents or values beyond 2^64-1.
  std::optional<uint64_t> as_u64() const;
};

// An object member; a struct, not std::pair, because Value is still incomplete inside Value.
struct Member {
  std::string key;
  Value value;
};

const char* kind_name(Value::Kind kind);

struct ParseOptions {
  size_t max_depth = 64;
};

// Parses one JSON value followed only by whitespace. Throws JsonError.
Value parse(std::string_view text, const ParseOptions& options = {});

// JSON string literal with quotes and escapes.
std::string quote(std::string_view text);

}  // namespace medlora::io::json
