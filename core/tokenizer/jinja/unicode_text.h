#pragma once
// Python str semantics on UTF-8 text: code points (len, slices, indexes), Python's notion of
// whitespace for strip() and split(), and case mapping.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace medlora::tokenizer::jinja {

// The code points of `s` (encoding back, and counting, is core/io/utf8.h's). The lead byte
// gives each sequence's length; a stray byte is U+FFFD, and a sequence cut off by the end of
// `s` is one U+FFFD that ends the text.
std::u32string utf8_decode(std::string_view s);
bool is_python_space(char32_t c);

enum class StripSide { both, left, right };
// str.strip(chars): chars null means whitespace.
std::string python_strip(std::string_view s, const std::string* chars, StripSide side);
// str.split(sep, maxsplit); sep null splits on runs of whitespace.
std::vector<std::string> python_split(std::string_view s, const std::string* sep, int64_t maxsplit);
std::string python_upper(std::string_view s);
std::string python_lower(std::string_view s);
std::string python_capitalize(std::string_view s);
// Jinja2's title filter: each word (split at whitespace, '-', '(', '{', '[', '<') capitalised.
std::string jinja_title(std::string_view s);
// Python's str.title().
std::string python_title(std::string_view s);
// str.replace(old, new, count); count < 0 means all.
std::string python_replace(std::string_view s, std::string_view old_text, std::string_view new_text, int64_t count);
// str.splitlines().
std::vector<std::string> python_splitlines(std::string_view s);

}  // namespace medlora::tokenizer::jinja
