// read_json: template variables as Python's json.loads gives them (key order kept, 1 an int and
// 1.0 a float, the last of repeated keys wins in the first one's place), errors naming what.
#include "core/tokenizer/jinja/json_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer::jinja {
namespace {

TEST(JinjaJsonReader, KeepsKeyOrderAndIntVersusFloat) {
  const Value v = read_json(R"({"z": 1, "a": 1.0, "m": [2, -3, 1e2, -0], "t": true, "n": null})", "test");
  ASSERT_TRUE(v.is_mapping());
  const auto& entries = v.entries().entries;
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_EQ(entries[0].first.str(), "z");
  EXPECT_EQ(entries[1].first.str(), "a");
  EXPECT_EQ(entries[4].first.str(), "n");
  EXPECT_EQ(entries[0].second.kind(), Value::Kind::integer);
  EXPECT_EQ(entries[1].second.kind(), Value::Kind::floating);
  const Value& m = entries[2].second;
  ASSERT_TRUE(m.is_list());
  EXPECT_EQ(m.items()[0].kind(), Value::Kind::integer);
  EXPECT_EQ(m.items()[1].kind(), Value::Kind::integer);
  EXPECT_EQ(m.items()[2].kind(), Value::Kind::floating);
  EXPECT_EQ(m.items()[3].kind(), Value::Kind::integer);
  EXPECT_EQ(entries[3].second.kind(), Value::Kind::boolean);
  EXPECT_TRUE(entries[4].second.is_none());
}

TEST(JinjaJsonReader, LastRepeatedKeyWinsInFirstPlace) {
  const Value v = read_json(R"({"a": 1, "b": 2, "a": 3})", "test");
  const auto& entries = v.entries().entries;
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].first.str(), "a");
  EXPECT_EQ(entries[0].second.as_int(), 3);
  EXPECT_EQ(entries[1].first.str(), "b");
}

TEST(JinjaJsonReader, IntegersPastInt64BecomeFloats) {
  const Value v = read_json("[9223372036854775807, 9223372036854775808, -9223372036854775808, 123456789012345678901234]", "test");
  const auto& items = v.items();
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].kind(), Value::Kind::integer);
  EXPECT_EQ(items[0].as_int(), INT64_MAX);
  EXPECT_EQ(items[1].kind(), Value::Kind::floating);
  EXPECT_EQ(items[1].as_double(), 9223372036854775808.0);
  EXPECT_EQ(items[2].kind(), Value::Kind::integer);
  EXPECT_EQ(items[2].as_int(), INT64_MIN);
  EXPECT_EQ(items[3].kind(), Value::Kind::floating);
}

TEST(JinjaJsonReader, DecodesEscapesAndSurrogatePairs) {
  const Value v = read_json(R"(["\u00e9\u4e2d \ud83d\ude00", "a\"b\\c\/\n\t", "头痛"])", "test");
  EXPECT_EQ(v.items()[0].str(), "\xC3\xA9\xE4\xB8\xAD \xF0\x9F\x98\x80");
  EXPECT_EQ(v.items()[1].str(), "a\"b\\c/\n\t");
  EXPECT_EQ(v.items()[2].str(), "头痛");
}

TEST(JinjaJsonReader, ValuesAreData) {
  const Value v = read_json(R"({"s": "<b>"})", "test");
  EXPECT_FALSE(v.entries().entries[0].second.is_markup());
}

TEST(JinjaJsonReader, MalformedJsonNamesWhatAndWhere) {
  for (const char* bad : {"[1,}", "{\"a\" 1}", "[1] x", "", "\"\\ud800\"", "\"a\tb\"", "\"\xFF\"", "01"}) {
    SCOPED_TRACE(bad);
    try {
      read_json(bad, "chat messages");
      ADD_FAILURE() << "accepted";
    } catch (const TokenizerError& error) {
      const std::string message = error.what();
      EXPECT_EQ(message.rfind("chat messages: invalid JSON: ", 0), 0u) << message;
      EXPECT_NE(message.find("line 1, column"), std::string::npos) << message;
    }
  }
}

TEST(JinjaJsonReader, BoundsNesting) {
  EXPECT_NO_THROW(read_json(std::string(200, '[') + std::string(200, ']'), "test"));
  EXPECT_THROW(read_json(std::string(300, '[') + std::string(300, ']'), "test"), TokenizerError);
}

}  // namespace
}  // namespace medlora::tokenizer::jinja
