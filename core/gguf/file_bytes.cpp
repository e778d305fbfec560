#include "core/gguf/file_bytes.h"

#include <fstream>
#include <sstream>

#include "core/gguf/gguf_value.h"

namespace medlora::gguf {

std::string read_file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw GgufError(path.string() + ": cannot be read");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw GgufError(path.string() + ": read failed");
  return std::move(buffer).str();
}

}  // namespace medlora::gguf
