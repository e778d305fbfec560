#pragma once
// Small UTF-8 helpers the dataset tools share: character classes (CJK, spaces, punctuation)
// and the width/case folding used for duplicate keys. Decoding (without exceptions: a bad
// sequence is U+FFFD), encoding and counting are core/io/utf8.h's, named here too.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/io/utf8.h"

namespace medlora::data::utf8 {

using io::utf8::append;
using io::utf8::count_code_points;
using io::utf8::decode;
using io::utf8::kReplacement;

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
