// Writes the tiny model and adapter that tests/cli/serve_cli_test.sh serves. Runs only when
// MEDLORA_SERVE_FIXTURE_DIR names the folder (ctest otherwise skips it).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>

#include "tests/core/generate/chat_test_models.h"

namespace medlora::serve {
namespace {

TEST(ServeFixture, WriteModelAndAdapter) {
  const char* target = std::getenv("MEDLORA_SERVE_FIXTURE_DIR");
  if (!target || !*target) GTEST_SKIP() << "MEDLORA_SERVE_FIXTURE_DIR is not set (only the CLI test needs it)";
  const std::filesystem::path dir = target;
  generate::test::write_tiny_chat_model(dir / "tiny");
  // A long context, as served models have: decoding stops at the context's end, and the CLI
  // test's abandoned stream must last until its client leaves (the weights do not depend on it).
  const auto config_path = dir / "tiny" / "config.json";
  nlohmann::json config = nlohmann::json::parse(std::ifstream(config_path));
  config["max_position_embeddings"] = 1 << 17;
  std::ofstream(config_path) << config.dump(2);
  generate::test::write_random_adapter(dir / "tiny", dir / "adapter-x", 11);
  EXPECT_TRUE(std::filesystem::is_regular_file(dir / "adapter-x" / "adapter_config.json"));
}

}  // namespace
}  // namespace medlora::serve
