// HfTokenizer on tiny tokenizer.json files made in code (no npm needed): ids and decodes that
// HF's Rust tokenizers gave for them (copied from its output; the oracle test re-checks every
// tiny file against it live), the special-token API, and the errors for files or options it
// does not follow.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "core/tokenizer/hf/hf_tokenizer.h"
#include "core/tokenizer/tokenizer_error.h"
#include "tests/core/tokenizer/hf_tiny_tokenizer.h"

namespace medlora::tokenizer {
namespace {

using nlohmann::json;

test::TinyTokenizerSpec spec_named(const std::string& name) {
  for (auto& s : test::tiny_tokenizer_specs()) {
    if (s.name == name) return s;
  }
  ADD_FAILURE() << "no tiny tokenizer spec " << name;
  return {};
}

std::shared_ptr<HfTokenizer> tiny(const std::string& name) {
  return HfTokenizer::from_json_text(test::tiny_tokenizer_json(spec_named(name)), name + ".json");
}

struct RustCase {
  const char* spec;
  size_t text;  // index into tiny_tokenizer_texts()
  bool add_special_tokens;
  std::vector<int64_t> ids;
  std::string decoded, decoded_skip;
};

TEST(HfTokenizer, TinyTokenizersGiveRustIds) {
  const std::vector<RustCase> cases = {
      {"byte_level", 0, false, {371, 374, 380}, "hello world", "hello world"},
      {"byte_level", 1, false, {298, 327, 369, 337, 355, 355, 313, 373, 380}, "Hello  World", "Hello  World"},
      {"byte_level", 3, false, {371, 356, 356, 345, 373, 380, 357, 259}, "hello\x0A" "\x0A" "world\x09" "!", "hello\x0A" "\x0A" "world\x09" "!"},
      {"byte_level", 21, false, {346, 356, 347}, "x\x0A" "y", "x\x0A" "y"},
      {"sentencepiece_style", 0, false, {354, 371, 354, 345, 373, 380}, "hello world", "hello world"},
      {"sentencepiece_style", 2, false, {354, 354, 371}, " hello", " hello"},
      {"sentencepiece_style", 17, false, {354, 231, 187, 176, 233, 153, 138}, "\xE4" "\xB8" "\xAD" "\xE6" "\x96" "\x87", "\xE4" "\xB8" "\xAD" "\xE6" "\x96" "\x87"},
      {"sentencepiece_style", 18, false, {354, 243, 162, 155, 131}, "\xF0" "\x9F" "\x98" "\x80", "\xF0" "\x9F" "\x98" "\x80"},
      {"sentencepiece_style", 0, true, {1, 354, 371, 354, 345, 373, 380}, "<s> hello world", "hello world"},
      {"sentencepiece_style", 2, true, {1, 354, 354, 371}, "<s>  hello", " hello"},
      {"sentencepiece_style", 17, true, {1, 354, 231, 187, 176, 233, 153, 138}, "<s> \xE4" "\xB8" "\xAD" "\xE6" "\x96" "\x87", "\xE4" "\xB8" "\xAD" "\xE6" "\x96" "\x87"},
      {"sentencepiece_style", 18, true, {1, 354, 243, 162, 155, 131}, "<s> \xF0" "\x9F" "\x98" "\x80", "\xF0" "\x9F" "\x98" "\x80"},
      {"split_regex_MergedWithNext_invert", 0, false, {371, 353, 345, 373, 380}, "hello   w or ld", "hello   w or ld"},
      {"split_regex_MergedWithNext_invert", 5, false, {275, 276, 277, 278, 279, 353, 275, 276, 277}, "1 2 3 4 5   1 2 3", "1 2 3 4 5   1 2 3"},
      {"split_string_MergedWithPrevious", 0, false, {368, 334, 334, 337, 353, 345, 373, 334, 326}, "he l l o   w or l d", "he l l o   w or l d"},
      {"split_string_MergedWithPrevious", 19, false, {323, 324, 353, 323, 324, 323, 324, 353, 382, 324}, "a b   a b a b   ca b", "a b   a b a b   ca b"},
      {"metaspace_first", 0, false, {354, 371, 354, 345, 373, 380}, "hello world", "hello world"},
      {"metaspace_first", 2, false, {354, 371}, "hello", "hello"},
      {"metaspace_first", 16, false, {354, 371, 1, 345, 373, 380, 286, 273, 341, 288}, "hello<s>world</s>", "helloworld</s>"},
      {"added_tokens_byte_level", 9, false, {383, 371, 383}, "<sp>hello<sp>", "hello"},
      {"added_tokens_byte_level", 10, false, {323, 384, 355, 355, 324}, "a[L]  b", "a  b"},
      {"added_tokens_byte_level", 11, false, {323, 355, 355, 385, 324}, "a  [R]b", "a  b"},
      {"added_tokens_byte_level", 12, false, {346, 390, 347}, "x[LR]y", "xy"},
      {"added_tokens_byte_level", 13, false, {386, 355, 342, 337, 333, 346, 355, 346, 342, 337, 333, 355, 386, 270, 386}, "tok tokx xtok tok,tok", "tok tokx xtok tok,tok"},
      {"added_tokens_byte_level", 15, false, {387, 346, 387}, "<ns>x<ns>", "<ns>x<ns>"},
      {"added_tokens_lowercase", 14, false, {388, 354, 388, 354, 388}, "norm norm norm", "norm norm norm"},
      {"added_tokens_lowercase", 22, false, {389, 354, 389}, "spn spn", "spn spn"},
      {"unk_fused", 6, false, {382, 328, 358, 353, 382, 328, 327, 0, 353, 0, 353, 0}, "ca f \xC3" "\xA9" "   ca f e <unk>   <unk>   <unk>", "ca f \xC3" "\xA9" "   ca f e <unk>   <unk>   <unk>"},
      {"unk_fused", 17, false, {0}, "<unk>", "<unk>"},
      {"byte_fallback", 17, false, {231, 187, 176, 233, 153, 138}, "<0xE4> <0xB8> <0xAD> <0xE6> <0x96> <0x87>", "<0xE4> <0xB8> <0xAD> <0xE6> <0x96> <0x87>"},
      {"continuing_subword_prefix", 19, false, {369, 369, 359, 360, 370, 360}, "ab abab cab", "ab abab cab"},
      {"end_of_word_suffix", 19, false, {381, 323, 324, 381, 325, 381}, "ab</w> a b ab</w> c ab</w>", "ab</w> a b ab</w> c ab</w>"},
      {"ignore_merges", 0, false, {371, 374, 380}, "hello world", "hello world"},
      {"ignore_merges", 24, false, {371, 345, 373, 380, 355, 371}, "helloworld hello", "helloworld hello"},
      {"digits_individual", 5, false, {275, 276, 277, 278, 279, 353, 275, 276, 277}, "1 2 3 4 5   1 2 3", "1 2 3 4 5   1 2 3"},
      {"normalizer_NFKD", 6, false, {382, 328, 327, 355, 382, 328, 327, 355, 328, 331, 355, 275}, "cafe cafe fi 1", "cafe cafe fi 1"},
      {"whitespace", 23, false, {371, 270, 345, 373, 380, 259, 266, 337, 333, 289, 267}, "hello , w or ld ! ( o k ? )", "hello , w or ld ! ( o k ? )"},
      {"punctuation", 23, false, {371, 270, 353, 345, 373, 380, 259, 353, 266, 337, 333, 289, 267}, "hello ,   w or ld !   ( o k ? )", "hello ,   w or ld !   ( o k ? )"},
  };
  const auto texts = test::tiny_tokenizer_texts();
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.spec) + " text #" + std::to_string(c.text) + " \"" + texts[c.text] + "\"");
    const auto tok = tiny(c.spec);
    const auto ids = tok->encode(texts[c.text], c.add_special_tokens, SpecialTokens::recognised);
    EXPECT_EQ(ids, c.ids);
    EXPECT_EQ(tok->decode(ids, false), c.decoded);
    EXPECT_EQ(tok->decode(ids, true), c.decoded_skip);
  }
}

TEST(HfTokenizer, SpecialTokensAsTextAreNotMatchedButOtherAddedTokensAre) {
  const auto tok = tiny("added_tokens_byte_level");
  const int64_t sp = tok->piece_to_id("<sp>"), ns = tok->piece_to_id("<ns>");
  ASSERT_GE(sp, 0);
  ASSERT_GE(ns, 0);
  const auto recognised = tok->encode("<sp>x<ns>", false, SpecialTokens::recognised);
  EXPECT_EQ(recognised.front(), sp);
  EXPECT_EQ(recognised.back(), ns);
  const auto as_text = tok->encode("<sp>x<ns>", false, SpecialTokens::as_text);
  EXPECT_EQ(std::count(as_text.begin(), as_text.end(), sp), 0);
  EXPECT_EQ(as_text.back(), ns);  // non-special added tokens are still matched (HF split_special_tokens)
  // encode_marked: only the special token inside the markup counts.
  const std::string text = "<sp>a<sp>";
  const auto marked = tok->encode_marked(text, {{5, 9}}, false);
  EXPECT_NE(marked.front(), sp);
  EXPECT_EQ(marked.back(), sp);
  // A match that only partly lies in the markup is text.
  EXPECT_EQ(tok->encode_marked(text, {{0, 2}}, false), tok->encode(text, false, SpecialTokens::as_text));
}

TEST(HfTokenizer, PiecesIdsAndSpecialFlags) {
  const auto tok = tiny("sentencepiece_style");
  EXPECT_EQ(tok->kind(), "tokenizer.json");
  EXPECT_EQ(tok->model_type(), "bpe");
  EXPECT_TRUE(tok->byte_fallback());
  EXPECT_EQ(tok->piece(1), "<s>");
  EXPECT_EQ(tok->piece_to_id("<s>"), 1);
  // "h e" ranks before "▁ h": the Prepend-ed "▁he" is two pieces.
  EXPECT_EQ(tok->encode("he", false), (std::vector<int64_t>{tok->piece_to_id("\xE2\x96\x81"), tok->piece_to_id("he")}));
  EXPECT_EQ(tok->piece_to_id("no such piece"), -1);
  EXPECT_TRUE(tok->is_special(1));
  EXPECT_FALSE(tok->is_special(tok->piece_to_id("a")));
  EXPECT_EQ(tok->vocab_size(), tok->piece_to_id("ca") + 1);
  EXPECT_THROW(tok->piece(tok->vocab_size()), TokenizerError);
  EXPECT_THROW(tok->decode({tok->vocab_size() + 5}), TokenizerError);
  // The template adds BOS only with add_special_tokens.
  EXPECT_EQ(tok->encode("a", true).front(), 1);
  EXPECT_NE(tok->encode("a", false).front(), 1);
}

TEST(HfTokenizer, WordCacheGivesTheSameIdsTheSecondTime) {
  const auto tok = tiny("byte_level");
  const std::string text = "hello world hello hello world";
  const auto first = tok->encode(text, false);
  EXPECT_EQ(tok->encode(text, false), first);
  EXPECT_EQ(first.size(), 9u);  // hello Ġwor ld Ġ hello Ġ hello Ġwor ld: no "Ġhello", no "Ġwor ld"
  EXPECT_EQ(first[0], first[4]);
}

TEST(HfTokenizer, ConcurrentEncodesShareTheWordCacheSafely) {
  const auto tok = tiny("byte_level");
  std::string text;
  for (int i = 0; i < 200; ++i) text += "hello world " + std::to_string(i) + " aaaa cab ";
  const auto expected = tok->encode(text, false);
  std::vector<std::vector<int64_t>> results(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int r = 0; r < 20; ++r) results[t] = tok->encode(text, false);
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& r : results) EXPECT_EQ(r, expected);
}

TEST(HfTokenizer, RejectsTextThatIsNotUtf8) {
  const auto tok = tiny("plain");
  try {
    tok->encode(std::string("ab\xFF" "cd"), false);
    FAIL() << "invalid UTF-8 was accepted";
  } catch (const TokenizerError& e) {
    EXPECT_NE(std::string(e.what()).find("not valid UTF-8 (byte 2)"), std::string::npos) << e.what();
  }
}

// The message of the TokenizerError that loading `j` throws.
std::string load_error(const json& j) {
  try {
    HfTokenizer::from_json_text(j.dump(), "bad/tokenizer.json");
  } catch (const TokenizerError& e) {
    return e.what();
  }
  return "(no error)";
}

json tiny_json(const std::string& name = "plain") { return json::parse(test::tiny_tokenizer_json(spec_named(name))); }

TEST(HfTokenizer, UnsupportedComponentsAndOptionsNameThemselvesAndTheFile) {
  auto expect_error = [](const json& j, const std::string& part) {
    const std::string message = load_error(j);
    EXPECT_NE(message.find("bad/tokenizer.json"), std::string::npos) << message;
    EXPECT_NE(message.find(part), std::string::npos) << "expected \"" << part << "\" in: " << message;
  };
  json j = tiny_json();
  j["normalizer"] = {{"type", "Precompiled"}, {"precompiled_charsmap", "x"}};
  expect_error(j, "normalizer: normalizer type \"Precompiled\" is not supported");
  j = tiny_json();
  j["pre_tokenizer"] = {{"type", "Sequence"}, {"pretokenizers", json::array({{{"type", "UnicodeScripts"}}})}};
  expect_error(j, "pre_tokenizer.pretokenizers[0]: pre-tokenizer type \"UnicodeScripts\"");
  j = tiny_json();
  j["pre_tokenizer"] = {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"use_regex", true}, {"shiny", 1}};
  expect_error(j, "pre_tokenizer: option \"shiny\" is not supported");
  j = tiny_json();
  j["pre_tokenizer"] = {{"type", "Split"}, {"pattern", {{"Regex", "(unclosed"}}}, {"behavior", "Isolated"}, {"invert", false}};
  expect_error(j, "does not compile");
  j = tiny_json();
  j["pre_tokenizer"] = {{"type", "Split"}, {"pattern", {{"String", " "}}}, {"behavior", "Sideways"}, {"invert", false}};
  expect_error(j, "unknown split behavior \"Sideways\"");
  j = tiny_json();
  j["pre_tokenizer"] = {{"type", "Metaspace"}, {"replacement", "\xE2\x96\x81"}, {"add_prefix_space", false}};
  expect_error(j, "add_prefix_space does not match prepend_scheme");
  j = tiny_json();
  j["decoder"] = {{"type", "CTC"}};
  expect_error(j, "decoder: decoder type \"CTC\"");
  j = tiny_json();
  j["post_processor"] = {{"type", "Unknown"}};
  expect_error(j, "post_processor: post-processor type \"Unknown\"");
  j = tiny_json();
  j["model"]["dropout"] = 0.1;
  expect_error(j, "BPE dropout is 0.1");
  j = tiny_json();
  j["model"] = {{"type", "WordPiece"}, {"vocab", json::object()}, {"unk_token", "[UNK]"}};
  expect_error(j, "model type \"WordPiece\" is not supported");
  j = tiny_json();
  j["model"] = {{"type", "Unigram"}, {"vocab", json::array()}};
  expect_error(j, "model type \"Unigram\" is not supported");
  j = tiny_json();
  j["model"]["merges"].push_back("zz qq");
  expect_error(j, "uses \"zz\", which is not in model.vocab");
  j = tiny_json();
  j["padding"] = {{"strategy", "BatchLongest"}};
  expect_error(j, "\"padding\" is set");
  j = tiny_json();
  j["surprise"] = true;
  expect_error(j, "option \"surprise\" is not supported");
  EXPECT_NE(load_error(json::array({1, 2})).find("must hold one JSON object"), std::string::npos);
  const std::string broken = [] {
    try {
      HfTokenizer::from_json_text("{\"model\": ", "bad/tokenizer.json");
    } catch (const TokenizerError& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  }();
  EXPECT_NE(broken.find("bad/tokenizer.json: not valid JSON"), std::string::npos) << broken;
}

TEST(HfTokenizer, LoadNamesAMissingFile) {
  try {
    HfTokenizer::load("/nonexistent/tokenizer.json");
    FAIL() << "a missing file loaded";
  } catch (const TokenizerError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/tokenizer.json: no such file"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace medlora::tokenizer
