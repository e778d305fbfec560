// libFuzzer target: any bytes given to the safetensors header parser must either parse or raise
// SafetensorsError; anything else (a crash, a sanitizer report, another exception) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/io/safetensors_error.h"
#include "core/io/safetensors_header.h"

namespace {

void parse_or_reject(const uint8_t* data, size_t size) {
  try {
    const auto header = medlora::io::parse_safetensors_header(data, size, "fuzz.safetensors");
    // Everything the parser accepted must be safe to index blindly.
    for (const auto& e : header.tensors) {
      if (e.end > header.data_size || e.begin > e.end) __builtin_trap();
      if (header.find(e.name) != &e) __builtin_trap();
      (void)e.numel();
    }
  } catch (const medlora::io::SafetensorsError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // 1. The input as a whole file.
  parse_or_reject(data, size);
  // 2. The input as the JSON header of a well-framed file with a 64-byte data region, so that
  //    mutations reach the JSON and validation logic instead of dying on the length prefix.
  std::vector<uint8_t> framed(8 + size + 64, 0);
  for (int i = 0; i < 8; ++i) framed[i] = static_cast<uint8_t>((uint64_t{size} >> (8 * i)) & 0xFF);
  if (size > 0) __builtin_memcpy(framed.data() + 8, data, size);
  parse_or_reject(framed.data(), framed.size());
  return 0;
}
