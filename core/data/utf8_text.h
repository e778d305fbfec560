#pragma once
// Small UTF-8 helpers the dataset tools share: decoding without exceptions, character classes
// (CJK, spaces, punctuation) and the width/case folding used for duplicate keys.
#include <cstddef>
#include <string>
#include <string_view>

namespace medlora::data::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at text[pos] and advances pos. An invalid or truncated sequence
// yields kReplacement and advances one byte; `valid` (when given) is set to false then.
char32_t decode(std::string_view text, size_t& pos, bool* valid = nullptr);

void append(std::string& out, char32_t cp);

size_t count_code_points(std::string_view text);

bool is_ascii(std::string_view text);

// Han ideographs, kana, hangul, CJK compatibility ideographs.
bool is_cjk(char32_t cp);

// Horizontal spaces: ' ', '\t', U+00A0, U+1680, U+2000..U+200A, U+202F, U+205F, U+3000.
bool is_horizontal_space(char32_t cp);

// '\n', '\r', '\v', '\f', U+0085, U+2028, U+2029.
bool is_line_break(char32_t cp);

// ASCII punctuation and symbols, Latin-1 punctuation, General Punctuation (U+2010..U+205E),
// CJK punctuation (U+3001..U+303F), fullwidth and halfwidth forms' punctuation, vertical forms.
bool is_punctuation(char32_t cp);

// Fullwidth ASCII forms (U+FF01..U+FF5E) -> ASCII, U+3000 -> ' '; everything else unchanged.
char32_t fold_width(char32_t cp);

// Appends the duplicate-detection form of `text` to `out`: width folded, ASCII lower-cased,
// punctuation dropped, whitespace runs collapsed to one ' ', no leading/trailing space
// (relative to what `out` already ends with).
void append_hash_normalised(std::string_view text, std::u32string& out);

}  // namespace medlora::data::utf8
