#pragma once
// HF tokenizer.json normalizers on plain UTF-8 strings. HF keeps alignments too; ids do not
// need them, because added tokens are cut out before normalisation (normalized: false) or
// matched on the normalised pieces (normalized: true).
#include <memory>
#include <string>
#include <vector>

#include "core/tokenizer/hf/split_pattern.h"

namespace medlora::tokenizer::hf {

class Normalizer {
 public:
  virtual ~Normalizer() = default;
  virtual void normalize(std::string& text) const = 0;
};

enum class UnicodeForm { nfc, nfd, nfkc, nfkd };

std::unique_ptr<Normalizer> make_unicode_normalizer(UnicodeForm form);
std::unique_ptr<Normalizer> make_lowercase_normalizer();
std::unique_ptr<Normalizer> make_replace_normalizer(SplitPattern pattern, std::string content);
// Prepends `prefix` to a non-empty text.
std::unique_ptr<Normalizer> make_prepend_normalizer(std::string prefix);
// Strips Unicode whitespace on the left and/or right.
std::unique_ptr<Normalizer> make_strip_normalizer(bool left, bool right);
std::unique_ptr<Normalizer> make_sequence_normalizer(std::vector<std::unique_ptr<Normalizer>> parts);
// BertNormalizer: clean_text, handle_chinese_chars, strip_accents (null: follows lowercase), lowercase.
std::unique_ptr<Normalizer> make_bert_normalizer(bool clean_text, bool handle_chinese_chars, bool strip_accents,
                                                 bool lowercase);

}  // namespace medlora::tokenizer::hf
