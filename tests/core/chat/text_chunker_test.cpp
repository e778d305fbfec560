#include "core/chat/text_chunker.h"

#include <gtest/gtest.h>

#include <cctype>
#include <stdexcept>

#include "core/data/text_encoding.h"
#include "core/data/utf8_text.h"

namespace medlora::chat {
namespace {

size_t chars(const std::string& text) { return data::utf8::count_code_points(text); }

TEST(TextChunkerTest, ShortTextIsOneChunkTrimmed) {
  const std::vector<TextChunk> chunks = chunk_text("  \n高血压是常见的慢性病。\n\n", {});
  ASSERT_EQ(chunks.size(), 1u);
  EXPECT_EQ(chunks[0].text, "高血压是常见的慢性病。");
  EXPECT_EQ(chunks[0].offset, 3u);
  EXPECT_TRUE(chunk_text(" \n\t ", {}).empty());
}

TEST(TextChunkerTest, ChineseSentencesAreNotCutAndChunksOverlap) {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "第" + std::to_string(i) + "句说明高血压患者需要低盐饮食。";
  const ChunkOptions options{100, 30};
  const std::vector<TextChunk> chunks = chunk_text(text, options);
  ASSERT_GT(chunks.size(), 5u);
  for (size_t i = 0; i < chunks.size(); ++i) {
    const TextChunk& chunk = chunks[i];
    EXPECT_LE(chars(chunk.text), 100u);
    EXPECT_EQ(text.substr(chunk.offset, chunk.length), chunk.text);
    EXPECT_TRUE(chunk.text.ends_with("。")) << chunk.text;  // sentence ends only
    EXPECT_TRUE(chunk.text.starts_with("第")) << chunk.text;
    EXPECT_TRUE(data::is_valid_utf8(chunk.text));
    if (i > 0) {
      // The previous chunk's last sentence opens this one.
      EXPECT_LT(chunk.offset, chunks[i - 1].offset + chunks[i - 1].length);
      EXPECT_GT(chunk.offset, chunks[i - 1].offset);
    }
  }
  EXPECT_EQ(chunks.back().offset + chunks.back().length, text.size());
}

TEST(TextChunkerTest, ParagraphsStartCleanChunks) {
  const std::string first = "Diabetes is a chronic disease. It affects how the body turns food into energy.";
  const std::string second = "Hypertension means high blood pressure. It often has no symptoms.";
  const std::vector<TextChunk> chunks = chunk_text(first + "\n\n" + second, {100, 40});
  ASSERT_EQ(chunks.size(), 2u);
  EXPECT_EQ(chunks[0].text, first);
  EXPECT_EQ(chunks[1].text, second);  // no overlap across the paragraph break
}

TEST(TextChunkerTest, WrappedLinesStayInOneSentenceAndDecimalsStayWhole) {
  const std::vector<TextChunk> chunks =
      chunk_text("Take 2.5 mg\nonce a day. Then rest.", {12, 0});
  ASSERT_GE(chunks.size(), 2u);
  EXPECT_EQ(chunks[0].text.substr(0, 8), "Take 2.5");
}

TEST(TextChunkerTest, OverlongSentenceIsCutAtSpacesOrBetweenCharacters) {
  std::string english;
  for (int i = 0; i < 40; ++i) english += "word" + std::to_string(i) + " ";
  for (const TextChunk& chunk : chunk_text(english, {50, 10})) {
    EXPECT_LE(chars(chunk.text), 50u);
    EXPECT_TRUE(chunk.text.starts_with("word")) << chunk.text;  // cut between words
    EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(chunk.text.back()))) << chunk.text;
  }
  std::string han;
  for (int i = 0; i < 250; ++i) han += "痛";
  const std::vector<TextChunk> pieces = chunk_text(han, {100, 20});
  ASSERT_EQ(pieces.size(), 3u);
  size_t total = 0;
  for (const TextChunk& piece : pieces) {
    EXPECT_TRUE(data::is_valid_utf8(piece.text));
    total += chars(piece.text);
  }
  EXPECT_EQ(total, 250u);  // slices of one sentence do not overlap
}

TEST(TextChunkerTest, RejectsBadOptions) {
  EXPECT_THROW(chunk_text("a", {0, 0}), std::invalid_argument);
  EXPECT_THROW(chunk_text("a", {10, 10}), std::invalid_argument);
}

}  // namespace
}  // namespace medlora::chat
