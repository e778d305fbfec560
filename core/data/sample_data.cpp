#include "core/data/sample_data.h"

#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace medlora::data {

namespace {
std::filesystem::path executable_dir() {
  std::error_code error;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::current_path() : exe.parent_path();
}
}  // namespace

std::filesystem::path sample_data_dir() {
  std::vector<std::filesystem::path> candidates;
  if (const char* env = std::getenv("MEDLORA_SAMPLE_DATA")) candidates.emplace_back(env);
  const auto exe_dir = executable_dir();
  candidates.push_back(exe_dir / ".." / "share" / "medlora" / "sample_data");
#ifdef MEDLORA_SOURCE_DIR_FOR_DATA
  candidates.push_back(std::filesystem::path(MEDLORA_SOURCE_DIR_FOR_DATA) / "resources" / "sample_data");
#endif
  std::string tried;
  for (const auto& dir : candidates) {
    if (std::filesystem::is_regular_file(dir / "clinic_qa.jsonl")) return std::filesystem::weakly_canonical(dir);
    tried += "\n  " + dir.string();
  }
  throw std::runtime_error("the bundled sample data (clinic_qa.jsonl) was not found; looked in:" + tried +
                           "\nset MEDLORA_SAMPLE_DATA to the folder that holds it");
}

}  // namespace medlora::data
