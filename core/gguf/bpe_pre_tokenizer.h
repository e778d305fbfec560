#pragma once
// The tokenizer.ggml.pre name of a byte-level BPE tokenizer.json: the pre-tokenizer llama.cpp
// must apply (src/llama-vocab.cpp maps each name to its regexes). As convert_hf_to_gguf.py's
// get_vocab_base_pre: first the sha256 of str(encode(check text)) against the hashes of the
// real tokenizers whose pre-tokenizer this program exports; a tokenizer with its own
// vocabulary (a trained or test tokenizer) is then named by its pre_tokenizer regex. Anything
// else is refused: a wrong name would make llama.cpp split text differently.
#include <filesystem>
#include <string>

#include "core/tokenizer/tokenizer.h"

namespace medlora::gguf {

// The text convert_hf_to_gguf.py encodes to identify a pre-tokenizer.
const std::string& pre_tokenizer_check_text();
// sha256 (hex) of Python's str() of the ids of encode(check text) (BOS/EOS as HF adds them).
std::string pre_tokenizer_check_hash(const tokenizer::Tokenizer& tokenizer);

// "llama-bpe", "qwen2" or "gpt-2". Throws GgufError naming the file and the pre-tokenizer
// when it is none of them.
std::string bpe_pre_tokenizer_name(const tokenizer::Tokenizer& tokenizer, const std::filesystem::path& tokenizer_json);

}  // namespace medlora::gguf
