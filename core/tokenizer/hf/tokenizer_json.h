#pragma once
// Reads a tokenizer.json into the pipeline's parts. Every type and option the file names must
// be one this implementation follows exactly: anything else is a TokenizerError naming the
// component and the file, never a guess.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/tokenizer/hf/added_tokens.h"
#include "core/tokenizer/hf/bpe_model.h"
#include "core/tokenizer/hf/decoders.h"
#include "core/tokenizer/hf/normalizers.h"
#include "core/tokenizer/hf/post_processors.h"
#include "core/tokenizer/hf/pre_tokenizers.h"

namespace medlora::tokenizer::hf {

struct TokenizerParts {
  std::unique_ptr<Normalizer> normalizer;        // null: none
  std::unique_ptr<PreTokenizer> pre_tokenizer;   // null: none
  std::unique_ptr<BpeModel> model;
  std::vector<AddedToken> added_tokens;
  std::unique_ptr<PostProcessor> post_processor;  // null: none
  std::unique_ptr<Decoder> decoder;               // null: tokens joined with spaces
};

// `origin` names the file in messages.
TokenizerParts parse_tokenizer_json(std::string_view json_text, const std::string& origin);

}  // namespace medlora::tokenizer::hf
