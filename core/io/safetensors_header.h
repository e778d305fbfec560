#pragma once
// The safetensors header: an 8-byte little-endian length, then that many bytes of JSON
// {"__metadata__": {str: str}, name: {"dtype", "shape", "data_offsets": [begin, end]}, ...}.
// Parsing validates everything a reader relies on, so later code can index the data blindly.
// No torch and no Qt here: the fuzzer links this file alone.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/dtype.h"

namespace medlora::io {

// Headers larger than this are rejected as corrupt (HF's reader uses the same bound).
inline constexpr uint64_t kMaxSafetensorsHeaderBytes = 100'000'000;

struct TensorEntry {
  std::string name;
  DType dtype = DType::F32;
  std::vector<int64_t> shape;
  uint64_t begin = 0;  // byte offsets relative to the start of the data region
  uint64_t end = 0;
  int64_t numel() const;
  uint64_t byte_size() const { return end - begin; }
};

struct SafetensorsHeader {
  std::map<std::string, std::string> metadata;
  std::vector<TensorEntry> tensors;  // sorted by name
  uint64_t data_offset = 0;          // 8 + header length: where the data region starts in the file
  uint64_t data_size = 0;            // file size - data_offset
  const TensorEntry* find(std::string_view name) const;
};

// Parses and validates the header of a whole file held in memory (or mapped): length prefix,
// strict JSON (duplicate keys rejected), known dtypes, non-negative shapes, shape × dtype size ==
// byte span, offsets inside the data region, no two tensors overlapping (gaps are allowed; unknown
// extra fields in a tensor entry are ignored, as HF's reader does). Throws
// SafetensorsError naming file_name, the tensor when one is at fault, and the problem.
SafetensorsHeader parse_safetensors_header(const uint8_t* file_bytes, size_t file_size,
                                           const std::string& file_name);

// The header bytes a writer puts before the data: the 8-byte length plus JSON padded with spaces
// so that the data region starts at a multiple of 8 (as HF's writer does). Tensors are written in
// the order given, with their begin/end as given; metadata is omitted when empty.
std::string serialize_safetensors_header(const std::vector<TensorEntry>& tensors,
                                         const std::map<std::string, std::string>& metadata);

}  // namespace medlora::io
