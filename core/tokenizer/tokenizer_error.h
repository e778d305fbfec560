#pragma once
// The one exception type of the tokenizer area: bad tokenizer files, a missing or
// mismatched sentencepiece shim, failed training, bad prompt templates.
#include <stdexcept>
#include <string>

namespace medlora::tokenizer {

class TokenizerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace medlora::tokenizer
