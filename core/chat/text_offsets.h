#pragma once
// UTF-8 text seen as a QString (for QRegularExpression) with the way back from UTF-16 indices
// to byte offsets in the original, even when the original holds invalid UTF-8 (each bad byte
// becomes one U+FFFD mapped to that byte).
#include <QString>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace medlora::chat {

class MappedText {
 public:
  explicit MappedText(const std::string& utf8);
  const QString& text() const { return text_; }
  const std::string& source() const { return source_; }
  // Byte offset in source() of UTF-16 index `index` (0..text().size()).
  size_t byte_offset(qsizetype index) const { return offsets_[static_cast<size_t>(index)]; }

 private:
  const std::string& source_;
  QString text_;
  std::vector<size_t> offsets_;  // text_.size() + 1 entries
};

// True when `text` holds a CJK character (core/data/utf8_text.h's is_cjk).
bool contains_cjk(std::string_view text);

}  // namespace medlora::chat
