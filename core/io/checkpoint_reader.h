#pragma once
// Reads an HF checkpoint: one .safetensors file, or shards listed in model.safetensors.index.json
// ({"metadata": {...}, "weight_map": {tensor: shard file}}). All shards are opened and
// cross-checked up front, so a broken checkpoint fails on open, not halfway through loading.
#include <ATen/core/Tensor.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/io/safetensors_file.h"

namespace medlora::io {

inline constexpr const char* kSafetensorsWeightsName = "model.safetensors";
inline constexpr const char* kSafetensorsIndexName = "model.safetensors.index.json";
inline constexpr const char* kAdapterWeightsName = "adapter_model.safetensors";

class CheckpointReader {
 public:
  // A .safetensors file, an .index.json file, or a folder holding model.safetensors or (else)
  // model.safetensors.index.json — the order HF transformers looks in. Throws SafetensorsError.
  static CheckpointReader open(const std::filesystem::path& dir_or_file);
  // A named file inside a folder, e.g. open_file(adapter_dir, kAdapterWeightsName); the name may be
  // a .safetensors file or an .index.json file.
  static CheckpointReader open_file(const std::filesystem::path& dir, const std::string& file_name);

  std::vector<std::string> names() const;  // sorted
  bool contains(const std::string& name) const { return where_.count(name) != 0; }
  // Throws SafetensorsError naming the checkpoint and the tensor when absent.
  const TensorEntry& entry(const std::string& name) const;
  at::Tensor load(const std::string& name) const;
  size_t size() const { return where_.size(); }

  // The shards' "__metadata__" merged (first shard wins on a conflict).
  std::map<std::string, std::string> metadata() const;
  // The index file's "metadata" (numbers as their JSON text); empty for a single file.
  const std::map<std::string, std::string>& index_metadata() const { return index_metadata_; }
  // The file that was opened: the .safetensors file or the index.
  const std::filesystem::path& source() const { return source_; }
  bool sharded() const { return sharded_; }
  const std::vector<std::shared_ptr<SafetensorsFile>>& files() const { return files_; }

 private:
  static CheckpointReader open_single(const std::filesystem::path& file);
  static CheckpointReader open_index(const std::filesystem::path& index);
  const SafetensorsFile& file_of(const std::string& name) const;

  std::filesystem::path source_;
  bool sharded_ = false;
  std::vector<std::shared_ptr<SafetensorsFile>> files_;
  std::map<std::string, size_t> where_;  // tensor name -> index into files_
  std::map<std::string, std::string> index_metadata_;
};

}  // namespace medlora::io
