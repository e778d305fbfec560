#include "core/gguf/gguf_writer.h"

#include <bit>
#include <stdexcept>

#include "core/io/atomic_file.h"

namespace medlora::gguf {

namespace {

template <typename T>
void put(std::string& out, T value) {
  using U = std::make_unsigned_t<T>;
  const U bits = static_cast<U>(value);
  for (size_t b = 0; b < sizeof(T); ++b) out.push_back(static_cast<char>((bits >> (8 * b)) & 0xff));
}

void put_string(std::string& out, const std::string& s) {
  put<uint64_t>(out, s.size());
  out += s;
}

void put_element(std::string& out, const Value& v, ValueType type, size_t i) {
  switch (type) {
    case ValueType::UINT8: case ValueType::INT8: case ValueType::BOOL: put<uint8_t>(out, static_cast<uint8_t>(v.ints[i])); break;
    case ValueType::UINT16: case ValueType::INT16: put<uint16_t>(out, static_cast<uint16_t>(v.ints[i])); break;
    case ValueType::UINT32: case ValueType::INT32: put<uint32_t>(out, static_cast<uint32_t>(v.ints[i])); break;
    case ValueType::UINT64: case ValueType::INT64: put<uint64_t>(out, static_cast<uint64_t>(v.ints[i])); break;
    case ValueType::FLOAT32: put<uint32_t>(out, std::bit_cast<uint32_t>(static_cast<float>(v.floats[i]))); break;
    case ValueType::FLOAT64: put<uint64_t>(out, std::bit_cast<uint64_t>(v.floats[i])); break;
    case ValueType::STRING: put_string(out, v.strings[i]); break;
    case ValueType::ARRAY: throw std::logic_error("GGUF arrays of arrays are not written");
  }
}

void put_value(std::string& out, const Value& v) {
  put<uint32_t>(out, static_cast<uint32_t>(v.type));
  if (!v.is_array()) {
    put_element(out, v, v.type, 0);
    return;
  }
  put<uint32_t>(out, static_cast<uint32_t>(v.element_type));
  put<uint64_t>(out, v.size());
  for (size_t i = 0; i < v.size(); ++i) put_element(out, v, v.element_type, i);
}

uint64_t padded(uint64_t offset) { return (offset + kGgufAlignment - 1) / kGgufAlignment * kGgufAlignment; }

}  // namespace

void GgufWriter::set(const std::string& key, Value value) {
  for (const auto& [k, v] : metadata_)
    if (k == key) throw std::logic_error("GGUF key set twice: " + key);
  if (value.size() != 1 && !value.is_array()) throw std::logic_error("GGUF scalar " + key + " holds no single value");
  metadata_.emplace_back(key, std::move(value));
}

void GgufWriter::add_tensor(const std::string& name, const std::vector<int64_t>& shape, TensorType type, std::string bytes) {
  if (has_tensor(name)) throw std::logic_error("GGUF tensor added twice: " + name);
  int64_t elements = 1;
  for (int64_t d : shape) elements *= d;
  if (bytes.size() != tensor_bytes(type, elements))
    throw std::logic_error("GGUF tensor " + name + ": byte size does not match its shape and type");
  tensors_.push_back({name, shape, type, std::move(bytes)});
}

bool GgufWriter::has_tensor(const std::string& name) const {
  for (const auto& t : tensors_)
    if (t.name == name) return true;
  return false;
}

uint64_t GgufWriter::write(const std::filesystem::path& path) const {
  std::string head;
  head += "GGUF";
  put<uint32_t>(head, kGgufVersion);
  put<uint64_t>(head, tensors_.size());
  put<uint64_t>(head, metadata_.size());
  for (const auto& [key, value] : metadata_) {
    put_string(head, key);
    put_value(head, value);
  }
  uint64_t offset = 0;
  for (const auto& t : tensors_) {
    put_string(head, t.name);
    put<uint32_t>(head, static_cast<uint32_t>(t.shape.size()));
    for (auto d = t.shape.rbegin(); d != t.shape.rend(); ++d) put<uint64_t>(head, static_cast<uint64_t>(*d));
    put<uint32_t>(head, static_cast<uint32_t>(t.type));
    put<uint64_t>(head, offset);
    offset = padded(offset + t.bytes.size());
  }
  head.resize(padded(head.size()), '\0');

  io::AtomicFileWriter file(path);
  file.write(head);
  uint64_t written = head.size();
  const std::string zeros(kGgufAlignment, '\0');
  for (const auto& t : tensors_) {
    file.write(t.bytes);
    const uint64_t end = written + t.bytes.size();
    file.write(zeros.data(), padded(end) - end);
    written = padded(end);
  }
  file.commit();
  return written;
}

}  // namespace medlora::gguf
