#include <gtest/gtest.h>

#include <QByteArray>
#include <QString>
#include <QStringEncoder>

#include <stdexcept>
#include <string>

#include "core/data/text_encoding.h"

namespace {

using namespace medlora::data;

std::string to_gb18030(const std::string& utf8) {
  QStringEncoder encoder("GB18030");
  EXPECT_TRUE(encoder.isValid()) << "Qt has no GB18030 encoder (built without ICU?)";
  const QByteArray bytes = encoder.encode(QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size())));
  return std::string(bytes.constData(), static_cast<size_t>(bytes.size()));
}

TEST(TextEncoding, ParsesNamesAndRejectsUnknownOnes) {
  EXPECT_EQ(parse_text_encoding("auto"), TextEncoding::Auto);
  EXPECT_EQ(parse_text_encoding("UTF-8"), TextEncoding::Utf8);
  EXPECT_EQ(parse_text_encoding("utf8"), TextEncoding::Utf8);
  EXPECT_EQ(parse_text_encoding("gb18030"), TextEncoding::Gb18030);
  EXPECT_EQ(parse_text_encoding("GBK"), TextEncoding::Gb18030);
  EXPECT_THROW(parse_text_encoding("latin1"), std::invalid_argument);
}

TEST(TextEncoding, ValidatesUtf8Strictly) {
  EXPECT_TRUE(is_valid_utf8("plain ascii, long enough to use the 8-byte path"));
  EXPECT_TRUE(is_valid_utf8("头痛发热 \xF0\x9F\x98\x80"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("abc\xE5\xA4"));       // truncated at the end
  EXPECT_FALSE(is_valid_utf8("abcdefgh\xFF"));
}

TEST(TextEncoding, StripsTheUtf8Bom) {
  TextEncoding detected = TextEncoding::Auto;
  EXPECT_EQ(decode_to_utf8("\xEF\xBB\xBFinput,output\n", TextEncoding::Auto, &detected), "input,output\n");
  EXPECT_EQ(detected, TextEncoding::Utf8);
  EXPECT_EQ(decode_to_utf8("\xEF\xBB\xBF问题", TextEncoding::Utf8), "问题");
}

TEST(TextEncoding, DetectsGb18030AndDecodesItToUtf8) {
  const std::string text = "问题,答案\n头痛三天伴发热怎么办？,建议就诊内科，监测体温。\n";
  const std::string gb = to_gb18030(text);
  ASSERT_NE(gb, text);
  ASSERT_FALSE(is_valid_utf8(gb));
  TextEncoding detected = TextEncoding::Auto;
  EXPECT_EQ(decode_to_utf8(gb, TextEncoding::Auto, &detected), text);
  EXPECT_EQ(detected, TextEncoding::Gb18030);
  EXPECT_EQ(decode_to_utf8(gb, TextEncoding::Gb18030, &detected), text);
}

TEST(TextEncoding, Gb18030FourByteCharactersSurvive) {
  const std::string text = "罕见字\xF0\xA0\x80\x80与€";  // U+20000 and the euro sign need 4-byte GB18030
  EXPECT_EQ(decode_to_utf8(to_gb18030(text), TextEncoding::Gb18030), text);
}

TEST(TextEncoding, ExplicitUtf8RejectsOtherBytesNamingTheOffset) {
  const std::string gb = "ok " + to_gb18030("中文");
  try {
    decode_to_utf8(gb, TextEncoding::Utf8);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("byte 3"), std::string::npos) << e.what();
  }
}

}  // namespace

namespace {

TEST(TextEncoding, BytesThatAreNeitherUtf8NorGb18030AreRefused) {
  // 0xFF never starts a GB18030 character; 0x81 0x30 0x81 0x7F is a truncated 4-byte sequence.
  EXPECT_THROW(medlora::data::decode_to_utf8("ok \xFF\xFF", medlora::data::TextEncoding::Auto), std::runtime_error);
  EXPECT_THROW(medlora::data::decode_to_utf8("\x81\x30\x81\x7F", medlora::data::TextEncoding::Gb18030),
               std::runtime_error);
}

}  // namespace
