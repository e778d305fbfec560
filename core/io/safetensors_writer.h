#pragma once
// Writes tensors to a safetensors file that HF's reader accepts: header padded with spaces to an
// 8-byte boundary, tensors laid out in name order, written to a temporary file and renamed.
#include <ATen/core/Tensor.h>

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace medlora::io {

// Tensors may live on any device and be non-contiguous (they are copied to CPU one at a time);
// the dtype is kept. Throws SafetensorsError for duplicate or empty names, undefined tensors and
// unsupported dtypes; std::system_error when the file cannot be written.
void write_safetensors(const std::filesystem::path& path,
                       const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                       const std::map<std::string, std::string>& metadata = {});

// Bytes the tensor occupies in a file (numel × element size), for sharding decisions.
uint64_t safetensors_data_bytes(const at::Tensor& tensor);

}  // namespace medlora::io
