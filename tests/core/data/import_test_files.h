#pragma once
// Small helpers for the import/export tests: write a fixture file, find the shared datasets.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "core/data/dataset_importer.h"

namespace medlora::testing {

inline std::filesystem::path write_test_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

inline std::string read_test_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// ../shared/datasets beside the project, or MEDLORA_SHARED_DATASETS; empty when absent.
inline std::filesystem::path shared_datasets_dir() {
  const char* env = std::getenv("MEDLORA_SHARED_DATASETS");
  std::filesystem::path dir = env && *env ? std::filesystem::path(env)
                                          : std::filesystem::path(MEDLORA_SOURCE_DIR) / ".." / "shared" / "datasets";
  std::error_code ec;
  return std::filesystem::is_directory(dir, ec) ? dir : std::filesystem::path();
}

inline bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The import kept `records` records and reported exactly one error, at a place ending in
// `where` ("file:line").
inline ::testing::AssertionResult kept_with_one_error(const medlora::data::ImportResult& result, size_t records,
                                                      const std::string& where) {
  if (result.records.size() != records)
    return ::testing::AssertionFailure() << result.records.size() << " records kept, expected " << records;
  if (result.errors.size() != 1) return ::testing::AssertionFailure() << result.errors.size() << " errors, expected 1";
  if (!ends_with(result.errors[0].where, where))
    return ::testing::AssertionFailure() << "error at " << result.errors[0].where << ", expected " << where;
  return ::testing::AssertionSuccess();
}

inline medlora::data::ImportResult import_one(const std::filesystem::path& file,
                                              medlora::data::ImportOptions options = {}) {
  return medlora::data::import_paths({file}, options);
}

}  // namespace medlora::testing
