#pragma once
// A whole file's bytes, for the GGUF reader and the tokenizer files an export reads.
#include <filesystem>
#include <string>

namespace medlora::gguf {

// Throws GgufError naming the path when it cannot be read.
std::string read_file_bytes(const std::filesystem::path& path);

}  // namespace medlora::gguf
