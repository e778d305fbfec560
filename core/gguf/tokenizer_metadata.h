#pragma once
// The tokenizer.* keys of a GGUF model, from an HF model folder, as convert_hf_to_gguf.py
// writes them: a tokenizer.model becomes the "llama" (sentencepiece) vocabulary with scores
// and token types; otherwise a byte-level BPE tokenizer.json becomes "gpt2" with merges and
// the pre-tokenizer's name. Then the special ids, add_bos/add_eos (as this program's tokenizer
// adds them) and the chat template(s).
#include <cstdint>
#include <filesystem>
#include <string>

#include "core/gguf/gguf_writer.h"

namespace medlora::gguf {

struct TokenizerMetadataReport {
  std::string model;  // "llama" or "gpt2"
  std::string pre;    // tokenizer.ggml.pre
  int64_t tokens = 0;
  bool chat_template = false;
};

// `vocab_size` is config.json's: the token list is padded (or checked) to it. Throws GgufError
// (or TokenizerError) naming the file for a tokenizer it cannot represent.
TokenizerMetadataReport add_tokenizer_metadata(GgufWriter& writer, const std::filesystem::path& model_dir, int64_t vocab_size);

}  // namespace medlora::gguf
