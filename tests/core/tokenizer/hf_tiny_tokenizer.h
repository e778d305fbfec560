#pragma once
// Tiny tokenizer.json files made in code for the HF tokenizer tests: one small BPE vocabulary
// (printable ASCII, the byte-level and metaspace markers, <0xNN> bytes, a few merges) into
// which each test puts the normalizer, pre-tokenizer, added tokens, post-processor and decoder
// it is about. The same files go through HF's Rust tokenizers in the oracle test.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace medlora::tokenizer::test {

struct TinyTokenizerSpec {
  std::string name;
  nlohmann::json normalizer = nullptr;
  nlohmann::json pre_tokenizer = nullptr;
  nlohmann::json post_processor = nullptr;
  nlohmann::json decoder = nullptr;
  nlohmann::json model_options = nlohmann::json::object();  // merged into the BPE model object
  nlohmann::json added_tokens = nlohmann::json::array();
  bool array_merges = false;  // ["a", "b"] instead of "a b"
};

inline nlohmann::json tiny_added_token(int id, const std::string& content, bool special, bool normalized = false,
                                       bool lstrip = false, bool rstrip = false, bool single_word = false) {
  return {{"id", id},         {"content", content},         {"single_word", single_word}, {"lstrip", lstrip},
          {"rstrip", rstrip}, {"normalized", normalized}, {"special", special}};
}

// Ids: 0 <unk>, 1 <s>, 2 </s>, then <0x00>..<0xFF> (3..258), then the characters and merges.
inline std::string tiny_tokenizer_json(const TinyTokenizerSpec& spec) {
  nlohmann::json vocab = nlohmann::json::object();
  int next = 0;
  auto add = [&](const std::string& t) {
    if (!vocab.contains(t)) vocab[t] = next++;
  };
  add("<unk>");
  add("<s>");
  add("</s>");
  char buf[8];
  for (int b = 0; b < 256; ++b) {
    std::snprintf(buf, sizeof buf, "<0x%02X>", b);
    add(buf);
  }
  for (int c = 0x21; c < 0x7F; ++c) add(std::string(1, static_cast<char>(c)));
  for (const char* t : {" ", "\xE2\x96\x81", "\xC4\xA0", "\xC4\x8A", "\xC4\x89", "\xC3\xA9", "##a", "##b", "##e", "##l",
                        "##o", "a</w>", "b</w>", "o</w>", "e</w>"}) {
    add(t);  // "▁", "Ġ", "Ċ" (\n), "ĉ" (\t), "é"
  }
  // With a continuing_subword_prefix HF strips the prefix from every merge's right part, so
  // such a file only has merges whose right part carries it.
  const bool prefixed = !spec.model_options.value("continuing_subword_prefix", nlohmann::json(nullptr)).is_null();
  const std::vector<std::pair<std::string, std::string>> merges =
      prefixed ? std::vector<std::pair<std::string, std::string>>{{"h", "##e"}, {"a", "##b"}, {"c", "##a"}}
               : std::vector<std::pair<std::string, std::string>>{
                     {"h", "e"},        {"l", "l"},        {"he", "ll"},       {"hell", "o"},
                     {"\xC4\xA0", "w"}, {"o", "r"},        {"\xC4\xA0w", "or"}, {"\xE2\x96\x81", "h"},
                     {"\xE2\x96\x81h", "e"}, {"1", "2"}, {"a", "a"},        {"aa", "a"},
                     {"l", "d"},        {"a", "b</w>"},    {"c", "a"}};
  nlohmann::json merge_list = nlohmann::json::array();
  for (const auto& [a, b] : merges) {
    add(a + (prefixed ? b.substr(2) : b));
    if (spec.array_merges) {
      merge_list.push_back({a, b});
    } else {
      merge_list.push_back(a + " " + b);
    }
  }
  nlohmann::json model = {{"type", "BPE"},          {"dropout", nullptr},       {"unk_token", nullptr},
                          {"continuing_subword_prefix", nullptr}, {"end_of_word_suffix", nullptr},
                          {"fuse_unk", false},      {"byte_fallback", false},   {"ignore_merges", false},
                          {"vocab", vocab},         {"merges", merge_list}};
  for (auto it = spec.model_options.begin(); it != spec.model_options.end(); ++it) model[it.key()] = it.value();
  nlohmann::json added = spec.added_tokens;
  nlohmann::json root = {{"version", "1.0"},
                         {"truncation", nullptr},
                         {"padding", nullptr},
                         {"added_tokens", added},
                         {"normalizer", spec.normalizer},
                         {"pre_tokenizer", spec.pre_tokenizer},
                         {"post_processor", spec.post_processor},
                         {"decoder", spec.decoder},
                         {"model", model}};
  return root.dump();
}

inline nlohmann::json pattern_string(const std::string& s) { return {{"String", s}}; }
inline nlohmann::json pattern_regex(const std::string& s) { return {{"Regex", s}}; }

// Every normalizer, pre-tokenizer, BPE option, added-token flag, post-processor and decoder
// the HF tokenizer supports, one tiny tokenizer each (or a few together).
inline std::vector<TinyTokenizerSpec> tiny_tokenizer_specs() {
  using nlohmann::json;
  std::vector<TinyTokenizerSpec> specs;
  auto spec = [&](std::string name) -> TinyTokenizerSpec& {
    specs.push_back({});
    specs.back().name = std::move(name);
    return specs.back();
  };
  const json byte_level = {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", true}, {"use_regex", true}};
  const json byte_level_decoder = {{"type", "ByteLevel"}, {"add_prefix_space", true}, {"trim_offsets", true}, {"use_regex", true}};
  const json metaspace_decoder = {{"type", "Metaspace"}, {"replacement", "\xE2\x96\x81"}, {"prepend_scheme", "always"}, {"split", true}};
  const json whitespace_split = {{"type", "WhitespaceSplit"}};

  spec("plain");
  spec("array_merges").array_merges = true;
  {
    auto& s = spec("byte_level");
    s.pre_tokenizer = byte_level;
    s.decoder = byte_level_decoder;
    s.post_processor = byte_level;
  }
  {
    auto& s = spec("byte_level_prefix_space");
    s.pre_tokenizer = byte_level;
    s.pre_tokenizer["add_prefix_space"] = true;
    s.decoder = byte_level_decoder;
  }
  {
    auto& s = spec("byte_level_no_regex");
    s.pre_tokenizer = byte_level;
    s.pre_tokenizer["use_regex"] = false;
    s.decoder = byte_level_decoder;
  }
  for (const char* behavior : {"Removed", "Isolated", "MergedWithPrevious", "MergedWithNext", "Contiguous"}) {
    for (bool invert : {false, true}) {
      auto& s = spec(std::string("split_regex_") + behavior + (invert ? "_invert" : ""));
      s.pre_tokenizer = {{"type", "Split"}, {"pattern", pattern_regex("\\s+|[0-9]")}, {"behavior", behavior}, {"invert", invert}};
    }
    auto& s = spec(std::string("split_string_") + behavior);
    s.pre_tokenizer = {{"type", "Split"}, {"pattern", pattern_string("l")}, {"behavior", behavior}, {"invert", false}};
  }
  spec("digits_individual").pre_tokenizer = {{"type", "Digits"}, {"individual_digits", true}};
  spec("digits_contiguous").pre_tokenizer = {{"type", "Digits"}, {"individual_digits", false}};
  for (const char* scheme : {"always", "first", "never"}) {
    for (bool split : {true, false}) {
      auto& s = spec(std::string("metaspace_") + scheme + (split ? "" : "_nosplit"));
      s.pre_tokenizer = {{"type", "Metaspace"}, {"replacement", "\xE2\x96\x81"}, {"prepend_scheme", scheme}, {"split", split}};
      s.decoder = metaspace_decoder;
      s.decoder["prepend_scheme"] = scheme;
      s.added_tokens.push_back(tiny_added_token(1, "<s>", true));
    }
  }
  {
    // The legacy spelling: add_prefix_space true and no prepend_scheme means "always".
    auto& s = spec("metaspace_legacy_add_prefix_space");
    s.pre_tokenizer = {{"type", "Metaspace"}, {"replacement", "\xE2\x96\x81"}, {"add_prefix_space", true}};
    s.decoder = s.pre_tokenizer;
  }
  spec("whitespace").pre_tokenizer = {{"type", "Whitespace"}};
  spec("whitespace_split").pre_tokenizer = whitespace_split;
  spec("punctuation").pre_tokenizer = {{"type", "Punctuation"}, {"behavior", "Isolated"}};
  spec("punctuation_contiguous").pre_tokenizer = {{"type", "Punctuation"}, {"behavior", "Contiguous"}};
  spec("bert_pre_tokenizer").pre_tokenizer = {{"type", "BertPreTokenizer"}};
  {
    auto& s = spec("pre_tokenizer_sequence");
    s.pre_tokenizer = {{"type", "Sequence"}, {"pretokenizers", json::array({whitespace_split, {{"type", "Digits"}, {"individual_digits", true}}, byte_level})}};
    s.decoder = byte_level_decoder;
  }
  for (const char* form : {"NFC", "NFD", "NFKC", "NFKD", "Lowercase"}) {
    auto& s = spec(std::string("normalizer_") + form);
    s.normalizer = {{"type", form}};
    s.pre_tokenizer = byte_level;
    s.decoder = byte_level_decoder;
  }
  spec("replace_string").normalizer = {{"type", "Replace"}, {"pattern", pattern_string("ll")}, {"content", "L"}};
  spec("replace_regex").normalizer = {{"type", "Replace"}, {"pattern", pattern_regex("[0-9]+|\\s")}, {"content", "#"}};
  spec("prepend").normalizer = {{"type", "Prepend"}, {"prepend", "\xE2\x96\x81"}};
  spec("strip").normalizer = {{"type", "Strip"}, {"strip_left", true}, {"strip_right", true}};
  spec("strip_left").normalizer = {{"type", "Strip"}, {"strip_left", true}, {"strip_right", false}};
  spec("bert_normalizer").normalizer = {{"type", "BertNormalizer"}, {"clean_text", true}, {"handle_chinese_chars", true}, {"strip_accents", nullptr}, {"lowercase", true}};
  {
    // A sentencepiece conversion (Llama 2): Prepend + Replace, byte fallback, the decoder chain.
    auto& s = spec("sentencepiece_style");
    s.normalizer = {{"type", "Sequence"}, {"normalizers", json::array({{{"type", "Prepend"}, {"prepend", "\xE2\x96\x81"}}, {{"type", "Replace"}, {"pattern", pattern_string(" ")}, {"content", "\xE2\x96\x81"}}})}};
    s.model_options = {{"byte_fallback", true}, {"unk_token", "<unk>"}, {"fuse_unk", true}};
    s.decoder = {{"type", "Sequence"}, {"decoders", json::array({{{"type", "Replace"}, {"pattern", pattern_string("\xE2\x96\x81")}, {"content", " "}}, {{"type", "ByteFallback"}}, {{"type", "Fuse"}}, {{"type", "Strip"}, {"content", " "}, {"start", 1}, {"stop", 0}}})}};
    s.post_processor = {{"type", "TemplateProcessing"}, {"single", json::array({{{"SpecialToken", {{"id", "<s>"}, {"type_id", 0}}}}, {{"Sequence", {{"id", "A"}, {"type_id", 0}}}}})}, {"pair", json::array({{{"Sequence", {{"id", "A"}, {"type_id", 0}}}}, {{"Sequence", {{"id", "B"}, {"type_id", 1}}}}})}, {"special_tokens", {{"<s>", {{"id", "<s>"}, {"ids", json::array({1})}, {"tokens", json::array({"<s>"})}}}}}};
    s.added_tokens = json::array({tiny_added_token(0, "<unk>", true), tiny_added_token(1, "<s>", true), tiny_added_token(2, "</s>", true)});
  }
  spec("byte_fallback").model_options = {{"byte_fallback", true}};
  spec("unk").model_options = {{"unk_token", "<unk>"}, {"fuse_unk", false}};
  spec("unk_fused").model_options = {{"unk_token", "<unk>"}, {"fuse_unk", true}};
  spec("byte_fallback_and_unk").model_options = {{"byte_fallback", true}, {"unk_token", "<unk>"}, {"fuse_unk", true}};
  {
    auto& s = spec("continuing_subword_prefix");
    s.pre_tokenizer = whitespace_split;
    s.model_options = {{"continuing_subword_prefix", "##"}, {"unk_token", "<unk>"}};
    s.decoder = {{"type", "WordPiece"}, {"prefix", "##"}, {"cleanup", true}};
  }
  {
    auto& s = spec("end_of_word_suffix");
    s.pre_tokenizer = whitespace_split;
    s.model_options = {{"end_of_word_suffix", "</w>"}};
  }
  {
    auto& s = spec("ignore_merges");
    s.pre_tokenizer = byte_level;
    s.model_options = {{"ignore_merges", true}};
    s.decoder = byte_level_decoder;
  }
  auto added = [](TinyTokenizerSpec& s) {
    s.added_tokens = json::array({tiny_added_token(1, "<s>", true), tiny_added_token(2, "</s>", true),
                                  tiny_added_token(1000, "<sp>", true), tiny_added_token(1001, "[L]", true, false, true),
                                  tiny_added_token(1002, "[R]", true, false, false, true),
                                  tiny_added_token(1003, "tok", false, false, false, false, true),
                                  tiny_added_token(1004, "<ns>", false), tiny_added_token(1005, "Norm", false, true),
                                  tiny_added_token(1006, "SPN", true, true), tiny_added_token(1007, "[LR]", true, false, true, true)});
  };
  {
    auto& s = spec("added_tokens_byte_level");
    s.pre_tokenizer = byte_level;
    s.decoder = byte_level_decoder;
    added(s);
  }
  {
    auto& s = spec("added_tokens_lowercase");
    s.normalizer = {{"type", "Lowercase"}};
    s.pre_tokenizer = {{"type", "Metaspace"}, {"replacement", "\xE2\x96\x81"}, {"prepend_scheme", "first"}, {"split", true}};
    s.decoder = metaspace_decoder;
    added(s);
  }
  const json bos_template = {{"type", "TemplateProcessing"}, {"single", json::array({{{"SpecialToken", {{"id", "<s>"}, {"type_id", 0}}}}, {{"Sequence", {{"id", "A"}, {"type_id", 0}}}}, {{"SpecialToken", {{"id", "</s>"}, {"type_id", 0}}}}})}, {"pair", json::array({{{"Sequence", {{"id", "A"}, {"type_id", 0}}}}, {{"Sequence", {{"id", "B"}, {"type_id", 1}}}}})}, {"special_tokens", {{"<s>", {{"id", "<s>"}, {"ids", json::array({1})}, {"tokens", json::array({"<s>"})}}}, {"</s>", {{"id", "</s>"}, {"ids", json::array({2})}, {"tokens", json::array({"</s>"})}}}}}};
  spec("template_processing").post_processor = bos_template;
  spec("bert_processing").post_processor = {{"type", "BertProcessing"}, {"sep", json::array({"</s>", 2})}, {"cls", json::array({"<s>", 1})}};
  spec("roberta_processing").post_processor = {{"type", "RobertaProcessing"}, {"sep", json::array({"</s>", 2})}, {"cls", json::array({"<s>", 1})}, {"trim_offsets", true}, {"add_prefix_space", false}};
  {
    auto& s = spec("post_processor_sequence");
    s.pre_tokenizer = byte_level;
    s.decoder = byte_level_decoder;
    s.post_processor = {{"type", "Sequence"}, {"processors", json::array({byte_level, bos_template})}};
  }
  spec("decoder_replace_regex").decoder = {{"type", "Replace"}, {"pattern", pattern_regex("l+")}, {"content", "L"}};
  return specs;
}

// Texts every tiny tokenizer encodes: spaces, digits, added-token text with and without
// spaces around it, Unicode that normalizers change, characters outside the vocabulary.
inline std::vector<std::string> tiny_tokenizer_texts() {
  return {"hello world", "Hello  World", " hello", "hello\n\nworld\t!", "aaaa aaa", "12345 123", "caf\xC3\xA9 cafe\xCC\x81 \xEF\xAC\x81 \xE2\x91\xA0",
          "", "   ", "<sp>hello<sp>", "a [L]  b", "a  [R]  b", "x  [LR]  y", "tok tokx xtok tok,tok", "NORM norm Norm",
          "<ns>x<ns>", "hello<s>world</s>", "\xE4\xB8\xAD\xE6\x96\x87", "\xF0\x9F\x98\x80", "ab abab cab", "don't I'LL", "x\r\ny", "SPN spn",
          "hello, world! (ok?)", "helloworld hello"};
}

}  // namespace medlora::tokenizer::test
