#pragma once
// The vocabulary of a byte-level BPE tokenizer.json as the GGUF "gpt2" tokenizer holds it,
// built as convert_hf_to_gguf.py's get_vocab_base does: one entry per id below vocab_size,
// "[PAD<id>]" (unused) for ids the tokenizer lacks, added tokens typed control when special
// or when they look special ("<|...|>"), user-defined otherwise; merges as "left right".
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace medlora::gguf {

struct BpeVocab {
  std::vector<std::string> tokens;
  std::vector<int64_t> token_types;  // keys::TokenType
  std::vector<std::string> merges;
};

// convert_hf_to_gguf.py's does_token_look_special: "<|...|>", "<pad>", "<unused...>" and a few more.
bool token_looks_special(const std::string& token);
// An added, non-special token as llama.cpp expects it: already normalised, "▁" written as " ".
std::string user_defined_spelling(std::string token);

// `vocab_size` is config.json's (the embedding rows). Throws GgufError naming the file for a
// tokenizer.json that is not a BPE model, holds ids past vocab_size, or has broken entries.
BpeVocab parse_bpe_vocab(std::string_view tokenizer_json, const std::string& origin, int64_t vocab_size);
BpeVocab read_bpe_vocab(const std::filesystem::path& tokenizer_json, int64_t vocab_size);

}  // namespace medlora::gguf
