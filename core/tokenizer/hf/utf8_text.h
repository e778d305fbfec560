#pragma once
// Small UTF-8 helpers the tokenizer.json pipeline shares: walking code points, checking
// validity, and Rust's String::from_utf8_lossy (what HF's decoders use for bad bytes).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace medlora::tokenizer::hf {

// The length in bytes of the UTF-8 sequence starting with `lead` (1 for a stray byte).
inline size_t utf8_sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// Decodes the code point at `pos` of valid UTF-8 and advances `pos` past it.
char32_t next_code_point(std::string_view text, size_t& pos);
// Decodes the code point that ends at `end` of valid UTF-8 (end > 0).
char32_t previous_code_point(std::string_view text, size_t end, size_t* start = nullptr);
void append_utf8(std::string& out, char32_t cp);

// The byte offset of the first invalid sequence, or npos when `text` is valid UTF-8.
size_t find_invalid_utf8(std::string_view text);
// Rust's String::from_utf8_lossy: each maximal invalid subpart becomes U+FFFD.
std::string utf8_lossy(std::string_view bytes);

// Rust's char predicates, which HF's pre-tokenizers and added tokens use.
bool is_rust_whitespace(char32_t c);    // White_Space
bool is_rust_numeric(char32_t c);       // Nd, Nl, No
bool is_rust_alphanumeric(char32_t c);  // Alphabetic or numeric
bool is_hf_punctuation(char32_t c);     // ASCII punctuation or general category P*

}  // namespace medlora::tokenizer::hf
