#pragma once
// Reads a GGUF file strictly: the magic, version 2 or 3, every metadata value and tensor info
// bounds-checked against the file, no duplicate key or tensor name, tensor data aligned to
// general.alignment and inside the file. Any violation is a GgufError naming the file and
// what is wrong. Used by the tests to check every key and tensor of an export.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/gguf/gguf_value.h"
#include "core/gguf/tensor_type.h"

namespace medlora::gguf {

struct TensorInfo {
  std::string name;
  std::vector<int64_t> shape;  // row-major (torch) order: the file's ne reversed
  TensorType type = TensorType::F32;
  uint64_t offset = 0;         // from the start of the data section
  uint64_t bytes = 0;
  int64_t elements() const;
};

class GgufFile {
 public:
  static GgufFile open(const std::filesystem::path& path);
  // From bytes in memory; `origin` names them in messages.
  static GgufFile parse(std::string bytes, const std::string& origin);

  uint32_t version() const { return version_; }
  uint64_t alignment() const { return alignment_; }
  const std::vector<std::pair<std::string, Value>>& metadata() const { return metadata_; }
  bool has(const std::string& key) const;
  // Throws GgufError naming the key when absent.
  const Value& value(const std::string& key) const;

  const std::vector<TensorInfo>& tensors() const { return tensors_; }
  bool has_tensor(const std::string& name) const { return tensor_index_.count(name) != 0; }
  const TensorInfo& tensor(const std::string& name) const;
  std::string_view tensor_data(const std::string& name) const;
  // The tensor as float32 (dequantised for q8_0).
  std::vector<float> tensor_values(const std::string& name) const;

 private:
  std::string origin_;
  std::string bytes_;
  uint32_t version_ = 0;
  uint64_t alignment_ = 32;
  uint64_t data_start_ = 0;
  std::vector<std::pair<std::string, Value>> metadata_;
  std::map<std::string, size_t> key_index_;
  std::vector<TensorInfo> tensors_;
  std::map<std::string, size_t> tensor_index_;
};

}  // namespace medlora::gguf
