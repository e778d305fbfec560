#include "core/io/safetensors_writer.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <stdexcept>

#include <torch/torch.h>

#include "core/io/atomic_file.h"
#include "core/io/safetensors_error.h"
#include "core/io/safetensors_header.h"
#include "core/io/torch_dtype.h"

namespace medlora::io {

uint64_t safetensors_data_bytes(const at::Tensor& tensor) {
  return static_cast<uint64_t>(tensor.numel()) * static_cast<uint64_t>(tensor.element_size());
}

void write_safetensors(const std::filesystem::path& path,
                       const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                       const std::map<std::string, std::string>& metadata) {
  const std::string file = path.string();
  std::set<std::string> seen;
  for (const auto& [name, tensor] : tensors) {
    if (name.empty()) throw SafetensorsError(file, "", "cannot write a tensor with an empty name");
    if (name == "__metadata__") throw SafetensorsError(file, name, "the name is reserved for file metadata");
    if (!seen.insert(name).second) throw SafetensorsError(file, name, "name given twice; tensor names must be unique");
    if (!tensor.defined()) throw SafetensorsError(file, name, "tensor is undefined");
  }

  std::vector<size_t> order(tensors.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return tensors[a].first < tensors[b].first; });

  std::vector<TensorEntry> entries;
  entries.reserve(tensors.size());
  uint64_t offset = 0;
  for (size_t i : order) {
    const auto& [name, tensor] = tensors[i];
    TensorEntry e;
    e.name = name;
    try {
      e.dtype = from_scalar_type(tensor.scalar_type());
    } catch (const std::invalid_argument& err) {
      throw SafetensorsError(file, name, err.what());
    }
    e.shape.assign(tensor.sizes().begin(), tensor.sizes().end());
    e.begin = offset;
    offset += static_cast<uint64_t>(tensor.numel()) * element_size(e.dtype);
    e.end = offset;
    entries.push_back(std::move(e));
  }

  AtomicFileWriter out(path);
  out.write(serialize_safetensors_header(entries, metadata));
  for (size_t k = 0; k < order.size(); ++k) {
    const at::Tensor cpu = tensors[order[k]].second.to(torch::kCPU).contiguous();
    const size_t bytes = static_cast<size_t>(entries[k].byte_size());
    if (bytes > 0) out.write(cpu.data_ptr(), bytes);
  }
  out.commit();
}

}  // namespace medlora::io
