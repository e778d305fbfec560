#pragma once
// GPT-2's byte <-> unicode alphabet: every byte gets a printable code point (printable
// Latin-1 bytes keep their own; the rest map to U+0100 upwards), so byte-level BPE
// vocabularies spell "Ġthe" for " the".
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace medlora::tokenizer::hf {

class ByteLevelAlphabet {
 public:
  static const ByteLevelAlphabet& instance();

  // The UTF-8 spelling of the code point byte `b` maps to.
  std::string_view encode_byte(unsigned char b) const { return {spelled_[b].data(), spelled_len_[b]}; }
  // Appends the byte-level spelling of every byte of `raw`.
  void encode(std::string_view raw, std::string& out) const;
  // The byte a code point stands for, or nullopt when it is not in the alphabet.
  std::optional<unsigned char> decode_char(char32_t cp) const;

 private:
  ByteLevelAlphabet();
  std::array<std::array<char, 2>, 256> spelled_{};
  std::array<unsigned char, 256> spelled_len_{};
  std::array<int, 324> byte_of_cp_{};  // code points 0..323, -1 where none
};

}  // namespace medlora::tokenizer::hf
