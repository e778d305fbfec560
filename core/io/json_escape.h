#pragma once
// One JSON string escape (the text after a backslash), decoded by the same rules and with the
// same messages in both of our JSON parsers: io/json_lite (strict headers) and
// data/json_record_parser (dataset records). Header-only, so the fuzzers that link json_lite.cpp
// alone need no other source.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/io/json_lite.h"
#include "core/io/utf8.h"

namespace medlora::io::json {

// The four hex digits of a \u escape at text[pos]; pos ends after them.
inline unsigned decode_hex4(std::string_view text, size_t& pos) {
  if (text.size() - pos < 4) throw JsonError(pos, "truncated \\u escape");
  unsigned value = 0;
  for (int i = 0; i < 4; ++i, ++pos) {
    const char c = text[pos];
    value <<= 4;
    if (c >= '0' && c <= '9') value |= static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f') value |= static_cast<unsigned>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') value |= static_cast<unsigned>(c - 'A' + 10);
    else throw JsonError(pos, "invalid hex digit in \\u escape");
  }
  return value;
}

// Appends the character the escape at text[pos] (just after its backslash) stands for, as UTF-8;
// pos ends after the escape. A high surrogate must be followed by a \u low surrogate, and a low
// surrogate may not stand alone. Errors name the byte where they happen.
inline void decode_escape(std::string_view text, size_t& pos, std::string& out) {
  if (pos >= text.size()) throw JsonError(pos, "unterminated escape");
  switch (text[pos]) {
    case '"': out += '"'; break;
    case '\\': out += '\\'; break;
    case '/': out += '/'; break;
    case 'b': out += '\b'; break;
    case 'f': out += '\f'; break;
    case 'n': out += '\n'; break;
    case 'r': out += '\r'; break;
    case 't': out += '\t'; break;
    case 'u': {
      const size_t start = pos;
      ++pos;
      uint32_t cp = decode_hex4(text, pos);
      if (cp >= 0xDC00 && cp <= 0xDFFF) throw JsonError(start, "lone low surrogate in \\u escape");
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (text.substr(pos, 2) != "\\u") throw JsonError(pos, "high surrogate not followed by a low surrogate");
        pos += 2;
        const uint32_t low = decode_hex4(text, pos);
        if (low < 0xDC00 || low > 0xDFFF) throw JsonError(pos, "high surrogate not followed by a low surrogate");
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      }
      utf8::append(out, static_cast<char32_t>(cp));
      return;
    }
    default: throw JsonError(pos, "invalid escape character");
  }
  ++pos;
}

}  // namespace medlora::io::json
