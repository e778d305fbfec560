#pragma once
// One GGUF metadata value: a scalar or an array of one element type, as the GGUF v3 format
// defines them (ggml's gguf.h enum gguf_type). Integers (and bools) are kept as int64 bits,
// floats as double, so that a value read back compares equal to the value written.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace medlora::gguf {

// A file that is not valid GGUF, or a value asked for as the wrong type.
class GgufError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class ValueType : uint32_t {
  UINT8 = 0, INT8 = 1, UINT16 = 2, INT16 = 3, UINT32 = 4, INT32 = 5, FLOAT32 = 6,
  BOOL = 7, STRING = 8, ARRAY = 9, UINT64 = 10, INT64 = 11, FLOAT64 = 12,
};
const char* value_type_name(ValueType type);
bool is_integer_type(ValueType type);  // BOOL included
bool is_float_type(ValueType type);

struct Value {
  ValueType type = ValueType::UINT32;          // ARRAY for arrays
  ValueType element_type = ValueType::UINT32;  // of the elements; equals type for a scalar
  std::vector<int64_t> ints;                   // integer/bool elements (UINT64 as its bits)
  std::vector<double> floats;                  // FLOAT32/FLOAT64 elements
  std::vector<std::string> strings;            // STRING elements

  static Value integer(ValueType type, int64_t v);
  static Value u32(uint32_t v) { return integer(ValueType::UINT32, v); }
  static Value i32(int32_t v) { return integer(ValueType::INT32, v); }
  static Value u64(uint64_t v) { return integer(ValueType::UINT64, static_cast<int64_t>(v)); }
  static Value boolean(bool v) { return integer(ValueType::BOOL, v ? 1 : 0); }
  static Value f32(float v);
  static Value string(std::string v);
  static Value integer_array(ValueType element, std::vector<int64_t> values);
  static Value f32_array(const std::vector<float>& values);
  static Value string_array(std::vector<std::string> values);

  bool is_array() const { return type == ValueType::ARRAY; }
  size_t size() const;  // 1 for a scalar
  // Scalar accessors; a GgufError names the actual type when it is another.
  int64_t as_int() const;
  double as_float() const;
  bool as_bool() const;
  const std::string& as_string() const;
  bool operator==(const Value&) const = default;
};

}  // namespace medlora::gguf
