#include "core/tokenizer/hf/pre_tokenizers.h"

#include "core/tokenizer/hf/byte_level.h"
#include "core/tokenizer/hf/utf8_text.h"

namespace medlora::tokenizer::hf {

void materialize_byte_level(PreToken& piece) {
  if (!piece.byte_level_pending) return;
  std::string spelled;
  spelled.reserve(piece.text.size() * 2);
  ByteLevelAlphabet::instance().encode(piece.text, spelled);
  piece.text = std::move(spelled);
  piece.byte_level_pending = false;
}

namespace {

// Replaces every piece by the segments `pattern` and `behavior` cut it into.
void split_all(std::vector<PreToken>& pieces, const SplitPattern& pattern, SplitBehavior behavior, bool invert) {
  std::vector<PreToken> out;
  out.reserve(pieces.size() * 2);
  for (auto& piece : pieces) {
    materialize_byte_level(piece);
    for (const auto& seg : split_segments(pattern.find_matches(piece.text), behavior, invert)) {
      out.push_back({piece.text.substr(seg.begin, seg.end - seg.begin), piece.at_origin && seg.begin == 0, false});
    }
  }
  pieces = std::move(out);
}

// GPT-2's pattern, as HF's ByteLevel uses it.
const char* const kGpt2Pattern = R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";

class ByteLevelPreTokenizer final : public PreTokenizer {
 public:
  ByteLevelPreTokenizer(bool add_prefix_space, bool use_regex)
      : add_prefix_space_(add_prefix_space),
        use_regex_(use_regex),
        pattern_(use_regex ? SplitPattern::regex(kGpt2Pattern, "ByteLevel") : SplitPattern::literal("")) {}
  void pre_tokenize(std::vector<PreToken>& pieces) const override {
    for (auto& piece : pieces) {
      materialize_byte_level(piece);
      if (add_prefix_space_ && (piece.text.empty() || piece.text[0] != ' ')) piece.text.insert(0, " ");
    }
    if (use_regex_) split_all(pieces, pattern_, SplitBehavior::isolated, false);
    for (auto& piece : pieces) piece.byte_level_pending = true;
  }

 private:
  bool add_prefix_space_, use_regex_;
  SplitPattern pattern_;
};

class SplitPreTokenizer final : public PreTokenizer {
 public:
  SplitPreTokenizer(SplitPattern pattern, SplitBehavior behavior, bool invert)
      : pattern_(std::move(pattern)), behavior_(behavior), invert_(invert) {}
  void pre_tokenize(std::vector<PreToken>& pieces) const override { split_all(pieces, pattern_, behavior_, invert_); }

 private:
  SplitPattern pattern_;
  SplitBehavior behavior_;
  bool invert_;
};

class MetaspacePreTokenizer final : public PreTokenizer {
 public:
  MetaspacePreTokenizer(std::string replacement, PrependScheme scheme, bool split)
      : replacement_(std::move(replacement)), scheme_(scheme), split_(split), pattern_(SplitPattern::literal(replacement_)) {}
  void pre_tokenize(std::vector<PreToken>& pieces) const override {
    for (auto& piece : pieces) {
      materialize_byte_level(piece);
      piece.text = replace_all(piece.text, SplitPattern::literal(" "), replacement_);
      const bool starts = piece.text.compare(0, replacement_.size(), replacement_) == 0;
      if (!piece.text.empty() && !starts &&
          (scheme_ == PrependScheme::always || (scheme_ == PrependScheme::first && piece.at_origin))) {
        piece.text.insert(0, replacement_);
      }
    }
    if (split_) split_all(pieces, pattern_, SplitBehavior::merged_with_next, false);
  }

 private:
  std::string replacement_;
  PrependScheme scheme_;
  bool split_;
  SplitPattern pattern_;
};

class SequencePreTokenizer final : public PreTokenizer {
 public:
  explicit SequencePreTokenizer(std::vector<std::unique_ptr<PreTokenizer>> parts) : parts_(std::move(parts)) {}
  void pre_tokenize(std::vector<PreToken>& pieces) const override {
    for (const auto& p : parts_) p->pre_tokenize(pieces);
  }

 private:
  std::vector<std::unique_ptr<PreTokenizer>> parts_;
};

}  // namespace

std::unique_ptr<PreTokenizer> make_byte_level_pre_tokenizer(bool add_prefix_space, bool use_regex) {
  return std::make_unique<ByteLevelPreTokenizer>(add_prefix_space, use_regex);
}
std::unique_ptr<PreTokenizer> make_split_pre_tokenizer(SplitPattern pattern, SplitBehavior behavior, bool invert) {
  return std::make_unique<SplitPreTokenizer>(std::move(pattern), behavior, invert);
}
std::unique_ptr<PreTokenizer> make_digits_pre_tokenizer(bool individual_digits) {
  return std::make_unique<SplitPreTokenizer>(SplitPattern::per_char(is_rust_numeric),
                                             individual_digits ? SplitBehavior::isolated : SplitBehavior::contiguous,
                                             false);
}
std::unique_ptr<PreTokenizer> make_metaspace_pre_tokenizer(std::string replacement, PrependScheme scheme, bool split) {
  return std::make_unique<MetaspacePreTokenizer>(std::move(replacement), scheme, split);
}
std::unique_ptr<PreTokenizer> make_whitespace_pre_tokenizer() {
  // HF: the matches of \w+|[^\w\s]+ are kept, the rest removed.
  return std::make_unique<SplitPreTokenizer>(SplitPattern::regex(R"(\w+|[^\w\s]+)", "Whitespace"),
                                             SplitBehavior::removed, true);
}
std::unique_ptr<PreTokenizer> make_whitespace_split_pre_tokenizer() {
  return std::make_unique<SplitPreTokenizer>(SplitPattern::per_char(is_rust_whitespace), SplitBehavior::removed, false);
}
std::unique_ptr<PreTokenizer> make_punctuation_pre_tokenizer(SplitBehavior behavior) {
  return std::make_unique<SplitPreTokenizer>(SplitPattern::per_char(is_hf_punctuation), behavior, false);
}
std::unique_ptr<PreTokenizer> make_bert_pre_tokenizer() {
  std::vector<std::unique_ptr<PreTokenizer>> parts;
  parts.push_back(make_whitespace_split_pre_tokenizer());
  parts.push_back(make_punctuation_pre_tokenizer(SplitBehavior::isolated));
  return make_sequence_pre_tokenizer(std::move(parts));
}
std::unique_ptr<PreTokenizer> make_sequence_pre_tokenizer(std::vector<std::unique_ptr<PreTokenizer>> parts) {
  return std::make_unique<SequencePreTokenizer>(std::move(parts));
}

}  // namespace medlora::tokenizer::hf
