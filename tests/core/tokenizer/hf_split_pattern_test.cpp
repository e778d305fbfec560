// HF's split behaviors on its own documentation example, invert, per-character patterns, ICU
// regexes with \p{..} and look-ahead (offsets back in UTF-8 bytes), and Rust's lossy UTF-8.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/io/utf8.h"
#include "core/tokenizer/hf/split_pattern.h"
#include "core/tokenizer/hf/utf8_text.h"

namespace medlora::tokenizer::hf {
namespace {

std::vector<std::string> pieces(const std::string& text, const SplitPattern& p, SplitBehavior b, bool invert = false) {
  std::vector<std::string> out;
  for (const auto& s : split_segments(p.find_matches(text), b, invert)) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

using V = std::vector<std::string>;

TEST(SplitPattern, BehaviorsAsHfDocumentsThem) {
  const std::string text = "the-final--countdown";
  const auto dash = SplitPattern::literal("-");
  EXPECT_EQ(pieces(text, dash, SplitBehavior::removed), (V{"the", "final", "countdown"}));
  EXPECT_EQ(pieces(text, dash, SplitBehavior::isolated), (V{"the", "-", "final", "-", "-", "countdown"}));
  EXPECT_EQ(pieces(text, dash, SplitBehavior::merged_with_previous), (V{"the-", "final-", "-", "countdown"}));
  EXPECT_EQ(pieces(text, dash, SplitBehavior::merged_with_next), (V{"the", "-final", "-", "-countdown"}));
  EXPECT_EQ(pieces(text, dash, SplitBehavior::contiguous), (V{"the", "-", "final", "--", "countdown"}));
  EXPECT_EQ(pieces(text, dash, SplitBehavior::removed, true), (V{"-", "-", "-"}));
}

TEST(SplitPattern, RegexOffsetsAreUtf8Bytes) {
  const auto re = SplitPattern::regex(R"(\p{L}+|\p{N}|\s+(?!\S)|\s+)", "test");
  EXPECT_EQ(pieces("血压 120  mmHg😀", re, SplitBehavior::isolated), (V{"血压", " ", "1", "2", "0", " ", " ", "mmHg", "😀"}));
}

TEST(SplitPattern, PerCharacterPredicates) {
  const auto digits = SplitPattern::per_char(is_rust_numeric);
  EXPECT_EQ(pieces("ab12c3", digits, SplitBehavior::contiguous), (V{"ab", "12", "c", "3"}));
  EXPECT_EQ(pieces("a\xE2\x91\xA0" "b", digits, SplitBehavior::isolated), (V{"a", "\xE2\x91\xA0", "b"}));  // ① is No
  const auto space = SplitPattern::per_char(is_rust_whitespace);
  EXPECT_EQ(pieces("a\xE3\x80\x80" "b\tc", space, SplitBehavior::removed), (V{"a", "b", "c"}));
}

TEST(SplitPattern, EmptyTextIsOneEmptyGap) {
  const auto m = SplitPattern::literal("x").find_matches("");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_FALSE(m[0].is_match);
  EXPECT_TRUE(split_segments(m, SplitBehavior::isolated, false).empty());
}

TEST(Utf8Text, LossyDecodingReplacesMaximalSubparts) {
  EXPECT_EQ(io::utf8::lossy("ok"), "ok");
  EXPECT_EQ(io::utf8::lossy("a\xE4\xB8" "b"), "a\xEF\xBF\xBD" "b");  // one truncated sequence, one U+FFFD
  EXPECT_EQ(io::utf8::lossy("\xFF\xFE"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(io::utf8::lossy("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate: three
  EXPECT_EQ(io::utf8::find_invalid("中文"), std::string::npos);
  EXPECT_EQ(io::utf8::find_invalid("ab\xC3"), 2u);
}

}  // namespace
}  // namespace medlora::tokenizer::hf
