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

struct medlora_spm_processor;

namespace medlora::tokenizer {

class SentencepieceLibrary;

class Tokenizer {
  struct Passkey {};

 public:
  // `file_or_model_dir` is a tokenizer.model file or a folder holding one.
  static std::shared_ptr<Tokenizer> load(const std::filesystem::path& file_or_model_dir);
  // From the bytes of a tokenizer.model; `origin` names them in error messages.
  static std::shared_ptr<Tokenizer> from_serialized(std::string_view model_bytes, const std::string& origin);

  Tokenizer(Passkey, const SentencepieceLibrary& library, medlora_spm_processor* processor, std::string origin);
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // The text as sentencepiece splits it (with its dummy-prefix space), BOS first when
  // add_bos, EOS last when add_eos. Special-token text such as "</s>" in `text` stays
  // text: it never becomes a control id. "" with add_bos gives {bos}.
  std::vector<int64_t> encode(std::string_view text, bool add_bos = true, bool add_eos = false) const;
  // With skip_special, control/unknown/unused ids are dropped; otherwise they appear as
  // their piece text ("<s>", "</s>", "<unk>"). Ids outside the vocabulary throw.
  std::string decode(const std::vector<int64_t>& ids, bool skip_special = true) const;
  // Decodes `ids` as text that follows earlier text: the leading space that decode()
  // drops from the first piece is kept. Special ids must already be removed.
  std::string decode_continuation(const std::vector<int64_t>& ids) const;

  std::string piece(int64_t id) const;
  // The id of a piece, or unk_id() when the vocabulary has no such piece.
  int64_t piece_to_id(std::string_view piece) const;
  int64_t vocab_size() const { return vocab_size_; }
  int64_t bos_id() const { return bos_id_; }
  int64_t eos_id() const { return eos_id_; }
  int64_t pad_id() const { return pad_id_; }  // -1 if none
  int64_t unk_id() const { return unk_id_; }
  std::string model_type() const;  // "bpe", "unigram", "word", "char" or "unknown"
  bool byte_fallback() const { return byte_fallback_; }
  // Control, unknown or unused pieces: what decode(ids, true) drops.
  bool is_special(int64_t id) const;
  // The byte of a byte-fallback piece such as <0xE4>, or -1 for other pieces.
  int byte_value(int64_t id) const;
  // Where this tokenizer came from (file path or origin given to from_serialized).
  const std::string& origin() const { return origin_; }

 private:
  void check_id(int64_t id) const;
  std::string raw_decode(const std::vector<int>& ids) const;

  const SentencepieceLibrary& library_;
  medlora_spm_processor* processor_;
  std::string origin_;
  int64_t vocab_size_ = 0, bos_id_ = -1, eos_id_ = -1, pad_id_ = -1, unk_id_ = -1;
  int model_type_ = 0;
  bool byte_fallback_ = false;
  std::vector<int16_t> byte_values_;   // per id: the byte of a byte piece, else -1
  std::vector<uint8_t> special_;       // per id: 1 for control/unknown/unused
  int sentinel_id_ = -1;               // a plain piece decode_continuation() puts in front
  std::string sentinel_text_;
};

}  // namespace medlora::tokenizer
