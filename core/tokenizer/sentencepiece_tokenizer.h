#pragma once
// A sentencepiece tokenizer (tokenizer.model), encoding and decoding like HF transformers'
// slow LlamaTokenizer with legacy=True. sentencepiece itself runs in libmedlora_spm.so
// (see sentencepiece_library.h). Safe for concurrent use through const methods.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/tokenizer/tokenizer.h"

struct medlora_spm_processor;

namespace medlora::tokenizer {

class SentencepieceLibrary;

class SentencepieceTokenizer : public Tokenizer {
  struct Passkey {};

 public:
  // `file_or_model_dir` is a tokenizer.model file or a folder holding one.
  static std::shared_ptr<SentencepieceTokenizer> load(const std::filesystem::path& file_or_model_dir);
  // From the bytes of a tokenizer.model; `origin` names them in error messages.
  static std::shared_ptr<SentencepieceTokenizer> from_serialized(std::string_view model_bytes, const std::string& origin);

  SentencepieceTokenizer(Passkey, const SentencepieceLibrary& library, medlora_spm_processor* processor, std::string origin);
  ~SentencepieceTokenizer() override;
  SentencepieceTokenizer(const SentencepieceTokenizer&) = delete;
  SentencepieceTokenizer& operator=(const SentencepieceTokenizer&) = delete;

  // The text as sentencepiece splits it (with its dummy-prefix space), BOS first when
  // add_special_tokens. Only inside `markup` do the control pieces' texts ("<s>", "</s>")
  // become their ids; the runs between them are encoded alone, as LlamaTokenizer does.
  std::vector<int64_t> encode_marked(std::string_view text, const std::vector<TextRange>& markup,
                                     bool add_special_tokens) const override;
  // With skip_special, control/unknown/unused ids are dropped; otherwise they appear as
  // their piece text ("<s>", "</s>", "<unk>"). Ids outside the vocabulary throw.
  std::string decode(const std::vector<int64_t>& ids, bool skip_special = true) const override;
  // Decodes `ids` as text that follows earlier text: the leading space that decode()
  // drops from the first piece is kept. Special ids must already be removed.
  std::string decode_continuation(const std::vector<int64_t>& ids) const;

  std::string piece(int64_t id) const override;
  int64_t piece_to_id(std::string_view piece) const override;
  int64_t vocab_size() const override { return vocab_size_; }
  std::string kind() const override { return "sentencepiece"; }
  std::string model_type() const override;  // "bpe", "unigram", "word", "char" or "unknown"
  bool byte_fallback() const override { return byte_fallback_; }
  // Control, unknown or unused pieces: what decode(ids, true) drops.
  bool is_special(int64_t id) const override;
  // The byte of a byte-fallback piece such as <0xE4>, or -1 for other pieces.
  int byte_value(int64_t id) const;

 private:
  void check_id(int64_t id) const;
  std::string raw_decode(const std::vector<int>& ids) const;
  std::vector<int64_t> encode_plain(std::string_view text) const;

  const SentencepieceLibrary& library_;
  medlora_spm_processor* processor_;
  int64_t vocab_size_ = 0;
  int model_type_ = 0;
  bool byte_fallback_ = false;
  std::vector<int16_t> byte_values_;   // per id: the byte of a byte piece, else -1
  std::vector<uint8_t> special_;       // per id: 1 for control/unknown/unused
  int sentinel_id_ = -1;               // a plain piece decode_continuation() puts in front
  std::string sentinel_text_;
};

}  // namespace medlora::tokenizer
