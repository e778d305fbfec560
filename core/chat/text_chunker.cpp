#include "core/chat/text_chunker.h"

#include <stdexcept>

#include "core/data/utf8_text.h"

namespace medlora::chat {
namespace {

namespace utf8 = data::utf8;

// A piece of the source that a passage boundary may follow: a sentence, or a slice of an
// over-long sentence. `paragraph` numbers the paragraph it belongs to.
struct Unit {
  size_t begin = 0;  // bytes
  size_t end = 0;
  size_t chars = 0;  // code points
  size_t paragraph = 0;
};

bool is_space(char32_t cp) { return utf8::is_horizontal_space(cp) || utf8::is_line_break(cp); }

bool ends_sentence_always(char32_t cp) {
  return cp == U'。' || cp == U'！' || cp == U'？' || cp == U'；' || cp == U'!' || cp == U'?' ||
         cp == U';' || cp == U'…';
}

// Appends the units of one sentence [begin, end), slicing it when longer than `target`: at the
// last space within the limit when there is one in its second half, otherwise between characters.
void add_sentence(std::string_view text, size_t begin, size_t end, size_t paragraph, size_t target,
                  std::vector<Unit>& units) {
  while (begin < end) {
    size_t pos = begin;
    size_t chars = 0;
    size_t last_space = 0;  // byte after the last space seen within the limit
    size_t chars_at_space = 0;
    while (pos < end && chars < target) {
      const char32_t cp = utf8::decode(text, pos);
      ++chars;
      if (is_space(cp)) {
        last_space = pos;
        chars_at_space = chars;
      }
    }
    if (pos < end && last_space > begin && chars_at_space * 2 >= target) {
      pos = last_space;
      chars = chars_at_space;
    }
    units.push_back({begin, pos, chars, paragraph});
    begin = pos;
  }
}

// Sentences of every paragraph, in order. Paragraphs are separated by a blank line.
std::vector<Unit> split_units(std::string_view text, size_t target) {
  std::vector<Unit> units;
  size_t paragraph = 0;
  size_t sentence_begin = std::string_view::npos;  // npos: between sentences
  size_t pos = 0;
  size_t newlines_in_gap = 0;  // line breaks since the last non-space character
  while (pos < text.size()) {
    const size_t at = pos;
    const char32_t cp = utf8::decode(text, pos);
    if (is_space(cp)) {
      if (utf8::is_line_break(cp) && cp != U'\r') ++newlines_in_gap;
      // A single line break inside a sentence is wrapping; a blank line ends the paragraph.
      if (newlines_in_gap >= 2 && sentence_begin != std::string_view::npos) {
        add_sentence(text, sentence_begin, at, paragraph, target, units);
        sentence_begin = std::string_view::npos;
      }
      continue;
    }
    if (newlines_in_gap >= 2 && !units.empty()) ++paragraph;
    newlines_in_gap = 0;
    if (sentence_begin == std::string_view::npos) sentence_begin = at;
    bool ends = ends_sentence_always(cp);
    if (cp == U'.') {
      // "3.5 mg" and "e.g." stay whole: a full stop ends a sentence before a space or the end.
      size_t next = pos;
      ends = next >= text.size() || is_space(utf8::decode(text, next));
    }
    if (ends) {
      // Closing quotes and brackets belong to the sentence they close.
      while (pos < text.size()) {
        size_t next = pos;
        const char32_t c = utf8::decode(text, next);
        if (c != U'”' && c != U'’' && c != U'"' && c != U'\'' && c != U')' && c != U'）' && c != U'」' &&
            c != U'』' && c != U'】') {
          break;
        }
        pos = next;
      }
      add_sentence(text, sentence_begin, pos, paragraph, target, units);
      sentence_begin = std::string_view::npos;
    }
  }
  if (sentence_begin != std::string_view::npos) add_sentence(text, sentence_begin, text.size(), paragraph, target, units);
  return units;
}

size_t chars_between(const std::vector<Unit>& units, size_t first, size_t last) {
  size_t chars = 0;
  for (size_t i = first; i < last; ++i) chars += units[i].chars + 1;  // +1: the gap between units
  return chars == 0 ? 0 : chars - 1;
}

}  // namespace

std::vector<TextChunk> chunk_text(std::string_view text, const ChunkOptions& options) {
  if (options.target_chars == 0) throw std::invalid_argument("chunk size must be at least one character");
  if (options.overlap_chars >= options.target_chars) {
    throw std::invalid_argument("chunk overlap (" + std::to_string(options.overlap_chars) +
                                ") must be smaller than the chunk size (" +
                                std::to_string(options.target_chars) + ")");
  }
  const std::vector<Unit> units = split_units(text, options.target_chars);
  std::vector<TextChunk> chunks;
  size_t first = 0;
  while (first < units.size()) {
    // Grow while the next unit fits; stop early at a paragraph end once half full, so that a
    // passage does not start with the tail of one topic and the head of the next.
    size_t last = first + 1;
    size_t chars = units[first].chars;
    while (last < units.size()) {
      const size_t with_next = chars + 1 + units[last].chars;
      if (with_next > options.target_chars) break;
      if (units[last].paragraph != units[last - 1].paragraph && chars * 2 >= options.target_chars) break;
      chars = with_next;
      ++last;
    }
    const size_t begin = units[first].begin;
    size_t end = units[last - 1].end;
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\n' ||
                           text[end - 1] == '\r')) {
      --end;
    }
    chunks.push_back({std::string(text.substr(begin, end - begin)), begin, end - begin});
    if (last == units.size()) break;

    // The next passage repeats the last sentences of this one (same paragraph as the next unit,
    // within overlap_chars), but always moves forward.
    size_t next = last;
    while (next > first + 1 && units[next - 1].paragraph == units[last].paragraph &&
           chars_between(units, next - 1, last) <= options.overlap_chars) {
      --next;
    }
    first = next;
  }
  return chunks;
}

}  // namespace medlora::chat
