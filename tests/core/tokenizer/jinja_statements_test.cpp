// Statements: for (else, unpacking, loop filter, loop variables, break/continue), if/elif/
// else, set (namespace attributes, block set), macros (defaults, caller), call and filter
// blocks, and Jinja2's scoping (a for body is a scope, an if is not).
#include <gtest/gtest.h>

#include "tests/core/tokenizer/jinja_test_support.h"

namespace medlora::tokenizer::jinja {
namespace {

using test::JinjaCase;

const JinjaCase kFor[] = {
    {"simple", R"J({% for x in xs %}[{{ x }}]{% endfor %})J", R"J({"xs": [1, "a", null]})J", R"J([1][a][None])J"},
    {"else when empty", R"J({% for x in [] %}{{ x }}{% else %}none{% endfor %})J", R"J({})J", R"J(none)J"},
    {"else when undefined", R"J({% for x in missing %}{{ x }}{% else %}none{% endfor %})J", R"J({})J", R"J(none)J"},
    {"else skipped", R"J({% for x in [1] %}{{ x }}{% else %}none{% endfor %})J", R"J({})J", R"J(1)J"},
    {"unpacking items()", R"J({% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %})J", R"J({"d": {"b": 1, "a": 2}})J", R"J(b=1;a=2;)J"},
    {"dict iterates keys", R"J({% for k in d %}{{ k }}{% endfor %})J", R"J({"d": {"x": 1, "y": 2}})J", R"J(xy)J"},
    {"string iterates characters", R"J({% for c in '高血压' %}{{ c }}|{% endfor %})J", R"J({})J", R"J(高|血|压|)J"},
    {"loop filter", R"J({% for x in range(10) if x is odd %}{{ x }}{% endfor %})J", R"J({})J", R"J(13579)J"},
    {"loop filter counts filtered items", R"J({% for x in range(6) if x > 2 %}{{ loop.index }}/{{ loop.length }}{{ ',' if not loop.last }}{% endfor %})J", R"J({})J", R"J(1/3,2/3,3/3)J"},
    {"loop variables", R"J({% for x in 'abc' %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }} {% endfor %})J", R"J({})J", R"J(1032TrueFalse3 2121FalseFalse3 3210FalseTrue3 )J"},
    {"previtem and nextitem", R"J({% for x in [1, 2, 3] %}{{ loop.previtem is defined }}{{ loop.previtem }}-{{ loop.nextitem }};{% endfor %})J", R"J({})J", R"J(False-2;True1-3;True2-;)J"},
    {"cycle", R"J({% for x in range(5) %}{{ loop.cycle('a', 'b') }}{% endfor %})J", R"J({})J", R"J(ababa)J"},
    {"nested loops shadow loop", R"J({% for a in [1, 2] %}{% for b in 'xy' %}{{ loop.index }}{% endfor %}{{ loop.index }};{% endfor %})J", R"J({})J", R"J(121;122;)J"},
    {"break", R"J({% for x in range(10) %}{% if x == 3 %}{% break %}{% endif %}{{ x }}{% endfor %})J", R"J({})J", R"J(012)J"},
    {"continue", R"J({% for x in range(5) %}{% if x is even %}{% continue %}{% endif %}{{ x }}{% endfor %})J", R"J({})J", R"J(13)J"},
    {"reversed with slice", R"J({% for m in ms[::-1] %}{{ m.role }}{% endfor %})J", R"J({"ms": [{"role": "a"}, {"role": "b"}]})J", R"J(ba)J"},
    {"loop over tuple literal", R"J({% for a, b in [(1, 2), (3, 4)] %}{{ a + b }}{% endfor %})J", R"J({})J", R"J(37)J"},
};

const JinjaCase kIf[] = {
    {"if", R"J({% if x %}yes{% endif %})J", R"J({"x": 1})J", R"J(yes)J"},
    {"elif chain", R"J({% for v in [0, 1, 2] %}{% if v == 0 %}zero{% elif v == 1 %}one{% else %}many{% endif %} {% endfor %})J", R"J({})J", R"J(zero one many )J"},
    {"truthiness", R"J({% for v in [0, 0.0, '', [], {}, none, 'a', [0], 3] %}{{ 'T' if v else 'F' }}{% endfor %})J", R"J({})J", R"J(FFFFFFTTT)J"},
    {"undefined is false", R"J({% if nothing %}yes{% else %}no{% endif %})J", R"J({})J", R"J(no)J"},
};

const JinjaCase kSet[] = {
    {"set", R"J({% set x = 'a' ~ 1 %}{{ x }})J", R"J({})J", R"J(a1)J"},
    {"set tuple unpack", R"J({% set a, b = [1, 2] %}{{ b }}{{ a }})J", R"J({})J", R"J(21)J"},
    {"set implicit tuple", R"J({% set t = 1, 2 %}{{ t }})J", R"J({})J", R"J((1, 2))J"},
    {"set in if is visible after", R"J({% if true %}{% set x = 5 %}{% endif %}{{ x }})J", R"J({})J", R"J(5)J"},
    {"set in for does not leak", R"J({% set x = 0 %}{% for i in [1, 2] %}{% set x = i %}{% endfor %}{{ x }})J", R"J({})J", R"J(0)J"},
    {"for body scope is fresh each iteration", R"J({% set x = 0 %}{% for i in [1, 2, 3] %}{% if loop.first %}{% set x = 5 %}{% endif %}{{ x }}{% endfor %})J", R"J({})J", R"J(500)J"},
    {"namespace carries out of loops", R"J({% set ns = namespace(n=0, seen=false) %}{% for i in [1, 2, 3] %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }} {{ ns.seen }})J", R"J({})J", R"J(6 False)J"},
    {"namespace new attribute", R"J({% set ns = namespace() %}{% set ns.x = 'y' %}{{ ns.x }})J", R"J({})J", R"J(y)J"},
    {"block set", R"J({% set body %}a{{ 1 + 1 }}b{% endset %}[{{ body }}])J", R"J({})J", R"J([a2b])J"},
    {"block set with filter", R"J({% set body | upper %}abc{% endset %}{{ body }})J", R"J({})J", R"J(ABC)J"},
    {"reassign a loop variable name", R"J({% for m in ms %}{% set m = m.function if m.function else m %}{{ m.name }}{% endfor %})J", R"J({"ms": [{"function": {"name": "f"}}, {"name": "g"}]})J", R"J(fg)J"},
};

const JinjaCase kMacro[] = {
    {"macro with defaults", R"J({% macro greet(name, punct='!') %}Hi {{ name }}{{ punct }}{% endmacro %}{{ greet('Ann') }} {{ greet('Bo', '?') }} {{ greet(punct='.', name='Cy') }})J", R"J({})J", R"J(Hi Ann! Hi Bo? Hi Cy.)J"},
    {"missing macro argument is undefined", R"J({% macro f(a, b) %}[{{ a }}|{{ b }}]{% endmacro %}{{ f(1) }})J", R"J({})J", R"J([1|])J"},
    {"macro sees later globals", R"J({% macro f() %}{{ y }}{% endmacro %}{% set y = 3 %}{{ f() }})J", R"J({})J", R"J(3)J"},
    {"macro result is a string", R"J({% macro f() %}ab{% endmacro %}{{ f() | upper }}{{ f() | length }})J", R"J({})J", R"J(AB2)J"},
    {"recursive macro", R"J({% macro count(n) %}{{ n }}{% if n > 0 %}{{ count(n - 1) }}{% endif %}{% endmacro %}{{ count(3) }})J", R"J({})J", R"J(3210)J"},
    {"call block", R"J({% macro box() %}[{{ caller() }}]{% endmacro %}{% call box() %}inside{% endcall %})J", R"J({})J", R"J([inside])J"},
    {"call block with arguments", R"J({% macro each(xs) %}{% for x in xs %}{{ caller(x) }}{% endfor %}{% endmacro %}{% call(item) each([1, 2]) %}<{{ item }}>{% endcall %})J", R"J({})J", R"J(<1><2>)J"},
    {"filter block", R"J({% filter upper %}abc{{ 'd' }}{% endfilter %})J", R"J({})J", R"J(ABCD)J"},
};

TEST(JinjaStatements, For) { test::expect_cases(kFor, std::size(kFor)); }
TEST(JinjaStatements, If) { test::expect_cases(kIf, std::size(kIf)); }
TEST(JinjaStatements, Set) { test::expect_cases(kSet, std::size(kSet)); }
TEST(JinjaStatements, MacrosAndBlocks) { test::expect_cases(kMacro, std::size(kMacro)); }

TEST(JinjaStatements, GenerationBlockRendersItsBody) {
  // HF's AssistantTracker extension adds {% generation %} (it marks assistant text for masks).
  EXPECT_EQ(test::render("a{% generation %}answer{% endgeneration %}b"), "aanswerb");
}

TEST(JinjaStatements, LoopVariableIsNotVisibleInTheLoopFilter) {
  // Jinja2 evaluates the filter before the loop exists: HF templates that try it fail.
  EXPECT_THROW(test::render("{% for x in [1, 2] if loop.first %}{{ x }}{% endfor %}"), TemplateError);
}

TEST(JinjaStatements, UnpackingTheWrongCountIsAnError) {
  const TemplateError e = test::render_error("\n{% for a, b in [[1, 2, 3]] %}{% endfor %}");
  EXPECT_EQ(e.line(), 2);
  EXPECT_NE(std::string(e.what()).find("unpack"), std::string::npos);
}

TEST(JinjaStatements, SettingAnAttributeOfANonNamespaceIsAnError) {
  const TemplateError e = test::render_error("{% set d = {} %}\n{% set d.x = 1 %}");
  EXPECT_EQ(e.line(), 2);
  EXPECT_NE(std::string(e.what()).find("namespace()"), std::string::npos);
}

TEST(JinjaStatements, BreakOutsideALoopIsRejectedWhenParsed) {
  EXPECT_THROW(Template("{% if true %}{% break %}{% endif %}"), TemplateError);
  EXPECT_THROW(Template("{% for x in y %}{% macro m() %}{% break %}{% endmacro %}{% endfor %}"), TemplateError);
  EXPECT_NO_THROW(Template("{% for x in y %}{% if x %}{% continue %}{% endif %}{% endfor %}"));
}

TEST(JinjaStatements, AMacroCarriedOutOfItsLoopStillRuns) {
  EXPECT_EQ(test::render("{% set ns = namespace() %}{% set y = 'outer' %}{% for i in [1] %}{% macro m() %}[{{ y }}]{% endmacro %}"
                         "{% set ns.m = m %}{% endfor %}{{ ns.m() }}"),
            "[outer]");
}

TEST(JinjaStatements, ATemplateRendersManyTimes) {
  const Template t("{% for m in messages %}{{ m }}{% endfor %}");
  EXPECT_EQ(t.render(test::variables_from_json(R"({"messages": ["a", "b"]})")).str, "ab");
  EXPECT_EQ(t.render(test::variables_from_json(R"({"messages": ["c"]})")).str, "c");
}

}  // namespace
}  // namespace medlora::tokenizer::jinja
