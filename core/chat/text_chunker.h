#pragma once
// Splits a document's text into passages for the knowledge base: about `target_chars`
// characters (Unicode code points) each, ending at a paragraph or sentence end when possible
// (。！？；!?; and '.' followed by a space or line end), with about `overlap_chars` of the
// previous passage's last sentences repeated at the start of the next one so that an answer
// spanning a cut is still found. Overlap never crosses a paragraph boundary (blank line): a new
// paragraph starts clean. A sentence longer than the target is cut at a space when there is one
// near the limit, otherwise between characters; never inside a UTF-8 sequence.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace medlora::chat {

struct ChunkOptions {
  size_t target_chars = 500;
  size_t overlap_chars = 80;  // must be < target_chars
};

struct TextChunk {
  std::string text;   // the passage, trimmed of surrounding whitespace
  size_t offset = 0;  // byte offset of `text` in the source
  size_t length = 0;  // bytes in the source (= text.size())
};

// Empty or all-whitespace text gives no chunks. Throws std::invalid_argument when
// target_chars is 0 or overlap_chars >= target_chars.
std::vector<TextChunk> chunk_text(std::string_view text, const ChunkOptions& options = {});

}  // namespace medlora::chat
