#pragma once
// The one set of UTF-8 helpers: walking and encoding code points, checking validity, and
// Rust's String::from_utf8_lossy. Header-only and torch-free: the tokenizers' hot loops (BPE,
// pre-tokenizers), the dataset tools, the JSON readers and the template engine all use it.
//
// Two ways to read a code point, for two kinds of caller:
// - next_code_point trusts its input (text already checked valid, as the tokenizer.json
//   pipeline checks it): it looks at the lead byte only, and a stray or truncated lead byte
//   comes back as its own value, one byte consumed;
// - decode checks every sequence (overlong forms, surrogates, past U+10FFFF, truncation) and
//   gives U+FFFD for a bad one, one byte consumed.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace medlora::io::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// The length in bytes of the UTF-8 sequence starting with `lead`, from its bit pattern
// (1 for a stray byte).
inline size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// Decodes the code point at `pos` of valid UTF-8 and advances `pos` past it. A stray or
// truncated lead byte yields the byte's value and advances one byte.
inline char32_t next_code_point(std::string_view text, size_t& pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  const size_t len = sequence_length(b0);
  if (len == 1 || pos + len > text.size()) {
    ++pos;
    return b0;
  }
  char32_t cp = len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (size_t i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
  pos += len;
  return cp;
}

// Decodes the code point of valid UTF-8 that ends at `end` (end > 0); `start` gets its offset.
inline char32_t previous_code_point(std::string_view text, size_t end, size_t* start = nullptr) {
  size_t s = end - 1;
  while (s > 0 && (static_cast<unsigned char>(text[s]) & 0xC0) == 0x80 && end - s < 4) --s;
  size_t p = s;
  const char32_t cp = next_code_point(text, p);
  if (start) *start = s;
  return cp;
}

// The length of the well-formed sequence at `pos`, or 0 when there is none; then `*bad`
// (when given) is the length of the maximal invalid subpart (Unicode's "substitution of
// maximal subparts", as Rust does).
inline size_t valid_sequence_length(std::string_view s, size_t pos, size_t* bad = nullptr) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) return 1;
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    if (bad) *bad = 1;
    return 0;
  }
  for (size_t i = 1; i <= need; ++i) {
    if (pos + i >= s.size()) {
      if (bad) *bad = i;
      return 0;
    }
    const auto b = static_cast<unsigned char>(s[pos + i]);
    const unsigned char l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
    if (b < l || b > h) {
      if (bad) *bad = i;
      return 0;
    }
  }
  return need + 1;
}

// Decodes the code point at text[pos] and advances pos. An invalid or truncated sequence
// yields kReplacement and advances one byte; `valid` (when given) is set to false then.
inline char32_t decode(std::string_view text, size_t& pos, bool* valid = nullptr) {
  if (valid_sequence_length(text, pos) == 0) {
    if (valid) *valid = false;
    ++pos;
    return kReplacement;
  }
  return next_code_point(text, pos);
}

inline void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

inline std::string encode(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size());
  for (const char32_t cp : code_points) append(out, cp);
  return out;
}

// Every byte that is not a continuation byte starts a code point (an invalid byte counts as one).
inline size_t count_code_points(std::string_view text) {
  size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The byte offset of the first invalid sequence, or npos when `text` is valid UTF-8. ASCII
// runs are skipped 8 bytes at a time: dataset imports check every byte of every file.
inline size_t find_invalid(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (pos + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + pos, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        pos += 8;
        continue;
      }
    }
    const size_t n = valid_sequence_length(text, pos);
    if (n == 0) return pos;
    pos += n;
  }
  return std::string_view::npos;
}

// Rust's String::from_utf8_lossy: each maximal invalid subpart becomes U+FFFD.
inline std::string lossy(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  size_t pos = 0, bad = 0;
  while (pos < bytes.size()) {
    const size_t n = valid_sequence_length(bytes, pos, &bad);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      pos += bad;
    } else {
      out.append(bytes.data() + pos, n);
      pos += n;
    }
  }
  return out;
}

}  // namespace medlora::io::utf8
