#pragma once
// A temporary folder for one test, removed when the object goes out of scope.
#include <filesystem>
#include <string>

namespace medlora::testing {

class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "medlora-test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// Absolute path of a file in the source tree, e.g. source_path("resources/sample_data/x").
std::filesystem::path source_path(const std::string& relative);
// The build's bin folder (medlora, medlora-workbench, libmedlora_spm.so).
std::filesystem::path bin_path(const std::string& relative = "");

}  // namespace medlora::testing
