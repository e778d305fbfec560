#include "core/chat/text_offsets.h"

#include "core/data/utf8_text.h"

namespace medlora::chat {

MappedText::MappedText(const std::string& utf8) : source_(utf8) {
  text_.reserve(static_cast<qsizetype>(utf8.size()));
  offsets_.reserve(utf8.size() + 1);
  size_t pos = 0;
  while (pos < utf8.size()) {
    const size_t start = pos;
    const char32_t cp = data::utf8::decode(utf8, pos);
    if (cp >= 0x10000) {
      text_.append(QChar(QChar::highSurrogate(cp)));
      text_.append(QChar(QChar::lowSurrogate(cp)));
      offsets_.push_back(start);
      offsets_.push_back(start);  // a match never ends between the two halves
    } else {
      text_.append(QChar(static_cast<char16_t>(cp)));
      offsets_.push_back(start);
    }
  }
  offsets_.push_back(utf8.size());
}

bool contains_cjk(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (data::utf8::is_cjk(data::utf8::decode(text, pos))) return true;
  }
  return false;
}

}  // namespace medlora::chat
