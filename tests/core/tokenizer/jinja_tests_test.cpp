// Jinja2 tests (`is defined`, `is not none`, `is divisibleby 3`, ...).
#include <gtest/gtest.h>

#include "tests/core/tokenizer/jinja_test_support.h"

namespace medlora::tokenizer::jinja {
namespace {

using test::JinjaCase;

const JinjaCase kTests[] = {
    {"defined and undefined", R"J({{ x is defined }} {{ y is defined }} {{ y is undefined }} {{ m.k is defined }} {{ m.z is defined }})J", R"J({"x": null, "m": {"k": 0}})J", R"J(True False True True False)J"},
    {"none", R"J({{ x is none }} {{ x is not none }} {{ y is none }} {{ 0 is none }})J", R"J({"x": null})J", R"J(True False False False)J"},
    {"types", R"J({{ 'a' is string }} {{ 1 is string }} {{ {} is mapping }} {{ [] is mapping }} {{ [] is iterable }} {{ 'a' is iterable }} {{ 1 is iterable }} {{ [] is sequence }} {{ 1 is number }} {{ 1.5 is number }} {{ true is number }} {{ 1 is integer }} {{ 1.0 is integer }} {{ 1.0 is float }} {{ true is boolean }} {{ 1 is boolean }})J", R"J({})J", R"J(True False True False True True False True True True True True False True True False)J"},
    {"true and false", R"J({{ true is true }} {{ 1 is true }} {{ false is false }} {{ 0 is false }} {{ x is false }})J", R"J({"x": false})J", R"J(True False True False True)J"},
    {"comparison tests", R"J({{ 'a' is equalto 'a' }} {{ 1 is eq 2 }} {{ 1 is ne 2 }} {{ 1 is lt 2 }} {{ 2 is le 2 }} {{ 3 is gt 2 }} {{ 2 is ge 3 }} {{ 2 is greaterthan 1 }} {{ 2 is lessthan 1 }})J", R"J({})J", R"J(True False True True True True False True False)J"},
    {"numbers", R"J({{ 3 is odd }} {{ 3 is even }} {{ 9 is divisibleby 3 }} {{ 9 is divisibleby(4) }} {{ 0 is even }})J", R"J({})J", R"J(True False True False True)J"},
    {"in and callable", R"J({{ 2 is in [1, 2] }} {{ 'x' is in 'abc' }} {{ range is callable }} {{ 'a' is callable }} {{ 'a'.upper is callable }})J", R"J({})J", R"J(True False True False True)J"},
    {"sameas", R"J({{ none is sameas none }} {{ x is sameas false }} {{ 1 is sameas true }})J", R"J({"x": false})J", R"J(True True False)J"},
    {"lower and upper", R"J({{ 'abc' is lower }} {{ 'aBc' is lower }} {{ 'ABC' is upper }} {{ '12' is upper }})J", R"J({})J", R"J(True False True False)J"},
    {"test in a condition", R"J({% if m.tool_calls is defined and m.tool_calls is not none and m.tool_calls | length > 0 %}yes{% else %}no{% endif %})J", R"J({"m": {"tool_calls": [1]}})J", R"J(yes)J"},
    {"filter then test", R"J({{ xs | length is even }})J", R"J({"xs": [1, 2]})J", R"J(True)J"},
};

TEST(JinjaTests, Tests) { test::expect_cases(kTests, std::size(kTests)); }

TEST(JinjaTests, ATestNameMustBeAName) { EXPECT_THROW(Template("{{ 1 is == 1 }}"), TemplateError); }

TEST(JinjaTests, UnknownTestIsRejectedWhenParsed) {
  const TemplateError e = test::render_error("\n{% if x is frobnicated %}{% endif %}");
  EXPECT_EQ(e.line(), 2);
  EXPECT_NE(std::string(e.what()).find("unknown test \"frobnicated\""), std::string::npos);
}

}  // namespace
}  // namespace medlora::tokenizer::jinja
