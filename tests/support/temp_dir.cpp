#include "tests/support/temp_dir.h"

#include <cstdlib>
#include <stdexcept>

namespace medlora::testing {

TempDir::TempDir(const std::string& prefix) {
  std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed for " + pattern);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path source_path(const std::string& relative) {
  return std::filesystem::path(MEDLORA_SOURCE_DIR) / relative;
}

std::filesystem::path bin_path(const std::string& relative) {
  return std::filesystem::path(MEDLORA_BIN_DIR) / relative;
}

}  // namespace medlora::testing
