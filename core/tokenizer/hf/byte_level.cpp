#include "core/tokenizer/hf/byte_level.h"

#include "core/io/utf8.h"

namespace medlora::tokenizer::hf {

ByteLevelAlphabet::ByteLevelAlphabet() {
  byte_of_cp_.fill(-1);
  int next = 256;
  for (int b = 0; b < 256; ++b) {
    const bool printable = (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    const int cp = printable ? b : next++;
    byte_of_cp_[cp] = b;
    std::string s;
    io::utf8::append(s, static_cast<char32_t>(cp));
    spelled_len_[b] = static_cast<unsigned char>(s.size());
    for (size_t i = 0; i < s.size(); ++i) spelled_[b][i] = s[i];
  }
}

const ByteLevelAlphabet& ByteLevelAlphabet::instance() {
  static const ByteLevelAlphabet alphabet;
  return alphabet;
}

void ByteLevelAlphabet::encode(std::string_view raw, std::string& out) const {
  for (const char c : raw) out.append(encode_byte(static_cast<unsigned char>(c)));
}

std::optional<unsigned char> ByteLevelAlphabet::decode_char(char32_t cp) const {
  if (cp >= byte_of_cp_.size() || byte_of_cp_[cp] < 0) return std::nullopt;
  return static_cast<unsigned char>(byte_of_cp_[cp]);
}

}  // namespace medlora::tokenizer::hf
