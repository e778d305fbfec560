#pragma once
// HF tokenizer.json pre-tokenizers: each cuts every piece of text into smaller pieces (the
// words the model then tokenizes on its own).
#include <memory>
#include <string>
#include <vector>

#include "core/tokenizer/hf/split_pattern.h"

namespace medlora::tokenizer::hf {

struct PreToken {
  std::string text;
  // Whether the piece starts at the very beginning of the input (Metaspace prepend_scheme "first").
  bool at_origin = false;
  // `text` is raw bytes still to be spelled in the byte-level alphabet (ByteLevel defers the
  // mapping so that the BPE word cache can key on the raw bytes).
  bool byte_level_pending = false;
};

class PreTokenizer {
 public:
  virtual ~PreTokenizer() = default;
  virtual void pre_tokenize(std::vector<PreToken>& pieces) const = 0;
};

// Spells a pending byte-level piece out in the byte-level alphabet.
void materialize_byte_level(PreToken& piece);

std::unique_ptr<PreTokenizer> make_byte_level_pre_tokenizer(bool add_prefix_space, bool use_regex);
std::unique_ptr<PreTokenizer> make_split_pre_tokenizer(SplitPattern pattern, SplitBehavior behavior, bool invert);
std::unique_ptr<PreTokenizer> make_digits_pre_tokenizer(bool individual_digits);
enum class PrependScheme { always, first, never };
std::unique_ptr<PreTokenizer> make_metaspace_pre_tokenizer(std::string replacement, PrependScheme scheme, bool split);
std::unique_ptr<PreTokenizer> make_whitespace_pre_tokenizer();
std::unique_ptr<PreTokenizer> make_whitespace_split_pre_tokenizer();
std::unique_ptr<PreTokenizer> make_punctuation_pre_tokenizer(SplitBehavior behavior);
std::unique_ptr<PreTokenizer> make_bert_pre_tokenizer();
std::unique_ptr<PreTokenizer> make_sequence_pre_tokenizer(std::vector<std::unique_ptr<PreTokenizer>> parts);

}  // namespace medlora::tokenizer::hf
