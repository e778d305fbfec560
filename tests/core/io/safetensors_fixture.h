#pragma once
// Hand-built safetensors bytes for tests: an 8-byte little-endian length, the JSON, the data.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace medlora::io::test {

inline std::string le_u64(uint64_t n) {
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((n >> (8 * i)) & 0xFF);
  return out;
}

inline std::string make_safetensors(const std::string& header_json, const std::string& data) {
  return le_u64(header_json.size()) + header_json + data;
}

inline void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace medlora::io::test
