#include "core/gguf/gguf_value.h"

namespace medlora::gguf {

const char* value_type_name(ValueType type) {
  switch (type) {
    case ValueType::UINT8: return "uint8";
    case ValueType::INT8: return "int8";
    case ValueType::UINT16: return "uint16";
    case ValueType::INT16: return "int16";
    case ValueType::UINT32: return "uint32";
    case ValueType::INT32: return "int32";
    case ValueType::FLOAT32: return "float32";
    case ValueType::BOOL: return "bool";
    case ValueType::STRING: return "string";
    case ValueType::ARRAY: return "array";
    case ValueType::UINT64: return "uint64";
    case ValueType::INT64: return "int64";
    case ValueType::FLOAT64: return "float64";
  }
  return "unknown";
}

bool is_integer_type(ValueType type) {
  switch (type) {
    case ValueType::UINT8: case ValueType::INT8: case ValueType::UINT16: case ValueType::INT16:
    case ValueType::UINT32: case ValueType::INT32: case ValueType::BOOL: case ValueType::UINT64:
    case ValueType::INT64: return true;
    default: return false;
  }
}

bool is_float_type(ValueType type) { return type == ValueType::FLOAT32 || type == ValueType::FLOAT64; }

Value Value::integer(ValueType type, int64_t v) {
  Value value;
  value.type = value.element_type = type;
  value.ints = {v};
  return value;
}

Value Value::f32(float v) {
  Value value;
  value.type = value.element_type = ValueType::FLOAT32;
  value.floats = {static_cast<double>(v)};
  return value;
}

Value Value::string(std::string v) {
  Value value;
  value.type = value.element_type = ValueType::STRING;
  value.strings = {std::move(v)};
  return value;
}

Value Value::integer_array(ValueType element, std::vector<int64_t> values) {
  Value value;
  value.type = ValueType::ARRAY;
  value.element_type = element;
  value.ints = std::move(values);
  return value;
}

Value Value::f32_array(const std::vector<float>& values) {
  Value value;
  value.type = ValueType::ARRAY;
  value.element_type = ValueType::FLOAT32;
  value.floats.assign(values.begin(), values.end());
  return value;
}

Value Value::string_array(std::vector<std::string> values) {
  Value value;
  value.type = ValueType::ARRAY;
  value.element_type = ValueType::STRING;
  value.strings = std::move(values);
  return value;
}

size_t Value::size() const {
  if (element_type == ValueType::STRING) return strings.size();
  return is_float_type(element_type) ? floats.size() : ints.size();
}

namespace {
[[noreturn]] void wrong_type(const Value& v, const char* wanted) {
  throw GgufError(std::string("GGUF value is ") + (v.is_array() ? "an array" : value_type_name(v.type)) + ", not " + wanted);
}
}  // namespace

int64_t Value::as_int() const {
  if (is_array() || !is_integer_type(type) || type == ValueType::BOOL) wrong_type(*this, "an integer");
  return ints.at(0);
}

double Value::as_float() const {
  if (is_array() || !is_float_type(type)) wrong_type(*this, "a float");
  return floats.at(0);
}

bool Value::as_bool() const {
  if (type != ValueType::BOOL) wrong_type(*this, "a bool");
  return ints.at(0) != 0;
}

const std::string& Value::as_string() const {
  if (type != ValueType::STRING) wrong_type(*this, "a string");
  return strings.at(0);
}

}  // namespace medlora::gguf
