#include <gtest/gtest.h>

#include <string>

#include "core/data/json_record_parser.h"
#include "core/io/json_lite.h"

namespace {

namespace json = medlora::io::json;

// Both parsers decode string escapes through io/json_escape.h: same text, same error, same byte.
std::string outcome(json::Value (*parse)(std::string_view), const std::string& text) {
  try {
    return "ok:" + parse(text).array.at(0).text;
  } catch (const json::JsonError& e) {
    return "error@" + std::to_string(e.offset()) + ": " + e.what();
  }
}

json::Value strict(std::string_view text) { return json::parse(text); }

TEST(JsonEscapes, StrictAndRecordParsersAgree) {
  for (const std::string text : {R"(["\u00e9\ud83d\ude00\/\b\f\r"])", R"(["\q"])", R"(["\u12"])",
                                 R"(["\u12g4"])", R"(["\ude00"])", R"(["\ud83dx"])", R"(["\ud83d\u0041"])",
                                 R"(["\)"}) {
    EXPECT_EQ(outcome(strict, text), outcome(medlora::data::parse_json_record, text)) << text;
  }
  EXPECT_EQ(outcome(strict, R"(["\u00e9\ud83d\ude00"])"), "ok:\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(outcome(strict, R"(["\ude00"])"), "error@3: lone low surrogate in \\u escape at byte 3");
  EXPECT_EQ(outcome(strict, R"(["\u12g4"])"), "error@6: invalid hex digit in \\u escape at byte 6");
}

}  // namespace
