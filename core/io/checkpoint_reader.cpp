#include "core/io/checkpoint_reader.h"

#include <fstream>
#include <sstream>

#include <torch/torch.h>

#include "core/io/json_lite.h"
#include "core/io/safetensors_error.h"

namespace medlora::io {
namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string read_small_file(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) throw SafetensorsError(path.string(), "", "cannot read: " + ec.message());
  if (size > kMaxSafetensorsHeaderBytes)
    throw SafetensorsError(path.string(), "", "index file is " + std::to_string(size) + " bytes, too large to be an index");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SafetensorsError(path.string(), "", "cannot open for reading");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A shard name must stay inside the checkpoint folder.
bool is_safe_relative(const std::string& name) {
  if (name.empty()) return false;
  const fs::path p(name);
  if (p.is_absolute()) return false;
  for (const auto& part : p)
    if (part == "..") return false;
  return true;
}

}  // namespace

CheckpointReader CheckpointReader::open(const fs::path& dir_or_file) {
  std::error_code ec;
  const auto status = fs::status(dir_or_file, ec);
  if (fs::is_directory(status)) {
    if (fs::exists(dir_or_file / kSafetensorsWeightsName)) return open_single(dir_or_file / kSafetensorsWeightsName);
    if (fs::exists(dir_or_file / kSafetensorsIndexName)) return open_index(dir_or_file / kSafetensorsIndexName);
    throw SafetensorsError(dir_or_file.string(), "",
                           std::string("no checkpoint in this folder: looked for ") + kSafetensorsWeightsName +
                               " and " + kSafetensorsIndexName +
                               " (is this an HF model folder saved with safetensors?)");
  }
  if (!fs::exists(status))
    throw SafetensorsError(dir_or_file.string(), "", "no such file or folder");
  if (ends_with(dir_or_file.filename().string(), ".index.json")) return open_index(dir_or_file);
  return open_single(dir_or_file);
}

CheckpointReader CheckpointReader::open_file(const fs::path& dir, const std::string& file_name) {
  const fs::path path = dir / file_name;
  if (!fs::exists(path))
    throw SafetensorsError(path.string(), "", "file not found (looked for " + file_name + " in " + dir.string() + ")");
  if (ends_with(file_name, ".index.json")) return open_index(path);
  return open_single(path);
}

CheckpointReader CheckpointReader::open_single(const fs::path& file) {
  CheckpointReader r;
  r.source_ = file;
  r.files_.push_back(SafetensorsFile::open(file));
  for (const auto& e : r.files_[0]->header().tensors) r.where_.emplace(e.name, 0);
  return r;
}

CheckpointReader CheckpointReader::open_index(const fs::path& index) {
  const std::string index_name = index.string();
  auto index_error = [&](const std::string& problem) { return SafetensorsError(index_name, "", problem); };
  json::Value root;
  try {
    root = json::parse(read_small_file(index));
  } catch (const json::JsonError& e) {
    throw index_error(std::string("index is not valid JSON: ") + e.what());
  }
  if (!root.is_object()) throw index_error("index must be a JSON object with a \"weight_map\"");

  CheckpointReader r;
  r.source_ = index;
  r.sharded_ = true;
  if (const json::Value* meta = root.find("metadata"); meta != nullptr && meta->kind != json::Value::Kind::Null) {
    if (!meta->is_object()) throw index_error("\"metadata\" must be an object");
    for (const auto& [k, v] : meta->object)
      if (v.is_string() || v.is_number()) r.index_metadata_.emplace(k, v.text);
  }
  const json::Value* map = root.find("weight_map");
  if (map == nullptr || !map->is_object()) throw index_error("missing \"weight_map\" object");

  const fs::path dir = index.parent_path();
  std::map<std::string, size_t> shard_index;  // shard file name -> index into files_
  std::map<size_t, std::string> shard_names;
  for (const auto& [tensor, shard] : map->object) {
    if (!shard.is_string())
      throw SafetensorsError(index_name, tensor, "weight_map value must be a shard file name (a string)");
    if (!is_safe_relative(shard.text))
      throw SafetensorsError(index_name, tensor,
                             "shard name \"" + shard.text + "\" must be a file name inside the checkpoint folder");
    auto it = shard_index.find(shard.text);
    if (it == shard_index.end()) {
      const fs::path shard_path = dir / shard.text;
      if (!fs::exists(shard_path))
        throw SafetensorsError(index_name, tensor,
                               "shard file " + shard.text + " listed in the index is missing from " + dir.string() +
                                   " (incomplete download or copy?)");
      r.files_.push_back(SafetensorsFile::open(shard_path));
      it = shard_index.emplace(shard.text, r.files_.size() - 1).first;
      shard_names[it->second] = shard.text;
    }
    if (!r.files_[it->second]->contains(tensor))
      throw SafetensorsError(r.files_[it->second]->path().string(), tensor,
                             "listed in " + index_name + " but absent from this shard");
    r.where_.emplace(tensor, it->second);
  }
  // Every tensor a shard holds must be the one the index points at.
  for (size_t i = 0; i < r.files_.size(); ++i) {
    for (const auto& e : r.files_[i]->header().tensors) {
      auto w = r.where_.find(e.name);
      if (w == r.where_.end())
        throw SafetensorsError(r.files_[i]->path().string(), e.name,
                               "present in this shard but not listed in " + index_name);
      if (w->second != i)
        throw SafetensorsError(index_name, e.name,
                               "present in two shards: " + shard_names[w->second] + " and " + shard_names[i]);
    }
  }
  return r;
}

std::vector<std::string> CheckpointReader::names() const {
  std::vector<std::string> out;
  out.reserve(where_.size());
  for (const auto& [name, _] : where_) out.push_back(name);
  return out;
}

const SafetensorsFile& CheckpointReader::file_of(const std::string& name) const {
  auto it = where_.find(name);
  if (it == where_.end())
    throw SafetensorsError(source_.string(), name,
                           "no such tensor in the checkpoint (it holds " + std::to_string(where_.size()) + " tensors)");
  return *files_[it->second];
}

const TensorEntry& CheckpointReader::entry(const std::string& name) const { return file_of(name).entry(name); }

at::Tensor CheckpointReader::load(const std::string& name) const { return file_of(name).load(name); }

std::map<std::string, std::string> CheckpointReader::metadata() const {
  std::map<std::string, std::string> out;
  for (const auto& f : files_)
    for (const auto& [k, v] : f->metadata()) out.emplace(k, v);
  return out;
}

}  // namespace medlora::io
