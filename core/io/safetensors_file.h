#pragma once
// A safetensors file mapped read-only. The header is validated on open, so entries can be read
// without further checks; load() copies a tensor out so the file may be closed afterwards.
#include <ATen/core/Tensor.h>

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/io/safetensors_header.h"

namespace medlora::io {

class SafetensorsFile {
 public:
  // Throws SafetensorsError (missing/unreadable file, any header problem).
  static std::shared_ptr<SafetensorsFile> open(const std::filesystem::path& path);
  ~SafetensorsFile();
  SafetensorsFile(const SafetensorsFile&) = delete;
  SafetensorsFile& operator=(const SafetensorsFile&) = delete;

  const std::filesystem::path& path() const { return path_; }
  const SafetensorsHeader& header() const { return header_; }
  const std::map<std::string, std::string>& metadata() const { return header_.metadata; }
  std::vector<std::string> names() const;  // sorted
  bool contains(const std::string& name) const { return header_.find(name) != nullptr; }
  // Throws SafetensorsError naming the file and tensor when absent.
  const TensorEntry& entry(const std::string& name) const;
  // Start of the tensor's bytes inside the mapping (valid while this object lives; not aligned).
  const std::byte* data(const TensorEntry& entry) const;
  // A CPU tensor in the stored dtype that owns a copy of the bytes.
  at::Tensor load(const std::string& name) const;
  at::Tensor load(const TensorEntry& entry) const;

 private:
  SafetensorsFile() = default;

  std::filesystem::path path_;
  SafetensorsHeader header_;
  const std::byte* map_ = nullptr;
  size_t map_size_ = 0;
};

}  // namespace medlora::io
