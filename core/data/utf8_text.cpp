#include "core/data/utf8_text.h"

#include <array>

namespace medlora::data::utf8 {

bool is_ascii(std::string_view text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F) || cp == 0x3007;
}

bool is_horizontal_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool is_line_break(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

bool is_punctuation(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) || (cp >= 0x5B && cp <= 0x60) ||
           (cp >= 0x7B && cp <= 0x7E);
  }
  if (cp >= 0xA1 && cp <= 0xBF) return cp != 0xAA && cp != 0xB2 && cp != 0xB3 && cp != 0xB5 && cp != 0xB9 && cp != 0xBA && cp != 0xBC && cp != 0xBD && cp != 0xBE;
  if (cp == 0xD7 || cp == 0xF7) return true;
  if (cp >= 0x2010 && cp <= 0x2027) return true;
  if (cp >= 0x2030 && cp <= 0x205E) return true;
  if (cp >= 0x3001 && cp <= 0x3003) return true;
  if (cp >= 0x3008 && cp <= 0x3011) return true;
  if (cp >= 0x3014 && cp <= 0x301F) return true;
  if (cp == 0x30FB) return true;
  if (cp >= 0xFE10 && cp <= 0xFE19) return true;
  if (cp >= 0xFE30 && cp <= 0xFE4F) return true;
  if (cp >= 0xFE50 && cp <= 0xFE6B) return true;
  if (cp >= 0xFF01 && cp <= 0xFF5E) return is_punctuation(cp - 0xFEE0);
  if (cp >= 0xFF5F && cp <= 0xFF65) return true;
  return false;
}

char32_t fold_width(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;
  if (cp == 0x3000) return ' ';
  return cp;
}

namespace {

// What append_hash_normalised does with each ASCII byte, looked up instead of tested: this loop
// runs over every character of every record.
enum AsciiClass : unsigned char { kKeep, kLower, kSpace, kDrop };

constexpr std::array<AsciiClass, 128> make_ascii_classes() {
  std::array<AsciiClass, 128> table{};
  for (int c = 0; c < 128; ++c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') table[c] = kSpace;
    else if (c < 0x20 || c == 0x7F) table[c] = kDrop;
    else if (c >= 'A' && c <= 'Z') table[c] = kLower;
    else if ((c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E))
      table[c] = kDrop;
    else table[c] = kKeep;
  }
  return table;
}

constexpr std::array<AsciiClass, 128> kAsciiClasses = make_ascii_classes();

}  // namespace

void append_hash_normalised(std::string_view text, std::u32string& out) {
  // Written through a pointer into a buffer sized for the worst case (one code point per
  // byte): a push_back per character costs a third of the time here.
  const size_t start = out.size();
  out.resize(start + text.size());
  char32_t* const base = out.data();
  char32_t* w = base + start;
  bool pending_space = false;
  const auto emit = [&](char32_t cp) {
    if (pending_space && w != base && w[-1] != ' ' && w[-1] != 0x1F) *w++ = ' ';
    pending_space = false;
    *w++ = cp;
  };
  const auto ascii = [&](unsigned char c) {
    switch (kAsciiClasses[c]) {
      case kKeep: emit(c); break;
      case kLower: emit(c + ('a' - 'A')); break;
      case kSpace: pending_space = true; break;
      case kDrop: break;
    }
  };
  size_t pos = 0;
  const size_t n = text.size();
  while (pos < n) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {  // most medical English text is ASCII
      ++pos;
      ascii(c);
      continue;
    }
    const char32_t cp = fold_width(decode(text, pos));
    if (cp < 0x80) {  // a fullwidth form folded to ASCII
      ascii(static_cast<unsigned char>(cp));
    } else if (is_horizontal_space(cp) || is_line_break(cp)) {
      pending_space = true;
    } else if (!(is_punctuation(cp) || (cp >= 0x80 && cp <= 0x9F) || cp == 0x200B || cp == 0x200C || cp == 0x200D ||
                 cp == 0xFEFF || cp == 0xAD)) {
      emit(cp);
    }
  }
  out.resize(static_cast<size_t>(w - base));
}

}  // namespace medlora::data::utf8
