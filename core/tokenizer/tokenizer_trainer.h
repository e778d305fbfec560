#pragma once
// Trains a LLaMA-style sentencepiece tokenizer from text files (one record a line) and
// writes a folder HF transformers' LlamaTokenizer loads: tokenizer.model,
// tokenizer_config.json, special_tokens_map.json. <unk>=0, <s>=1, </s>=2, no pad.
// Deterministic: the same inputs and options give a byte-identical tokenizer.model.
#include <filesystem>
#include <string>
#include <vector>

namespace medlora::tokenizer {

struct TokenizerTrainOptions {
  std::vector<std::filesystem::path> input_files;
  std::filesystem::path output_dir;
  int vocab_size = 8000;
  std::string model_type = "bpe";  // "bpe" or "unigram"
  double character_coverage = 0.9995;
  bool byte_fallback = true;
};

// Throws TokenizerError for bad options, unreadable inputs, or when sentencepiece
// refuses (e.g. a vocabulary larger than the corpus allows: its message names the
// largest size that works).
void train_tokenizer(const TokenizerTrainOptions& options);

}  // namespace medlora::tokenizer
