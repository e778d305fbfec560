#pragma once
// BOS/EOS/PAD/UNK ids of a tokenizer.json model, from the JSON files beside it:
// tokenizer_config.json (bos_token, eos_token, pad_token, unk_token: a string or an object with
// "content"), generation_config.json (eos_token_id, bos_token_id, pad_token_id: an int or a
// list) and config.json (the same keys). EOS lists every id those name, tokenizer_config's
// first. Absent files are fine; a damaged one, or a token the vocabulary lacks, is an error.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/tokenizer/tokenizer.h"

namespace medlora::tokenizer::hf {

// The texts of the three files (nullopt: the file is absent), and where each came from.
struct SpecialTokenConfigTexts {
  std::optional<std::string> tokenizer_config;
  std::optional<std::string> generation_config;
  std::optional<std::string> config;
  std::string folder = "(in memory)";  // names the files in messages
};

// Reads whichever of the three files exist in `folder`.
SpecialTokenConfigTexts read_special_token_config(const std::filesystem::path& folder);

// `piece_to_id` gives the id of a token's text, -1 when none; `model_unk` is the BPE model's
// unk_token id (-1 if none), used when tokenizer_config names no unk_token.
SpecialTokenIds resolve_special_token_ids(const SpecialTokenConfigTexts& texts,
                                          const std::function<int64_t(std::string_view)>& piece_to_id,
                                          int64_t model_unk);

}  // namespace medlora::tokenizer::hf
