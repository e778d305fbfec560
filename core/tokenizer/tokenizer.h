#pragma once
// What every tokenizer gives the rest of the program. Two kinds implement it: a Hugging Face
// tokenizer.json (HfTokenizer, the models people fine-tune today) and a sentencepiece
// tokenizer.model (SentencepieceTokenizer). load() picks tokenizer.json when a folder has one,
// as HF's AutoTokenizer does with fast tokenizers. Implementations are safe for concurrent use
// through const methods.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace medlora::tokenizer {

// A byte range [begin, end) of a text.
struct TextRange {
  size_t begin = 0;
  size_t end = 0;
  bool operator==(const TextRange&) const = default;
};

// Whether special-token text in the input ("<|im_end|>", "</s>") becomes that token's id.
// `recognised` is HF's default for encode(); `as_text` keeps it ordinary text (HF's
// split_special_tokens=True), which is what text a user typed must get.
enum class SpecialTokens { recognised, as_text };

// The ids a model's special tokens have (-1 where it has none). eos lists every id that ends
// a turn or a text: Llama 3.1 stops at 128001, 128008 and 128009, Qwen at <|im_end|> and
// <|endoftext|>; eos.front() is the one training appends.
struct SpecialTokenIds {
  int64_t bos = -1;
  std::vector<int64_t> eos;
  int64_t pad = -1;
  int64_t unk = -1;
};

class Tokenizer {
 public:
  virtual ~Tokenizer() = default;

  // A folder (tokenizer.json when present, else tokenizer.model), or a tokenizer.json or
  // tokenizer.model file. A tokenizer.json reads tokenizer_config.json, generation_config.json
  // and config.json beside it for BOS/EOS/PAD. Errors say what is missing and where.
  static std::shared_ptr<Tokenizer> load(const std::filesystem::path& file_or_dir);
  // Whether `dir` holds a tokenizer load() can read (tokenizer.json or tokenizer.model).
  static bool folder_has_tokenizer(const std::filesystem::path& dir);

  // HF's encode(text, add_special_tokens): with add_special_tokens the tokenizer's own
  // additions around one text (the post-processor's BOS/EOS for tokenizer.json; BOS for
  // sentencepiece, as LlamaTokenizer). `special` decides whether special-token text in
  // `text` becomes its id.
  std::vector<int64_t> encode(std::string_view text, bool add_special_tokens = true,
                              SpecialTokens special = SpecialTokens::as_text) const;
  // Special-token text becomes its id only where it lies wholly inside one of `markup` (sorted,
  // non-overlapping byte ranges: the chat template's own markup); everywhere else it is
  // ordinary text. Text between special tokens is encoded in one piece whatever its origin,
  // so where no message holds special-token text the ids equal encode(text, .., recognised).
  virtual std::vector<int64_t> encode_marked(std::string_view text, const std::vector<TextRange>& markup,
                                             bool add_special_tokens) const = 0;

  // With skip_special, special ids are dropped; otherwise they appear as their text.
  // Ids outside the vocabulary throw TokenizerError.
  virtual std::string decode(const std::vector<int64_t>& ids, bool skip_special = true) const = 0;

  // The vocabulary entry of an id as the tokenizer file stores it ("Ġthe", "▁the", "<|im_end|>").
  virtual std::string piece(int64_t id) const = 0;
  // The id of a vocabulary entry (as piece() spells it), or -1 when there is none.
  virtual int64_t piece_to_id(std::string_view piece) const = 0;
  // One past the largest id (added tokens included).
  virtual int64_t vocab_size() const = 0;
  // Control tokens: what decode(ids, true) drops.
  virtual bool is_special(int64_t id) const = 0;
  // "tokenizer.json" or "sentencepiece".
  virtual std::string kind() const = 0;
  // The model inside: "bpe", "unigram", "wordpiece", "word", "char" or "unknown".
  virtual std::string model_type() const = 0;
  virtual bool byte_fallback() const = 0;

  const SpecialTokenIds& special_ids() const { return special_ids_; }
  int64_t bos_id() const { return special_ids_.bos; }
  // The first EOS id (-1 if none); eos_ids() lists all.
  int64_t eos_id() const { return special_ids_.eos.empty() ? -1 : special_ids_.eos.front(); }
  const std::vector<int64_t>& eos_ids() const { return special_ids_.eos; }
  bool is_eos(int64_t id) const;
  int64_t pad_id() const { return special_ids_.pad; }
  int64_t unk_id() const { return special_ids_.unk; }
  // Where this tokenizer came from (a file path, or the origin given when built from bytes).
  const std::string& origin() const { return origin_; }

 protected:
  explicit Tokenizer(std::string origin) : origin_(std::move(origin)) {}
  SpecialTokenIds special_ids_;
  std::string origin_;
};

}  // namespace medlora::tokenizer
