// The shared UTF-8 helpers: the trusting walk (next_code_point, a bad byte is its own value),
// the checking decode (a bad sequence is U+FFFD, one byte consumed), encoding, counting.
#include "core/io/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace medlora::io::utf8 {
namespace {

TEST(Utf8, NextCodePointWalksValidTextAndPassesBadBytesThrough) {
  const std::string text = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80";
  size_t pos = 0;
  EXPECT_EQ(next_code_point(text, pos), U'a');
  EXPECT_EQ(next_code_point(text, pos), U'\u00E9');
  EXPECT_EQ(next_code_point(text, pos), U'\u4E2D');
  EXPECT_EQ(next_code_point(text, pos), U'\U0001F600');
  EXPECT_EQ(pos, text.size());
  size_t start = 0;
  EXPECT_EQ(previous_code_point(text, text.size(), &start), U'\U0001F600');
  EXPECT_EQ(start, 6u);
  const std::string bad = "\x80\xE4\xB8";  // a stray continuation byte, then a truncated sequence
  pos = 0;
  EXPECT_EQ(next_code_point(bad, pos), char32_t{0x80});
  EXPECT_EQ(pos, 1u);
  EXPECT_EQ(next_code_point(bad, pos), char32_t{0xE4});
  EXPECT_EQ(pos, 2u);
}

TEST(Utf8, DecodeReplacesEachBadByte) {
  const std::string text = "\xC3\xA9\xC0\xAF\xED\xA0\x80\xE4\xB8";  // é, overlong '/', a surrogate, truncated
  size_t pos = 0;
  bool valid = true;
  EXPECT_EQ(decode(text, pos, &valid), U'\u00E9');
  EXPECT_TRUE(valid);
  std::u32string rest;
  while (pos < text.size()) rest += decode(text, pos, &valid);
  EXPECT_FALSE(valid);
  EXPECT_EQ(rest, std::u32string(7, kReplacement));
}

TEST(Utf8, EncodesAndCounts) {
  EXPECT_EQ(encode(U"a\u00E9\u4E2D\U0001F600"), "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80");
  std::string out;
  append(out, 0x7F);
  append(out, 0x80);
  append(out, 0x7FF);
  append(out, 0x800);
  append(out, 0xFFFF);
  append(out, 0x10000);
  EXPECT_EQ(out, "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80");
  EXPECT_EQ(count_code_points("a\xC3\xA9\xE4\xB8\xAD"), 3u);
  EXPECT_EQ(count_code_points("\xFF\xFE"), 2u);  // an invalid byte counts as one
}

TEST(Utf8, ValidSequenceLengthGivesTheMaximalInvalidSubpart) {
  size_t bad = 0;
  EXPECT_EQ(valid_sequence_length("\xF0\x9F\x98\x80", 0, &bad), 4u);
  EXPECT_EQ(valid_sequence_length("\xF0\x9F\x98", 0, &bad), 0u);
  EXPECT_EQ(bad, 3u);
  EXPECT_EQ(valid_sequence_length("\xE0\x80\x80", 0, &bad), 0u);  // overlong: the second byte is out of range
  EXPECT_EQ(bad, 1u);
  EXPECT_EQ(lossy("\xF0\x9F\x98" "a"), "\xEF\xBF\xBD" "a");
  EXPECT_EQ(find_invalid("ok\xF4\x90\x80\x80"), 2u);  // past U+10FFFF
}

}  // namespace
}  // namespace medlora::io::utf8
