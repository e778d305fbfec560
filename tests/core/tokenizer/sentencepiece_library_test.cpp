#include "core/tokenizer/sentencepiece_library.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <optional>

#include "core/tokenizer/tokenizer_error.h"
#include "tests/support/temp_dir.h"

namespace medlora::tokenizer {
namespace {

// Sets an environment variable for one scope and restores it afterwards.
class ScopedEnvironment {
 public:
  // Sets `name` to `value`, or unsets it when `value` is empty.
  ScopedEnvironment(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value.empty()) {
      ::unsetenv(name);
    } else {
      ::setenv(name, value.c_str(), 1);
    }
  }
  ~ScopedEnvironment() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

std::string load_error(const std::vector<std::filesystem::path>& candidates) {
  try {
    SentencepieceLibrary::load(candidates, SentencepieceLibrary::search_description());
  } catch (const TokenizerError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected the load to fail";
  return {};
}

TEST(SentencepieceLibrary, FindsTheShimNextToTheExecutable) {
  ScopedEnvironment env("MEDLORA_SPM_LIBRARY", "");
  const auto candidates = SentencepieceLibrary::candidate_paths();
  ASSERT_FALSE(candidates.empty());
  EXPECT_EQ(candidates.front(), medlora::testing::bin_path("libmedlora_spm.so").lexically_normal());
  const auto& library = SentencepieceLibrary::instance();
  EXPECT_EQ(library.abi_version(), MEDLORA_SPM_ABI_VERSION);
  EXPECT_TRUE(std::filesystem::exists(library.path()));
  EXPECT_EQ(&library, &SentencepieceLibrary::instance());
}

TEST(SentencepieceLibrary, EnvironmentVariableChoosesTheOnlyCandidate) {
  const auto* loaded = &SentencepieceLibrary::instance();
  ScopedEnvironment env("MEDLORA_SPM_LIBRARY", "/nonexistent/libmedlora_spm.so");
  EXPECT_EQ(SentencepieceLibrary::candidate_paths(),
            std::vector<std::filesystem::path>{"/nonexistent/libmedlora_spm.so"});
  const auto message = load_error(SentencepieceLibrary::candidate_paths());
  EXPECT_NE(message.find("/nonexistent/libmedlora_spm.so"), std::string::npos) << message;
  EXPECT_NE(message.find("No such file"), std::string::npos) << message;  // dlerror()
  EXPECT_NE(message.find("$MEDLORA_SPM_LIBRARY"), std::string::npos) << message;
  // The process-wide instance is untouched.
  EXPECT_EQ(&SentencepieceLibrary::instance(), loaded);
}

TEST(SentencepieceLibrary, ListsEveryPathTriedWithItsReason) {
  medlora::testing::TempDir dir;
  {
    std::ofstream(dir / "libgarbage.so") << std::string(200, 'x');  // long enough to be read as a header
  }
  const std::vector<std::filesystem::path> candidates = {
      dir / "missing.so", dir / "libgarbage.so", medlora::testing::bin_path("libmedlora_core.so")};
  const auto message = load_error(candidates);
  for (const auto& candidate : candidates) {
    EXPECT_NE(message.find(candidate.string()), std::string::npos) << message;
  }
  EXPECT_NE(message.find("invalid ELF header"), std::string::npos) << message;
  EXPECT_NE(message.find("not a MedLoRA sentencepiece shim"), std::string::npos) << message;
}

TEST(SentencepieceLibrary, LoadsAFreshHandleFromAnExplicitPath) {
  const auto library =
      SentencepieceLibrary::load({medlora::testing::bin_path("libmedlora_spm.so")}, "the test's path");
  ASSERT_NE(library, nullptr);
  EXPECT_EQ(library->abi_version(), MEDLORA_SPM_ABI_VERSION);
}

}  // namespace
}  // namespace medlora::tokenizer
