#pragma once
// A Hugging Face tokenizer.json tokenizer (BPE models: Llama 3, Qwen, Gemma, Mistral,
// sentencepiece conversions), id for id as HF's Rust `tokenizers`: added tokens are cut out
// first, the text between them goes normalizer -> pre-tokenizer -> BPE, then the
// post-processor adds BOS/EOS when asked.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/tokenizer/hf/added_tokens.h"
#include "core/tokenizer/hf/special_token_config.h"
#include "core/tokenizer/hf/tokenizer_json.h"
#include "core/tokenizer/tokenizer.h"

namespace medlora::tokenizer {

class HfTokenizer : public Tokenizer {
 public:
  // Reads `tokenizer_json` and the tokenizer_config.json, generation_config.json and
  // config.json beside it (each optional) for the special ids.
  static std::shared_ptr<HfTokenizer> load(const std::filesystem::path& tokenizer_json);
  // The same from texts (tests); `origin` names the tokenizer in messages.
  static std::shared_ptr<HfTokenizer> from_json_text(std::string_view json, const std::string& origin,
                                                     const hf::SpecialTokenConfigTexts& configs = {});

  std::vector<int64_t> encode_marked(std::string_view text, const std::vector<TextRange>& markup,
                                     bool add_special_tokens) const override;
  std::string decode(const std::vector<int64_t>& ids, bool skip_special = true) const override;
  std::string piece(int64_t id) const override;
  int64_t piece_to_id(std::string_view piece) const override;
  int64_t vocab_size() const override { return vocab_size_; }
  bool is_special(int64_t id) const override;
  std::string kind() const override { return "tokenizer.json"; }
  std::string model_type() const override { return "bpe"; }
  bool byte_fallback() const override;

 private:
  HfTokenizer(hf::TokenizerParts parts, std::string origin);
  // Encodes text that holds no added token: normalizer (unless already applied), pre-tokenizer, model.
  void encode_plain(std::string_view text, bool at_origin, std::vector<int64_t>& out) const;
  void encode_normalized_piece(std::string normalized, bool at_origin, const std::vector<TextRange>& markup,
                               size_t begin, size_t end, std::vector<int64_t>& out) const;

  hf::TokenizerParts parts_;
  std::unordered_map<int64_t, size_t> added_by_id_;      // id -> index in parts_.added_tokens
  std::unordered_map<std::string, int64_t> added_by_text_;
  std::unordered_map<int64_t, std::string> piece_override_;  // normalised spellings of normalized added tokens
  std::unique_ptr<hf::AddedTokenMatcher> raw_matcher_;         // added tokens with normalized: false
  std::unique_ptr<hf::AddedTokenMatcher> normalized_matcher_;  // with normalized: true (normalised spellings)
  int64_t vocab_size_ = 0;
};

}  // namespace medlora::tokenizer
