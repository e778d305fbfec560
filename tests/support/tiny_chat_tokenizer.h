#pragma once
// A tiny Qwen-style tokenizer folder made at test time: a byte-level BPE tokenizer.json (one
// id per byte, a few merges), the special tokens <|endoftext|>, <|im_start|>, <|im_end|>, and a
// tokenizer_config.json with a ChatML chat template that adds a default system message, as
// Qwen2.5's does. EOS is <|im_end|>; generation_config.json lists both end tokens.
#include <cstdint>
#include <filesystem>
#include <string>

namespace medlora::testing {

// Ids as HF gives them: the 256 bytes, 5 merges, then the added tokens after the vocabulary.
inline constexpr int64_t kTinyChatEndOfText = 261;
inline constexpr int64_t kTinyChatImStart = 262;
inline constexpr int64_t kTinyChatImEnd = 263;
inline constexpr int64_t kTinyChatVocab = 264;

// The template written into tokenizer_config.json.
const std::string& tiny_chat_template();
// Writes tokenizer.json, tokenizer_config.json and generation_config.json into `dir`.
void write_tiny_chat_tokenizer(const std::filesystem::path& dir);

}  // namespace medlora::testing
