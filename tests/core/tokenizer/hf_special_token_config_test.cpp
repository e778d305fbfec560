// BOS/EOS/PAD/UNK of a tokenizer.json model from tokenizer_config.json, generation_config.json
// and config.json: every EOS id from all three (tokenizer_config's first), strings or
// {"content": ...} objects, ints or lists, absent files, and errors naming the file.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "core/tokenizer/hf/special_token_config.h"
#include "core/tokenizer/tokenizer_error.h"
#include "tests/support/temp_dir.h"

namespace medlora::tokenizer::hf {
namespace {

// Llama 3.1's and Qwen's special tokens.
int64_t lookup(std::string_view piece) {
  static const std::map<std::string, int64_t, std::less<>> ids = {
      {"<|begin_of_text|>", 128000}, {"<|end_of_text|>", 128001}, {"<|eom_id|>", 128008}, {"<|eot_id|>", 128009},
      {"<|endoftext|>", 151643},     {"<|im_end|>", 151645},      {"<unk>", 0}};
  const auto it = ids.find(piece);
  return it == ids.end() ? -1 : it->second;
}

TEST(SpecialTokenConfig, Llama31ListsEveryEosTokenizerConfigFirst) {
  SpecialTokenConfigTexts texts;
  texts.tokenizer_config = R"({"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>", "pad_token": null})";
  texts.generation_config = R"({"bos_token_id": 128000, "eos_token_id": [128001, 128008, 128009]})";
  texts.config = R"({"bos_token_id": 128000, "eos_token_id": [128001, 128008, 128009]})";
  const auto ids = resolve_special_token_ids(texts, lookup, -1);
  EXPECT_EQ(ids.bos, 128000);
  EXPECT_EQ(ids.eos, (std::vector<int64_t>{128009, 128001, 128008}));
  EXPECT_EQ(ids.pad, -1);
  EXPECT_EQ(ids.unk, -1);
}

TEST(SpecialTokenConfig, QwenObjectsAndIntsAndModelUnk) {
  SpecialTokenConfigTexts texts;
  texts.tokenizer_config =
      R"({"bos_token": null, "eos_token": {"content": "<|im_end|>", "lstrip": false}, "pad_token": "<|endoftext|>"})";
  texts.config = R"({"eos_token_id": 151643, "pad_token_id": 7})";
  const auto ids = resolve_special_token_ids(texts, lookup, 0);
  EXPECT_EQ(ids.bos, -1);
  EXPECT_EQ(ids.eos, (std::vector<int64_t>{151645, 151643}));
  EXPECT_EQ(ids.pad, 151643);  // tokenizer_config wins over config.json
  EXPECT_EQ(ids.unk, 0);       // the model's unk_token
}

TEST(SpecialTokenConfig, AbsentFilesGiveNoSpecialIds) {
  const auto ids = resolve_special_token_ids({}, lookup, -1);
  EXPECT_EQ(ids.bos, -1);
  EXPECT_TRUE(ids.eos.empty());
  testing::TempDir dir("special-config");
  const auto texts = read_special_token_config(dir.path());
  EXPECT_FALSE(texts.tokenizer_config);
  EXPECT_FALSE(texts.generation_config);
  EXPECT_FALSE(texts.config);
}

TEST(SpecialTokenConfig, ReadsTheFilesBesideTheTokenizer) {
  testing::TempDir dir("special-config");
  std::ofstream(dir / "tokenizer_config.json") << R"({"eos_token": "<|eot_id|>"})";
  std::ofstream(dir / "generation_config.json") << R"({"eos_token_id": 128001})";
  const auto ids = resolve_special_token_ids(read_special_token_config(dir.path()), lookup, -1);
  EXPECT_EQ(ids.eos, (std::vector<int64_t>{128009, 128001}));
}

std::string error_of(const SpecialTokenConfigTexts& texts) {
  try {
    resolve_special_token_ids(texts, lookup, -1);
  } catch (const TokenizerError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(SpecialTokenConfig, DamagedFilesAndUnknownTokensAreErrorsNamingTheFile) {
  SpecialTokenConfigTexts texts;
  texts.folder = "/models/m";
  texts.tokenizer_config = R"({"eos_token": "<|not_a_token|>"})";
  EXPECT_NE(error_of(texts).find("/models/m/tokenizer_config.json: eos_token \"<|not_a_token|>\" is not a token"),
            std::string::npos)
      << error_of(texts);
  texts.tokenizer_config = "{broken";
  EXPECT_NE(error_of(texts).find("/models/m/tokenizer_config.json: not valid JSON"), std::string::npos);
  texts.tokenizer_config.reset();
  texts.generation_config = R"({"eos_token_id": "two"})";
  EXPECT_NE(error_of(texts).find("/models/m/generation_config.json: \"eos_token_id\" must be an id"), std::string::npos)
      << error_of(texts);
}

}  // namespace
}  // namespace medlora::tokenizer::hf
