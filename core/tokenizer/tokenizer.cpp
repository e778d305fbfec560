#include "core/tokenizer/tokenizer.h"

#include <algorithm>

#include "core/tokenizer/hf/hf_tokenizer.h"
#include "core/tokenizer/sentencepiece_tokenizer.h"
#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer {
namespace fs = std::filesystem;

std::shared_ptr<Tokenizer> Tokenizer::load(const fs::path& file_or_dir) {
  std::error_code error;
  if (!fs::exists(file_or_dir, error)) {
    throw TokenizerError("tokenizer not found: " + file_or_dir.string() +
                         " does not exist; give a model folder, a tokenizer.json or a tokenizer.model");
  }
  if (!fs::is_directory(file_or_dir, error)) {
    if (file_or_dir.extension() == ".json") return HfTokenizer::load(file_or_dir);
    return SentencepieceTokenizer::load(file_or_dir);
  }
  // HF's AutoTokenizer prefers the fast tokenizer (tokenizer.json) when a folder has both.
  if (fs::is_regular_file(file_or_dir / "tokenizer.json", error)) return HfTokenizer::load(file_or_dir / "tokenizer.json");
  if (fs::is_regular_file(file_or_dir / "tokenizer.model", error)) {
    return SentencepieceTokenizer::load(file_or_dir / "tokenizer.model");
  }
  throw TokenizerError("the folder " + file_or_dir.string() +
                       " has no tokenizer: it needs the tokenizer.json (with tokenizer_config.json) of an HF model, "
                       "or a sentencepiece tokenizer.model; copy them from the base model's folder");
}

bool Tokenizer::folder_has_tokenizer(const fs::path& dir) {
  std::error_code error;
  return fs::is_regular_file(dir / "tokenizer.json", error) || fs::is_regular_file(dir / "tokenizer.model", error);
}

std::vector<int64_t> Tokenizer::encode(std::string_view text, bool add_special_tokens, SpecialTokens special) const {
  if (special == SpecialTokens::as_text) return encode_marked(text, {}, add_special_tokens);
  return encode_marked(text, {TextRange{0, text.size()}}, add_special_tokens);
}

bool Tokenizer::is_eos(int64_t id) const {
  return std::find(special_ids_.eos.begin(), special_ids_.eos.end(), id) != special_ids_.eos.end();
}

}  // namespace medlora::tokenizer
