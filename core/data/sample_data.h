#pragma once
// Where the sample data the project ships lives: the install tree
// (<prefix>/share/medlora/sample_data) or, in a build tree, the source tree's resources/.
#include <filesystem>

namespace medlora::data {

// Throws std::runtime_error listing the folders tried when none holds the sample data.
// MEDLORA_SAMPLE_DATA in the environment overrides.
std::filesystem::path sample_data_dir();

}  // namespace medlora::data
