#pragma once
// Saves a model's tensors the way HF save_pretrained does: model.safetensors when everything fits
// in one shard, else model-0000i-of-0000N.safetensors plus model.safetensors.index.json.
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace medlora::io {

// Tensors fill shards in the order given; a shard is closed when the next tensor would take it
// past max_shard_bytes (a tensor larger than that gets a shard of its own). Every shard carries
// metadata plus "format": "pt" (transformers refuses safetensors files without it). Files from
// an earlier save with a different shard count are removed afterwards. The folder is created if
// needed. For an all-or-nothing folder write, write into a StagingDirectory.
void write_sharded_safetensors(const std::filesystem::path& dir,
                               const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                               uint64_t max_shard_bytes,
                               const std::map<std::string, std::string>& metadata = {});

// "model-00002-of-00005.safetensors"
std::string shard_file_name(size_t index_from_1, size_t count);

}  // namespace medlora::io
