#include "core/tokenizer/hf/normalizers.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include "core/io/utf8.h"
#include "core/tokenizer/hf/utf8_text.h"
#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer::hf {
namespace {

const icu::Normalizer2& icu_normalizer(UnicodeForm form) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = nullptr;
  switch (form) {
    case UnicodeForm::nfc: n = icu::Normalizer2::getNFCInstance(status); break;
    case UnicodeForm::nfd: n = icu::Normalizer2::getNFDInstance(status); break;
    case UnicodeForm::nfkc: n = icu::Normalizer2::getNFKCInstance(status); break;
    case UnicodeForm::nfkd: n = icu::Normalizer2::getNFKDInstance(status); break;
  }
  if (U_FAILURE(status) || !n) throw TokenizerError(std::string("ICU normalizer unavailable: ") + u_errorName(status));
  return *n;
}

std::string normalize_with(const icu::Normalizer2& n, const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (n.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return text;
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  n.normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) throw TokenizerError(std::string("ICU normalisation failed: ") + u_errorName(status));
  return out;
}

class UnicodeNormalizer final : public Normalizer {
 public:
  explicit UnicodeNormalizer(UnicodeForm form) : normalizer_(icu_normalizer(form)) {}
  void normalize(std::string& text) const override { text = normalize_with(normalizer_, text); }

 private:
  const icu::Normalizer2& normalizer_;
};

// Rust's char::to_lowercase, one code point at a time (no final-sigma context, as HF).
void append_lowercase(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    return;
  }
  UChar src[2];
  int32_t src_len = 0;
  U16_APPEND_UNSAFE(src, src_len, static_cast<UChar32>(cp));
  UChar dst[8];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = u_strToLower(dst, 8, src, src_len, "", &status);
  if (U_FAILURE(status)) {
    io::utf8::append(out, cp);
    return;
  }
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(dst, i, n, c);
    io::utf8::append(out, static_cast<char32_t>(c));
  }
}

class LowercaseNormalizer final : public Normalizer {
 public:
  void normalize(std::string& text) const override {
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    while (pos < text.size()) append_lowercase(out, io::utf8::next_code_point(text, pos));
    text = std::move(out);
  }
};

class ReplaceNormalizer final : public Normalizer {
 public:
  ReplaceNormalizer(SplitPattern pattern, std::string content) : pattern_(std::move(pattern)), content_(std::move(content)) {}
  void normalize(std::string& text) const override { text = replace_all(text, pattern_, content_); }

 private:
  SplitPattern pattern_;
  std::string content_;
};

class PrependNormalizer final : public Normalizer {
 public:
  explicit PrependNormalizer(std::string prefix) : prefix_(std::move(prefix)) {}
  void normalize(std::string& text) const override {
    if (!text.empty()) text.insert(0, prefix_);
  }

 private:
  std::string prefix_;
};

class StripNormalizer final : public Normalizer {
 public:
  StripNormalizer(bool left, bool right) : left_(left), right_(right) {}
  void normalize(std::string& text) const override {
    size_t begin = 0, end = text.size();
    if (left_) {
      while (begin < end) {
        size_t p = begin;
        if (!is_rust_whitespace(io::utf8::next_code_point(text, p))) break;
        begin = p;
      }
    }
    if (right_) {
      while (end > begin) {
        size_t s = 0;
        if (!is_rust_whitespace(io::utf8::previous_code_point(text, end, &s))) break;
        end = s;
      }
    }
    text = text.substr(begin, end - begin);
  }

 private:
  bool left_, right_;
};

class SequenceNormalizer final : public Normalizer {
 public:
  explicit SequenceNormalizer(std::vector<std::unique_ptr<Normalizer>> parts) : parts_(std::move(parts)) {}
  void normalize(std::string& text) const override {
    for (const auto& p : parts_) p->normalize(text);
  }

 private:
  std::vector<std::unique_ptr<Normalizer>> parts_;
};

bool is_chinese_char(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF) ||
         (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

class BertNormalizer final : public Normalizer {
 public:
  BertNormalizer(bool clean_text, bool chinese, bool strip_accents, bool lowercase)
      : clean_text_(clean_text), chinese_(chinese), strip_accents_(strip_accents), lowercase_(lowercase) {}
  void normalize(std::string& text) const override {
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    while (pos < text.size()) {
      const char32_t c = io::utf8::next_code_point(text, pos);
      if (clean_text_) {
        const auto type = u_charType(static_cast<UChar32>(c));
        const bool whitespace = c == '\t' || c == '\n' || c == '\r' || is_rust_whitespace(c);
        const bool control = !whitespace && (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR ||
                                             type == U_PRIVATE_USE_CHAR || type == U_SURROGATE);
        if (c == 0 || c == 0xFFFD || control) continue;
        if (whitespace) {
          out.push_back(' ');
          continue;
        }
      }
      if (chinese_ && is_chinese_char(c)) {
        out.push_back(' ');
        io::utf8::append(out, c);
        out.push_back(' ');
        continue;
      }
      io::utf8::append(out, c);
    }
    if (strip_accents_) {
      out = normalize_with(icu_normalizer(UnicodeForm::nfd), out);
      std::string kept;
      kept.reserve(out.size());
      size_t p = 0;
      while (p < out.size()) {
        const char32_t c = io::utf8::next_code_point(out, p);
        if (u_charType(static_cast<UChar32>(c)) != U_NON_SPACING_MARK) io::utf8::append(kept, c);
      }
      out = std::move(kept);
    }
    if (lowercase_) LowercaseNormalizer().normalize(out);
    text = std::move(out);
  }

 private:
  bool clean_text_, chinese_, strip_accents_, lowercase_;
};

}  // namespace

std::unique_ptr<Normalizer> make_unicode_normalizer(UnicodeForm form) { return std::make_unique<UnicodeNormalizer>(form); }
std::unique_ptr<Normalizer> make_lowercase_normalizer() { return std::make_unique<LowercaseNormalizer>(); }
std::unique_ptr<Normalizer> make_replace_normalizer(SplitPattern pattern, std::string content) {
  return std::make_unique<ReplaceNormalizer>(std::move(pattern), std::move(content));
}
std::unique_ptr<Normalizer> make_prepend_normalizer(std::string prefix) {
  return std::make_unique<PrependNormalizer>(std::move(prefix));
}
std::unique_ptr<Normalizer> make_strip_normalizer(bool left, bool right) {
  return std::make_unique<StripNormalizer>(left, right);
}
std::unique_ptr<Normalizer> make_sequence_normalizer(std::vector<std::unique_ptr<Normalizer>> parts) {
  return std::make_unique<SequenceNormalizer>(std::move(parts));
}
std::unique_ptr<Normalizer> make_bert_normalizer(bool clean_text, bool handle_chinese_chars, bool strip_accents,
                                                 bool lowercase) {
  return std::make_unique<BertNormalizer>(clean_text, handle_chinese_chars, strip_accents, lowercase);
}

}  // namespace medlora::tokenizer::hf
