#include "core/io/sharded_writer.h"

#include <cstdio>
#include <regex>
#include <set>

#include "core/io/atomic_file.h"
#include "core/io/checkpoint_reader.h"
#include "core/io/json_lite.h"
#include "core/io/safetensors_error.h"
#include "core/io/safetensors_writer.h"

namespace medlora::io {
namespace fs = std::filesystem;

std::string shard_file_name(size_t index_from_1, size_t count) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "model-%05zu-of-%05zu.safetensors", index_from_1, count);
  return buf;
}

namespace {

// Removes model.safetensors / shards / index left by an earlier save that are not in keep.
void remove_stale(const fs::path& dir, const std::set<std::string>& keep) {
  static const std::regex shard_re(R"(model-\d{5}-of-\d{5}\.safetensors)");
  std::error_code ec;
  for (const auto& item : fs::directory_iterator(dir, ec)) {
    const std::string name = item.path().filename().string();
    const bool ours = name == kSafetensorsWeightsName || name == kSafetensorsIndexName ||
                      std::regex_match(name, shard_re);
    if (ours && keep.count(name) == 0) fs::remove(item.path(), ec);
  }
}

}  // namespace

void write_sharded_safetensors(const fs::path& dir, const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                               uint64_t max_shard_bytes, const std::map<std::string, std::string>& metadata) {
  if (max_shard_bytes == 0) throw std::invalid_argument("write_sharded_safetensors: max_shard_bytes must be positive");
  std::set<std::string> seen;
  for (const auto& [name, tensor] : tensors)
    if (!seen.insert(name).second)
      throw SafetensorsError(dir.string(), name, "name given twice; tensor names must be unique");
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::system_error(ec, "cannot create checkpoint folder '" + dir.string() + "'");

  std::map<std::string, std::string> shard_meta = metadata;
  shard_meta.emplace("format", "pt");

  std::vector<std::vector<std::pair<std::string, at::Tensor>>> shards(1);
  uint64_t current = 0, total = 0;
  for (const auto& item : tensors) {
    const uint64_t bytes = item.second.defined() ? safetensors_data_bytes(item.second) : 0;
    if (!shards.back().empty() && current + bytes > max_shard_bytes) {
      shards.emplace_back();
      current = 0;
    }
    shards.back().push_back(item);
    current += bytes;
    total += bytes;
  }

  if (shards.size() == 1) {
    write_safetensors(dir / kSafetensorsWeightsName, shards[0], shard_meta);
    remove_stale(dir, {kSafetensorsWeightsName});
    return;
  }

  std::set<std::string> written;
  std::map<std::string, std::string> weight_map;
  for (size_t i = 0; i < shards.size(); ++i) {
    const std::string name = shard_file_name(i + 1, shards.size());
    write_safetensors(dir / name, shards[i], shard_meta);
    written.insert(name);
    for (const auto& [tensor, _] : shards[i]) weight_map.emplace(tensor, name);
  }
  std::string index = "{\n  \"metadata\": {\n    \"total_size\": " + std::to_string(total) +
                      "\n  },\n  \"weight_map\": {";
  bool first = true;
  for (const auto& [tensor, shard] : weight_map) {
    index += first ? "\n    " : ",\n    ";
    first = false;
    index += json::quote(tensor) + ": " + json::quote(shard);
  }
  index += "\n  }\n}\n";
  write_file_atomically(dir / kSafetensorsIndexName, index);
  written.insert(kSafetensorsIndexName);
  remove_stale(dir, written);
}

}  // namespace medlora::io
