#include "core/gguf/gguf_reader.h"

#include "core/gguf/file_bytes.h"

#include <bit>

namespace medlora::gguf {

namespace {

// A bounds-checked little-endian cursor over the file's bytes.
class Cursor {
 public:
  Cursor(std::string_view bytes, const std::string& origin) : bytes_(bytes), origin_(origin) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw GgufError(origin_ + ": " + what + " (at byte " + std::to_string(at_) + ")");
  }
  void need(uint64_t n, const char* what) const {
    if (n > bytes_.size() - at_) fail(std::string("truncated: ") + what + " runs past the end of the file");
  }
  template <typename T>
  T read(const char* what) {
    need(sizeof(T), what);
    std::make_unsigned_t<T> bits = 0;
    for (size_t b = 0; b < sizeof(T); ++b)
      bits |= static_cast<std::make_unsigned_t<T>>(static_cast<unsigned char>(bytes_[at_ + b])) << (8 * b);
    at_ += sizeof(T);
    return static_cast<T>(bits);
  }
  std::string read_string(const char* what) {
    const uint64_t n = read<uint64_t>(what);
    need(n, what);
    std::string s(bytes_.substr(at_, n));
    at_ += n;
    return s;
  }
  uint64_t at() const { return at_; }
  uint64_t size() const { return bytes_.size(); }

 private:
  std::string_view bytes_;
  const std::string& origin_;
  uint64_t at_ = 0;
};

ValueType value_type(Cursor& c, uint32_t raw) {
  if (raw > static_cast<uint32_t>(ValueType::FLOAT64)) c.fail("unknown metadata value type " + std::to_string(raw));
  return static_cast<ValueType>(raw);
}

void read_element(Cursor& c, Value& v, ValueType type) {
  switch (type) {
    case ValueType::UINT8: v.ints.push_back(c.read<uint8_t>("a uint8")); break;
    case ValueType::INT8: v.ints.push_back(c.read<int8_t>("an int8")); break;
    case ValueType::UINT16: v.ints.push_back(c.read<uint16_t>("a uint16")); break;
    case ValueType::INT16: v.ints.push_back(c.read<int16_t>("an int16")); break;
    case ValueType::UINT32: v.ints.push_back(c.read<uint32_t>("a uint32")); break;
    case ValueType::INT32: v.ints.push_back(c.read<int32_t>("an int32")); break;
    case ValueType::UINT64: v.ints.push_back(static_cast<int64_t>(c.read<uint64_t>("a uint64"))); break;
    case ValueType::INT64: v.ints.push_back(c.read<int64_t>("an int64")); break;
    case ValueType::BOOL: {
      const uint8_t b = c.read<uint8_t>("a bool");
      if (b > 1) c.fail("a bool holds " + std::to_string(b));
      v.ints.push_back(b);
      break;
    }
    case ValueType::FLOAT32: v.floats.push_back(std::bit_cast<float>(c.read<uint32_t>("a float32"))); break;
    case ValueType::FLOAT64: v.floats.push_back(std::bit_cast<double>(c.read<uint64_t>("a float64"))); break;
    case ValueType::STRING: v.strings.push_back(c.read_string("a string")); break;
    case ValueType::ARRAY: c.fail("arrays of arrays are not supported");
  }
}

Value read_value(Cursor& c) {
  Value v;
  v.type = v.element_type = value_type(c, c.read<uint32_t>("a value type"));
  if (!v.is_array()) {
    read_element(c, v, v.type);
    return v;
  }
  v.element_type = value_type(c, c.read<uint32_t>("an array element type"));
  const uint64_t n = c.read<uint64_t>("an array length");
  if (n > c.size() - c.at()) c.fail("an array of " + std::to_string(n) + " elements cannot fit in the file");
  for (uint64_t i = 0; i < n; ++i) read_element(c, v, v.element_type);
  return v;
}

}  // namespace

int64_t TensorInfo::elements() const {
  int64_t n = 1;
  for (int64_t d : shape) n *= d;
  return n;
}

GgufFile GgufFile::open(const std::filesystem::path& path) {
  return parse(read_file_bytes(path), path.string());
}

GgufFile GgufFile::parse(std::string bytes, const std::string& origin) {
  GgufFile f;
  f.origin_ = origin;
  f.bytes_ = std::move(bytes);
  Cursor c(f.bytes_, f.origin_);
  c.need(4, "the magic");
  if (f.bytes_.compare(0, 4, "GGUF") != 0) c.fail("not a GGUF file (no GGUF magic)");
  c.read<uint32_t>("the magic");
  f.version_ = c.read<uint32_t>("the version");
  if (f.version_ != 2 && f.version_ != 3) c.fail("GGUF version " + std::to_string(f.version_) + " is not 2 or 3");
  const uint64_t tensor_count = c.read<uint64_t>("the tensor count");
  const uint64_t kv_count = c.read<uint64_t>("the metadata count");
  if (kv_count > c.size() || tensor_count > c.size()) c.fail("counts larger than the file");
  for (uint64_t i = 0; i < kv_count; ++i) {
    std::string key = c.read_string("a metadata key");
    if (f.key_index_.count(key)) c.fail("metadata key '" + key + "' appears twice");
    Value v = read_value(c);
    f.key_index_[key] = f.metadata_.size();
    f.metadata_.emplace_back(std::move(key), std::move(v));
  }
  if (f.has("general.alignment")) {
    const Value& a = f.value("general.alignment");
    if (a.type != ValueType::UINT32 || a.ints[0] == 0 || (a.ints[0] & (a.ints[0] - 1)) != 0)
      c.fail("general.alignment must be a uint32 power of two");
    f.alignment_ = static_cast<uint64_t>(a.ints[0]);
  }
  for (uint64_t i = 0; i < tensor_count; ++i) {
    TensorInfo t;
    t.name = c.read_string("a tensor name");
    if (f.tensor_index_.count(t.name)) c.fail("tensor '" + t.name + "' appears twice");
    const uint32_t dims = c.read<uint32_t>("a tensor's dimension count");
    if (dims == 0 || dims > 4) c.fail("tensor '" + t.name + "' has " + std::to_string(dims) + " dimensions (1 to 4)");
    t.shape.resize(dims);
    for (uint32_t d = 0; d < dims; ++d) {
      const uint64_t n = c.read<uint64_t>("a tensor dimension");
      if (n == 0 || n > (1ull << 40)) c.fail("tensor '" + t.name + "' has a dimension of " + std::to_string(n));
      t.shape[dims - 1 - d] = static_cast<int64_t>(n);
    }
    const uint32_t type = c.read<uint32_t>("a tensor type");
    const auto parsed = tensor_type_from_id(type);
    if (!parsed) c.fail("tensor '" + t.name + "' has ggml type " + std::to_string(type) + " (this reader knows f32, f16, bf16, q8_0)");
    t.type = *parsed;
    t.offset = c.read<uint64_t>("a tensor offset");
    if (t.offset % f.alignment_ != 0) c.fail("tensor '" + t.name + "' data is not aligned to " + std::to_string(f.alignment_));
    try {
      t.bytes = tensor_bytes(t.type, t.elements());
    } catch (const GgufError& e) {
      c.fail("tensor '" + t.name + "': " + e.what());
    }
    f.tensor_index_[t.name] = f.tensors_.size();
    f.tensors_.push_back(std::move(t));
  }
  f.data_start_ = (c.at() + f.alignment_ - 1) / f.alignment_ * f.alignment_;
  for (const auto& t : f.tensors_) {
    if (t.offset > c.size() || t.bytes > c.size() - t.offset || f.data_start_ > c.size() - t.offset - t.bytes)
      c.fail("tensor '" + t.name + "' data runs past the end of the file");
  }
  return f;
}

bool GgufFile::has(const std::string& key) const { return key_index_.count(key) != 0; }

const Value& GgufFile::value(const std::string& key) const {
  const auto it = key_index_.find(key);
  if (it == key_index_.end()) throw GgufError(origin_ + ": no metadata key '" + key + "'");
  return metadata_[it->second].second;
}

const TensorInfo& GgufFile::tensor(const std::string& name) const {
  const auto it = tensor_index_.find(name);
  if (it == tensor_index_.end()) throw GgufError(origin_ + ": no tensor '" + name + "'");
  return tensors_[it->second];
}

std::string_view GgufFile::tensor_data(const std::string& name) const {
  const TensorInfo& t = tensor(name);
  return std::string_view(bytes_).substr(data_start_ + t.offset, t.bytes);
}

std::vector<float> GgufFile::tensor_values(const std::string& name) const {
  return decode_tensor(tensor(name).type, tensor_data(name), tensor(name).elements());
}

}  // namespace medlora::gguf
