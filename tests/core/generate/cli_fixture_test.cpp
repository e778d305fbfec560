// Writes the tiny model folder that tests/cli/generate_cli_test.sh drives `medlora` with:
// a random model, a tokenizer trained here, saved with save_llama. Runs only when
// MEDLORA_CLI_FIXTURE_DIR names the folder to create (ctest otherwise skips it).
#include <gtest/gtest.h>

#include <cstdlib>

#include "core/model/model_loader.h"
#include "core/tokenizer/tokenizer.h"
#include "core/tokenizer/tokenizer_trainer.h"
#include "tests/core/model/tiny_families.h"
#include "tests/core/model/tiny_llama.h"
#include "tests/core/tokenizer/tokenizer_fixture.h"
#include "tests/support/tiny_chat_tokenizer.h"

namespace medlora::generate {
namespace {

TEST(CliFixture, WriteTinyModelFolder) {
  const char* target = std::getenv("MEDLORA_CLI_FIXTURE_DIR");
  if (!target || !*target) GTEST_SKIP() << "MEDLORA_CLI_FIXTURE_DIR is not set (only the CLI test needs this folder)";
  const std::filesystem::path dir = target;
  std::filesystem::create_directories(dir);
  testing::TempDir work;
  tokenizer::test::write_lines(work / "corpus.txt", tokenizer::test::medical_corpus());
  tokenizer::TokenizerTrainOptions options;
  options.input_files = {work / "corpus.txt"};
  options.output_dir = dir;
  options.vocab_size = 500;
  train_tokenizer(options);
  auto tok = tokenizer::Tokenizer::load(dir);

  auto config = testing::tiny_config();
  config.vocab_size = tok->vocab_size();
  config.bos_token_id = tok->bos_id();
  config.eos_token_ids = {tok->eos_id()};
  auto m = testing::make_tiny_model(config, 77);
  model::save_llama(*m, dir, torch::kFloat);
  EXPECT_TRUE(model::looks_like_model_dir(dir));
  EXPECT_TRUE(std::filesystem::is_regular_file(dir / "tokenizer.model"));
}

// The folder tests/cli/chat_model_cli_test.sh drives `medlora` with: a Qwen2-shaped model
// with a tokenizer.json and a chat template (MEDLORA_CHAT_CLI_FIXTURE_DIR).
TEST(CliFixture, WriteTinyChatModelFolder) {
  const char* target = std::getenv("MEDLORA_CHAT_CLI_FIXTURE_DIR");
  if (!target || !*target) GTEST_SKIP() << "MEDLORA_CHAT_CLI_FIXTURE_DIR is not set (only the CLI test needs this folder)";
  const std::filesystem::path dir = target;
  std::filesystem::create_directories(dir);
  auto config = testing::tiny_qwen2_config();
  config.vocab_size = testing::kTinyChatVocab;
  config.bos_token_id = testing::kTinyChatEndOfText;
  config.eos_token_ids = {testing::kTinyChatImEnd};
  auto m = testing::make_tiny_model(config, 78);
  model::save_llama(*m, dir, torch::kFloat);
  testing::write_tiny_chat_tokenizer(dir);
  EXPECT_TRUE(model::looks_like_model_dir(dir));
  EXPECT_EQ(tokenizer::Tokenizer::load(dir)->kind(), "tokenizer.json");
}

}  // namespace
}  // namespace medlora::generate
