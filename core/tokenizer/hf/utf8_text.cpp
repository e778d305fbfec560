#include "core/tokenizer/hf/utf8_text.h"

#include <unicode/uchar.h>

namespace medlora::tokenizer::hf {

bool is_rust_whitespace(char32_t c) { return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_WHITE_SPACE); }

bool is_rust_numeric(char32_t c) {
  const auto t = u_charType(static_cast<UChar32>(c));
  return t == U_DECIMAL_DIGIT_NUMBER || t == U_LETTER_NUMBER || t == U_OTHER_NUMBER;
}

bool is_rust_alphanumeric(char32_t c) {
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC) || is_rust_numeric(c);
}

bool is_hf_punctuation(char32_t c) {
  if (c < 0x80) {
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
  }
  const auto mask = U_GET_GC_MASK(static_cast<UChar32>(c));
  return (mask & U_GC_P_MASK) != 0;
}

}  // namespace medlora::tokenizer::hf
