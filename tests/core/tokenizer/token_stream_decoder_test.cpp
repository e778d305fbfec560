#include "core/tokenizer/token_stream_decoder.h"

#include <gtest/gtest.h>

#include "core/tokenizer/tokenizer_error.h"
#include "tests/core/tokenizer/tokenizer_fixture.h"

namespace medlora::tokenizer {
namespace {

using test::encode_with_eos;
using test::trained_tokenizer;

std::string stream(const std::shared_ptr<const Tokenizer>& t, const std::vector<int64_t>& ids) {
  TokenStreamDecoder decoder(t);
  std::string out;
  for (const auto id : ids) out += decoder.push(id);
  return out + decoder.finish();
}

class TokenStreamDecoderTest : public ::testing::TestWithParam<std::string> {
 protected:
  std::shared_ptr<const Tokenizer> tok() const { return trained_tokenizer(GetParam()); }
};

TEST_P(TokenStreamDecoderTest, EqualsDecodeForEncodedTexts) {
  const auto t = tok();
  auto texts = test::medical_corpus(60, 3);
  texts.insert(texts.end(), {"", " ", "  leading", "尾部空格  ", "\xF0\x9D\x84\x9E", "龘龘 and 𝄞𝄞 mixed 鼗",
                             "x\xF0\x9D\x84\x9E y", "\n\n患者描述:头痛\n\n医生建议:"});
  for (const auto& text : texts) {
    const auto ids = encode_with_eos(*t, text);
    EXPECT_EQ(stream(t, ids), t->decode(ids)) << text;
    EXPECT_EQ(stream(t, ids), text);
  }
}

TEST_P(TokenStreamDecoderTest, KeepsTheLeadingSpaceOfLaterWords) {
  const auto t = tok();
  TokenStreamDecoder decoder(t);
  std::string out;
  std::vector<std::string> chunks;
  for (const auto id : t->encode("fever cough")) {
    chunks.push_back(decoder.push(id));
    out += chunks.back();
  }
  out += decoder.finish();
  EXPECT_EQ(out, "fever cough");
  bool some_chunk_starts_with_space = false;
  for (const auto& chunk : chunks) some_chunk_starts_with_space |= !chunk.empty() && chunk.front() == ' ';
  EXPECT_TRUE(some_chunk_starts_with_space);
}

TEST_P(TokenStreamDecoderTest, HoldsBackIncompleteCharacters) {
  const auto t = tok();
  const auto ids = t->encode("\xF0\x9D\x84\x9E", false);  // ▁ then four byte pieces
  ASSERT_GE(ids.size(), 4u);
  TokenStreamDecoder decoder(t);
  std::string out;
  for (size_t i = 0; i + 1 < ids.size(); ++i) {
    const auto chunk = decoder.push(ids[i]);
    EXPECT_EQ(chunk.find("\xEF\xBF\xBD"), std::string::npos) << "replacement character leaked at " << i;
    out += chunk;
  }
  EXPECT_EQ(out, "");
  EXPECT_EQ(decoder.push(ids.back()), "\xF0\x9D\x84\x9E");
  EXPECT_EQ(decoder.finish(), "");
}

TEST_P(TokenStreamDecoderTest, FinishFlushesATruncatedCharacterLikeDecode) {
  const auto t = tok();
  auto ids = t->encode("患者龘", false);
  ids.pop_back();  // cut the last byte piece of 龘
  TokenStreamDecoder decoder(t);
  std::string out;
  for (const auto id : ids) out += decoder.push(id);
  EXPECT_EQ(out, "患者");
  out += decoder.finish();
  EXPECT_EQ(out, t->decode(ids));
  EXPECT_NE(out.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST_P(TokenStreamDecoderTest, EqualsDecodeForRandomSequences) {
  const auto t = tok();
  test::Lcg random(2024);
  const int64_t bytes_begin = 3, bytes_end = 3 + 256;
  for (int trial = 0; trial < 400; ++trial) {
    std::vector<int64_t> ids;
    const size_t length = random.below(24);
    for (size_t i = 0; i < length; ++i) {
      const auto roll = random.below(10);
      if (roll < 4) {
        ids.push_back(bytes_begin + static_cast<int64_t>(random.below(256)));  // any byte piece
      } else if (roll < 5) {
        ids.push_back(static_cast<int64_t>(random.below(3)));  // <unk>, <s>, </s>
      } else {
        ids.push_back(bytes_end + static_cast<int64_t>(random.below(static_cast<size_t>(t->vocab_size() - bytes_end))));
      }
    }
    ASSERT_EQ(stream(t, ids), t->decode(ids)) << "trial " << trial;
  }
}

TEST_P(TokenStreamDecoderTest, StartsOverAfterFinish) {
  const auto t = tok();
  TokenStreamDecoder decoder(t);
  std::string first;
  for (const auto id : t->encode("headache")) first += decoder.push(id);
  first += decoder.finish();
  std::string second;
  for (const auto id : t->encode("headache")) second += decoder.push(id);
  second += decoder.finish();
  EXPECT_EQ(first, "headache");
  EXPECT_EQ(second, "headache");
}

TEST_P(TokenStreamDecoderTest, RejectsIdsOutsideTheVocabulary) {
  TokenStreamDecoder decoder(tok());
  EXPECT_THROW(decoder.push(100000), TokenizerError);
}

INSTANTIATE_TEST_SUITE_P(BothModelTypes, TokenStreamDecoderTest, ::testing::Values("bpe", "unigram"));

}  // namespace
}  // namespace medlora::tokenizer
