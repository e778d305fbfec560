#pragma once
// Text files reach us as UTF-8 (with or without a BOM) or as GB18030/GBK (Chinese Windows
// exports). Everything after the importer works on UTF-8, so bytes are decoded once, here.
#include <string>
#include <string_view>

namespace medlora::data {

enum class TextEncoding { Auto, Utf8, Gb18030 };

// "auto", "utf-8" (also "utf8"), "gb18030" (also "gbk", which GB18030 contains); case-insensitive.
// Throws std::invalid_argument naming the accepted words.
TextEncoding parse_text_encoding(const std::string& name);
// "auto", "utf-8", "gb18030".
const char* text_encoding_name(TextEncoding encoding);

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// Decodes `bytes` to UTF-8 and strips a leading UTF-8 BOM. Auto: valid UTF-8 stays UTF-8,
// anything else is read as GB18030 (a superset of GBK and GB2312). `detected` receives the
// encoding actually used (Utf8 or Gb18030). Throws std::runtime_error when the bytes are not
// valid in the chosen encoding (explicit Utf8 with a bad byte names its offset; Gb18030 that
// cannot be decoded). Needs Qt built with ICU for GB18030 (Debian's is); a Qt without it throws.
std::string decode_to_utf8(std::string_view bytes, TextEncoding encoding, TextEncoding* detected = nullptr);

}  // namespace medlora::data
