// Undefined values behave as Jinja2's default Undefined (print empty, iterate empty, fail
// when read from or computed with), and every failure is a TemplateError naming its line.
#include <gtest/gtest.h>

#include "tests/core/tokenizer/jinja_test_support.h"

namespace medlora::tokenizer::jinja {
namespace {

std::string message(std::string_view source, std::string_view variables = "{}") {
  return test::render_error(source, variables).what();
}

TEST(JinjaErrors, UndefinedPrintsEmptyAndIteratesEmpty) {
  EXPECT_EQ(test::render("[{{ x }}]{% for i in x %}no{% endfor %}[{{ x | length }}]"), "[][0]");
  EXPECT_EQ(test::render("{{ x ~ 'a' }}"), "a");
}

TEST(JinjaErrors, ReadingFromUndefinedFails) {
  EXPECT_EQ(message("\n{{ m.a.b }}", R"({"m": {}})"), "chat template line 2: 'dict object' has no attribute 'a'");
  EXPECT_EQ(message("{{ x.y }}"), "chat template line 1: 'x' is undefined");
  EXPECT_EQ(message("{{ x['y'] }}"), "chat template line 1: 'x' is undefined");
}

TEST(JinjaErrors, ComputingWithUndefinedFails) {
  EXPECT_EQ(message("{{ x + 'a' }}"), "chat template line 1: 'x' is undefined");
  EXPECT_THROW(test::render("{{ x < 1 }}"), TemplateError);
  EXPECT_THROW(test::render("{{ -x }}"), TemplateError);
  EXPECT_THROW(test::render("{{ x() }}"), TemplateError);
}

TEST(JinjaErrors, TypeErrorsNameTheTypes) {
  EXPECT_EQ(message("{{ 'a' + 1 }}"), "chat template line 1: unsupported operand types for +: 'str' and 'int'");
  EXPECT_EQ(message("{{ 1 < 'a' }}"), "chat template line 1: '<' is not supported between 'int' and 'str'");
  EXPECT_EQ(message("{{ 'a'() }}"), "chat template line 1: 'str' object is not callable");
  EXPECT_EQ(message("{% for x in 5 %}{% endfor %}"), "chat template line 1: 'int' object is not iterable");
  EXPECT_EQ(message("{{ 1 / 0 }}"), "chat template line 1: division by zero");
  EXPECT_EQ(message("{{ 1 in 'abc' }}"), "chat template line 1: 'in <string>' requires a string on the left, not 'int'");
}

TEST(JinjaErrors, RaiseExceptionStopsTheRender) {
  EXPECT_EQ(message("a\n{{ raise_exception('Roles must alternate') }}"),
            "chat template line 2: the template refused the conversation: Roles must alternate");
}

TEST(JinjaErrors, SyntaxErrorsNameTheConstructAndLine) {
  EXPECT_EQ(message("{% if x %}\nno end"), "chat template line 1: \"if\" is never closed (expected \"endif\")");
  EXPECT_EQ(message("\n\n{% endfor %}"), "chat template line 3: unexpected \"endfor\" (no open block it could close)");
  EXPECT_EQ(message("{% include 'x.jinja' %}"), "chat template line 1: unknown tag \"include\"");
  EXPECT_EQ(message("{% extends 'base' %}"), "chat template line 1: unknown tag \"extends\"");
  EXPECT_EQ(message("{{ x | }}"), "chat template line 1: expected a name, found \"}}\"");
  EXPECT_EQ(message("{{ 1 + }}"), "chat template line 1: unexpected \"}}\" in an expression");
  EXPECT_EQ(message("{{ (1 + }}"), "chat template line 1: missing end of print tag \"}}\"");
  EXPECT_EQ(message("{% for x in xs recursive %}{% endfor %}"), "chat template line 1: recursive for loops are not supported");
  EXPECT_EQ(message("{{ f(*args) }}"), "chat template line 1: *args and **kwargs in calls are not supported");
  EXPECT_EQ(message("{% set x %}"), "chat template line 1: \"set\" is never closed (expected \"endset\")");
}

TEST(JinjaErrors, HostileTemplatesFailCleanly) {
  EXPECT_NE(message("{{ " + std::string(5000, '(') + "1" + std::string(5000, ')') + " }}").find("nested too deeply"), std::string::npos);
  std::string blocks;
  for (int i = 0; i < 300; ++i) blocks += "{% if true %}";
  EXPECT_NE(message(blocks).find("nested too deeply"), std::string::npos);
  EXPECT_NE(message("{{ 'ab' * 100000000 }}").find("too large"), std::string::npos);
  EXPECT_NE(message("{{ range(1000000) | length }}").find("too long"), std::string::npos);
  EXPECT_NE(message(std::string("{{ ") + std::string(100000, '-') + "1 }}").find("unary"), std::string::npos);
}

TEST(JinjaErrors, ErrorsAreTokenizerErrors) {
  try {
    test::render("{{ x.y }}");
    FAIL();
  } catch (const TokenizerError& e) {
    EXPECT_NE(std::string(e.what()).find("chat template line 1"), std::string::npos);
  }
}

TEST(JinjaErrors, MacroArgumentErrors) {
  EXPECT_EQ(message("{% macro f(a) %}{% endmacro %}{{ f(1, 2) }}"), "chat template line 1: macro \"f\" takes at most 1 arguments, 2 given");
  EXPECT_EQ(message("{% macro f(a) %}{% endmacro %}{{ f(b=1) }}"), "chat template line 1: macro \"f\" has no parameter \"b\"");
  EXPECT_NE(message("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}").find("too deeply"), std::string::npos);
}

}  // namespace
}  // namespace medlora::tokenizer::jinja
