#include <gtest/gtest.h>

#include <string>

#include "core/data/json_record_parser.h"

namespace {

using medlora::data::parse_json_record;
namespace json = medlora::io::json;

TEST(JsonRecordParser, ParsesObjectsArraysAndScalars) {
  const json::Value v = parse_json_record(
      R"( {"a": "x", "n": -12.5e3, "t": true, "f": false, "z": null, "list": [1, {"b": []}], "e": {}} )");
  ASSERT_TRUE(v.is_object());
  ASSERT_EQ(v.object.size(), 7u);
  EXPECT_EQ(v.find("a")->text, "x");
  EXPECT_EQ(v.find("n")->text, "-12.5e3");
  EXPECT_TRUE(v.find("t")->boolean);
  EXPECT_EQ(v.find("z")->kind, json::Value::Kind::Null);
  ASSERT_TRUE(v.find("list")->is_array());
  EXPECT_TRUE(v.find("list")->array[1].find("b")->is_array());
}

TEST(JsonRecordParser, DecodesEscapesAndSurrogatePairs) {
  const json::Value v = parse_json_record(R"(["q\"uote\\back\/slash\n\t\u00e9\u4e2d\ud83d\ude00 plain 中文"])");
  EXPECT_EQ(v.array[0].text, "q\"uote\\back/slash\n\t\xC3\xA9中\xF0\x9F\x98\x80 plain 中文");
}

TEST(JsonRecordParser, RepeatedKeysAreKeptInOrder) {
  const json::Value v = parse_json_record(R"({"k": "first", "k": "second"})");
  ASSERT_EQ(v.object.size(), 2u);
  EXPECT_EQ(v.find("k")->text, "first");
}

TEST(JsonRecordParser, RejectsBrokenJsonWithTheOffset) {
  auto offset_of = [](const std::string& text) -> size_t {
    try {
      parse_json_record(text);
    } catch (const json::JsonError& e) {
      return e.offset();
    }
    ADD_FAILURE() << "accepted: " << text;
    return 0;
  };
  EXPECT_EQ(offset_of(R"({"a": 1 "b": 2})"), 8u);
  EXPECT_EQ(offset_of(R"({"a": "unterminated)"), 19u);  // where the text ran out
  EXPECT_EQ(offset_of("{\"a\": \"raw\nnewline\"}"), 10u);
  EXPECT_EQ(offset_of(R"(["\ud800x"])"), 8u);
  EXPECT_EQ(offset_of(R"([01])"), 2u);
  EXPECT_EQ(offset_of(R"([1.])"), 3u);
  EXPECT_EQ(offset_of(R"({"a": tru})"), 6u);
  EXPECT_EQ(offset_of(R"({} {})"), 3u);
  EXPECT_EQ(offset_of(std::string(100, '[') + std::string(100, ']')), 64u);
  EXPECT_EQ(offset_of(R"(["bad \x escape"])"), 7u);
}

}  // namespace
