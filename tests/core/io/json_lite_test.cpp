#include "core/io/json_lite.h"

#include <gtest/gtest.h>

namespace medlora::io::json {
namespace {

TEST(JsonLite, ParsesNestedValues) {
  const Value v = parse(R"( {"a": [1, -2.5e3, true, false, null], "b": {"c": "x\ny"}} )");
  ASSERT_TRUE(v.is_object());
  const Value* a = v.find("a");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->array.size(), 5u);
  EXPECT_EQ(a->array[0].text, "1");
  EXPECT_EQ(a->array[1].text, "-2.5e3");
  EXPECT_TRUE(a->array[2].boolean);
  EXPECT_EQ(a->array[4].kind, Value::Kind::Null);
  EXPECT_EQ(v.find("b")->find("c")->text, "x\ny");
  EXPECT_EQ(v.find("missing"), nullptr);
}

TEST(JsonLite, KeepsDocumentOrder) {
  const Value v = parse(R"({"z":1,"a":2,"m":3})");
  ASSERT_EQ(v.object.size(), 3u);
  EXPECT_EQ(v.object[0].key, "z");
  EXPECT_EQ(v.object[2].key, "m");
}

TEST(JsonLite, RejectsDuplicateKeysWithDepth) {
  try {
    parse(R"({"a":{"x":1,"x":2}})");
    FAIL();
  } catch (const JsonError& e) {
    EXPECT_EQ(e.duplicate_key(), "x");
    EXPECT_EQ(e.depth(), 2u);
  }
  try {
    parse(R"({"a":1,"a":1})");
    FAIL();
  } catch (const JsonError& e) {
    EXPECT_EQ(e.duplicate_key(), "a");
    EXPECT_EQ(e.depth(), 1u);
  }
}

TEST(JsonLite, ExactUnsignedIntegers) {
  EXPECT_EQ(parse("18446744073709551615").as_u64(), UINT64_MAX);
  EXPECT_FALSE(parse("18446744073709551616").as_u64().has_value());
  EXPECT_FALSE(parse("-1").as_u64().has_value());
  EXPECT_FALSE(parse("1.0").as_u64().has_value());
  EXPECT_FALSE(parse("1e3").as_u64().has_value());
  EXPECT_FALSE(parse("\"1\"").as_u64().has_value());
  EXPECT_EQ(parse("0").as_u64(), 0u);
}

TEST(JsonLite, DecodesEscapesAndSurrogates) {
  EXPECT_EQ(parse(R"("\u00e9\ud83d\ude00\/\t")").text, "\xC3\xA9\xF0\x9F\x98\x80/\t");
  EXPECT_THROW(parse(R"("\ud83d")"), JsonError);
  EXPECT_THROW(parse(R"("\ude00")"), JsonError);
  EXPECT_THROW(parse(R"("\x")"), JsonError);
}

TEST(JsonLite, RejectsMalformedText) {
  for (const char* bad : {"", "{", "{\"a\"}", "{\"a\":}", "[1,]", "{\"a\":1,}", "01", "-", "1.", "tru",
                          "{\"a\":1} x", "\"abc", "{a:1}", "[1 2]", "\"\x01\"", "\"\xC3\"", "\"\xC0\xAF\"",
                          "\"\xED\xA0\x80\"", "nul"}) {
    EXPECT_THROW(parse(bad), JsonError) << "accepted: " << bad;
  }
}

TEST(JsonLite, DepthIsLimitedWithoutStackOverflow) {
  const std::string deep(100000, '[');
  EXPECT_THROW(parse(deep), JsonError);
  std::string ok(64, '[');
  ok += std::string(64, ']');
  EXPECT_NO_THROW(parse(ok));
  std::string too_deep(65, '[');
  too_deep += std::string(65, ']');
  EXPECT_THROW(parse(too_deep), JsonError);
}

TEST(JsonLite, QuoteRoundTrips) {
  const std::string raw = "a\"b\\c\n\x01 \xC3\xA9";
  EXPECT_EQ(parse(quote(raw)).text, raw);
  EXPECT_EQ(quote("x\"y"), "\"x\\\"y\"");
}

}  // namespace
}  // namespace medlora::io::json
