// Jinja2's whitespace rules as HF configures them (trim_blocks, lstrip_blocks), comments, raw
// blocks, string literal escapes and line numbers.
#include <gtest/gtest.h>

#include "core/tokenizer/jinja/lexer.h"
#include "tests/core/tokenizer/jinja_test_support.h"

namespace medlora::tokenizer::jinja {
namespace {

using test::JinjaCase;

const JinjaCase kWhitespace[] = {
    {"trim_blocks eats the newline after a block tag", R"J(a{% if true %}
b{% endif %}
c)J", R"J({})J", R"J(abc)J"},
    {"trim_blocks keeps the newline after a print tag", R"J({{ 'a' }}
b)J", R"J({})J", R"J(a
b)J"},
    {"trim_blocks removes only one newline", R"J({% if true %}

x{% endif %})J", R"J({})J", R"J(
x)J"},
    {"lstrip_blocks strips indentation before a block tag", R"J(<
    {% if true %}
    x
    {% endif %}
>)J", R"J({})J", R"J(<
    x
>)J"},
    {"lstrip_blocks leaves indentation before a print tag", R"J(<
    {{ 'x' }}
>)J", R"J({})J", R"J(<
    x
>)J"},
    {"lstrip_blocks needs only whitespace before the tag on its line", R"J(a  {% if true %}b{% endif %})J", R"J({})J", R"J(a  b)J"},
    {"lstrip_blocks at the start of the template", R"J(   {% if true %}x{% endif %})J", R"J({})J", R"J(x)J"},
    {"plus sign disables lstrip", R"J(<
    {%+ if true %}x{% endif %})J", R"J({})J", R"J(<
    x)J"},
    {"plus sign on the end disables trim", R"J({% if true +%}
x{% endif %})J", R"J({})J", R"J(
x)J"},
    {"minus strips all whitespace before", R"J(a  
  {%- if true %}b{% endif %})J", R"J({})J", R"J(ab)J"},
    {"minus strips all whitespace after", R"J({% if true -%}  

  b{% endif %})J", R"J({})J", R"J(b)J"},
    {"print tag minus on both sides", R"J(a 
 {{- 'b' -}} 
 c)J", R"J({})J", R"J(abc)J"},
    {"comment is dropped and trims like a block", R"J(a
{# note #}
b)J", R"J({})J", R"J(a
b)J"},
    {"comment with minus", R"J(a {#- note -#} b)J", R"J({})J", R"J(ab)J"},
    {"raw keeps tags as text", R"J({% raw %}{{ x }}{% if %}{% endraw %})J", R"J({})J", R"J({{ x }}{% if %})J"},
    {"for loop lines", R"J({% for i in [1, 2] %}
  - {{ i }}
{% endfor %})J", R"J({})J", R"J(  - 1
  - 2
)J"},
    {"brace inside a print tag", R"J({{ {'a': {'b': 1}}['a']['b'] }})J", R"J({})J", R"J(1)J"},
};

const JinjaCase kLiterals[] = {
    {"escapes", R"J({{ 'a\nb\t\'q\' \"d\" \\ \x41\u00e9' }})J", R"J({})J", R"J(a
b	'q' "d" \ Aé)J"},
    {"unknown escape stays", R"J({{ 'a\qb' }})J", R"J({})J", R"J(a\qb)J"},
    {"double quoted", R"J({{ "it's" }})J", R"J({})J", R"J(it's)J"},
    {"adjacent strings join", R"J({{ 'a' 'b' "c" }})J", R"J({})J", R"J(abc)J"},
    {"non-ascii literal", R"J({{ '高血压' }})J", R"J({})J", R"J(高血压)J"},
    {"numbers", R"J({{ 1_000 }} {{ 2.5 }} {{ 1e3 }} {{ 0.1 }})J", R"J({})J", R"J(1000 2.5 1000.0 0.1)J"},
    {"%} inside a string", R"J({% set x = '%}' %}{{ x }})J", R"J({})J", R"J(%})J"},
};

TEST(JinjaLexer, WhitespaceRules) { test::expect_cases(kWhitespace, std::size(kWhitespace)); }
TEST(JinjaLexer, Literals) { test::expect_cases(kLiterals, std::size(kLiterals)); }

TEST(JinjaLexer, NewlinesAsJinja2NormalisesThem) {
  EXPECT_EQ(test::render("x\n"), "x");  // keep_trailing_newline is off
  EXPECT_EQ(test::render("x\n\n"), "x\n");
  EXPECT_EQ(test::render("a\r\nb\rc"), "a\nb\nc");
  EXPECT_EQ(test::render("<\n\t{% if true %}x{% endif %}"), "<\nx");
  EXPECT_EQ(test::render("{{ 'a\r\nb' }}"), "a\nb");
}

TEST(JinjaLexer, TokensCarryTheirLine) {
  const auto tokens = Lexer("a\n{{ x }}\n\n{% if y %}").tokenize();
  ASSERT_GE(tokens.size(), 6u);
  EXPECT_EQ(tokens[0].type, Token::Type::data);
  EXPECT_EQ(tokens[1].type, Token::Type::variable_begin);
  EXPECT_EQ(tokens[1].line, 2);
  EXPECT_EQ(tokens[2].value, "x");
  const auto it = std::find_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.value == "if"; });
  ASSERT_NE(it, tokens.end());
  EXPECT_EQ(it->line, 4);
}

TEST(JinjaLexer, UnclosedTagsAreErrorsWithTheirLine) {
  EXPECT_EQ(test::render_error("a\nb {{ x").line(), 2);
  EXPECT_NE(std::string(test::render_error("{# never closed").what()).find("comment"), std::string::npos);
  EXPECT_NE(std::string(test::render_error("{% raw %}x").what()).find("endraw"), std::string::npos);
  EXPECT_NE(std::string(test::render_error("{{ 'abc }}").what()).find("unterminated string"), std::string::npos);
}

TEST(JinjaLexer, DecodesStringLiteralsLikePython) {
  EXPECT_EQ(decode_string_literal(R"(\u4e2d\U0001F600\101)"), "\xe4\xb8\xad\xf0\x9f\x98\x80" "A");
  EXPECT_THROW(decode_string_literal(R"(\u12)"), TemplateError);
}

}  // namespace
}  // namespace medlora::tokenizer::jinja
