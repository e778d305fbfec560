#pragma once
// Writes a GGUF v3 file (little-endian): header, metadata in the order it was set, tensor
// infos, then the tensor data, each tensor starting on general.alignment (32). The file
// appears at once (io::AtomicFileWriter), or not at all.
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/gguf/gguf_value.h"
#include "core/gguf/tensor_type.h"

namespace medlora::gguf {

inline constexpr uint32_t kGgufVersion = 3;
inline constexpr uint32_t kGgufAlignment = 32;

class GgufWriter {
 public:
  // A key set twice is a programming error (std::logic_error).
  void set(const std::string& key, Value value);
  // `shape` in row-major (torch) order; GGUF stores it reversed (ne[0] innermost). `bytes`
  // must hold exactly the tensor in `type` (see encode_tensor).
  void add_tensor(const std::string& name, const std::vector<int64_t>& shape, TensorType type, std::string bytes);
  bool has_tensor(const std::string& name) const;
  size_t tensor_count() const { return tensors_.size(); }
  // Serialises the file to `path` atomically; returns its size in bytes.
  uint64_t write(const std::filesystem::path& path) const;

 private:
  struct Tensor {
    std::string name;
    std::vector<int64_t> shape;
    TensorType type;
    std::string bytes;
  };
  std::vector<std::pair<std::string, Value>> metadata_;
  std::vector<Tensor> tensors_;
};

}  // namespace medlora::gguf
