#include "core/tokenizer/jinja/unicode_text.h"

#include <QChar>

#include "core/io/utf8.h"

namespace medlora::tokenizer::jinja {

std::u32string utf8_decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const size_t len = io::utf8::sequence_length(lead);
    if (i + len > s.size()) {  // a sequence cut off by the end: one U+FFFD for the rest
      out += io::utf8::kReplacement;
      break;
    }
    const char32_t cp = io::utf8::next_code_point(s, i);
    out += len == 1 && lead >= 0x80 ? io::utf8::kReplacement : cp;  // a stray byte
  }
  return out;
}

bool is_python_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

std::string python_strip(std::string_view s, const std::string* chars, StripSide side) {
  const std::u32string text = utf8_decode(s);
  const std::u32string set = chars ? utf8_decode(*chars) : std::u32string();
  auto strip_it = [&](char32_t c) { return chars ? set.find(c) != std::u32string::npos : is_python_space(c); };
  size_t begin = 0, end = text.size();
  if (side != StripSide::right)
    while (begin < end && strip_it(text[begin])) ++begin;
  if (side != StripSide::left)
    while (end > begin && strip_it(text[end - 1])) --end;
  return io::utf8::encode(std::u32string_view(text).substr(begin, end - begin));
}

std::vector<std::string> python_split(std::string_view s, const std::string* sep, int64_t maxsplit) {
  std::vector<std::string> out;
  if (sep) {
    size_t start = 0;
    while (maxsplit < 0 || static_cast<int64_t>(out.size()) < maxsplit) {
      const size_t at = s.find(*sep, start);
      if (at == std::string_view::npos) break;
      out.emplace_back(s.substr(start, at - start));
      start = at + sep->size();
    }
    out.emplace_back(s.substr(start));
    return out;
  }
  const std::u32string text = utf8_decode(s);
  size_t i = 0;
  while (true) {
    while (i < text.size() && is_python_space(text[i])) ++i;
    if (i >= text.size()) break;
    if (maxsplit >= 0 && static_cast<int64_t>(out.size()) >= maxsplit) {
      out.push_back(io::utf8::encode(std::u32string_view(text).substr(i)));  // Python keeps the remainder's trailing space
      break;
    }
    size_t j = i;
    while (j < text.size() && !is_python_space(text[j])) ++j;
    out.push_back(io::utf8::encode(std::u32string_view(text).substr(i, j - i)));
    i = j;
  }
  return out;
}

namespace {
bool ascii_only(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}
char32_t upper(char32_t c) { return c < 0x80 ? static_cast<char32_t>((c >= 'a' && c <= 'z') ? c - 32 : c) : QChar::toUpper(c); }
char32_t lower(char32_t c) { return c < 0x80 ? static_cast<char32_t>((c >= 'A' && c <= 'Z') ? c + 32 : c) : QChar::toLower(c); }
bool cased(char32_t c) { return c < 0x80 ? ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) : (QChar::isUpper(c) || QChar::isLower(c) || QChar::isTitleCase(c)); }
}  // namespace

std::string python_upper(std::string_view s) {
  if (ascii_only(s)) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(upper(static_cast<unsigned char>(c)));
    return out;
  }
  std::u32string t = utf8_decode(s);
  for (auto& c : t) c = upper(c);
  return io::utf8::encode(t);
}

std::string python_lower(std::string_view s) {
  if (ascii_only(s)) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(lower(static_cast<unsigned char>(c)));
    return out;
  }
  std::u32string t = utf8_decode(s);
  for (auto& c : t) c = lower(c);
  return io::utf8::encode(t);
}

std::string python_capitalize(std::string_view s) {
  std::u32string t = utf8_decode(s);
  for (size_t i = 0; i < t.size(); ++i) t[i] = i == 0 ? upper(t[i]) : lower(t[i]);
  return io::utf8::encode(t);
}

std::string jinja_title(std::string_view s) {
  std::u32string t = utf8_decode(s);
  bool word_start = true;
  for (auto& c : t) {
    const bool separator = is_python_space(c) || c == '-' || c == '(' || c == '{' || c == '[' || c == '<';
    if (separator) {
      word_start = true;
      continue;
    }
    c = word_start ? upper(c) : lower(c);
    word_start = false;
  }
  return io::utf8::encode(t);
}

std::string python_title(std::string_view s) {
  std::u32string t = utf8_decode(s);
  bool previous_cased = false;
  for (auto& c : t) {
    const bool is_cased = cased(c);
    if (is_cased) c = previous_cased ? lower(c) : upper(c);
    previous_cased = is_cased;
  }
  return io::utf8::encode(t);
}

std::string python_replace(std::string_view s, std::string_view old_text, std::string_view new_text, int64_t count) {
  std::string out;
  if (old_text.empty()) {
    // Python inserts `new` before every code point and at the end.
    const std::u32string t = utf8_decode(s);
    int64_t done = 0;
    for (char32_t c : t) {
      if (count < 0 || done < count) { out += new_text; ++done; }
      out += io::utf8::encode(std::u32string(1, c));
    }
    if (count < 0 || done < count) out += new_text;
    return out;
  }
  size_t start = 0;
  int64_t done = 0;
  while (count < 0 || done < count) {
    const size_t at = s.find(old_text, start);
    if (at == std::string_view::npos) break;
    out += s.substr(start, at - start);
    out += new_text;
    start = at + old_text.size();
    ++done;
  }
  out += s.substr(start);
  return out;
}

std::vector<std::string> python_splitlines(std::string_view s) {
  std::vector<std::string> out;
  const std::u32string t = utf8_decode(s);
  size_t start = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    const char32_t c = t[i];
    const bool br = c == '\n' || c == '\r' || c == '\v' || c == '\f' || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 || c == 0x2029;
    if (!br) continue;
    out.push_back(io::utf8::encode(std::u32string_view(t).substr(start, i - start)));
    if (c == '\r' && i + 1 < t.size() && t[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < t.size()) out.push_back(io::utf8::encode(std::u32string_view(t).substr(start)));
  return out;
}

}  // namespace medlora::tokenizer::jinja
