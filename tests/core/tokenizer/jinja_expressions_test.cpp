// Expressions: literals and how values print (Python's str()), attribute and item access,
// slices, arithmetic with Python's rules, comparisons, `in`, logic, conditional
// expressions, calls and the globals range, dict and namespace.
#include <gtest/gtest.h>

#include <clocale>

#include "tests/core/tokenizer/jinja_test_support.h"

namespace medlora::tokenizer::jinja {
namespace {

using test::JinjaCase;

const JinjaCase kPrinting[] = {
    {"none and booleans", R"J({{ none }} {{ None }} {{ true }} {{ False }})J", R"J({})J", R"J(None None True False)J"},
    {"floats print as Python", R"J({{ 1.0 }} {{ 2.50 }} {{ 1e20 }} {{ 1e-5 }} {{ 0.0001 }} {{ 1e16 }} {{ 1e15 }} {{ 0.1 + 0.2 }})J", R"J({})J", R"J(1.0 2.5 1e+20 1e-05 0.0001 1e+16 1000000000000000.0 0.30000000000000004)J"},
    {"lists and dicts print as repr", R"J({{ [1, 'a', none, true, 1.5] }} {{ {'k': 'v', 'n': [1]} }} {{ (1,) }} {{ () }})J", R"J({})J", R"J([1, 'a', None, True, 1.5] {'k': 'v', 'n': [1]} (1,) ())J"},
    {"repr quotes", R"J({{ ["it's", 'say "hi"', 'both \' "', 'a\nb'] }})J", R"J({})J", R"J(["it's", 'say "hi"', 'both \' "', 'a\nb'])J"},
    {"undefined prints empty", R"J([{{ nothing }}][{{ d.missing }}])J", R"J({"d": {}})J", R"J([][])J"},
    {"data values print the same", R"J({{ x }} {{ y }} {{ z }} {{ n }})J", R"J({"x": 3, "y": 2.0, "z": false, "n": null})J", R"J(3 2.0 False None)J"},
    {"print tuple", R"J({{ 1, 'a' }})J", R"J({})J", R"J((1, 'a'))J"},
};

const JinjaCase kAccess[] = {
    {"attribute and item", R"J({{ m.role }} {{ m['content'] }} {{ m.get('role') }} {{ m.get('x', 'dflt') }} {{ m.get('x') }})J", R"J({"m": {"role": "user", "content": "hi"}})J", R"J(user hi user dflt None)J"},
    {"method names win over keys for attributes", R"J({{ d.items is callable }} {{ d['items'] }})J", R"J({"d": {"items": 5}})J", R"J(True 5)J"},
    {"negative index", R"J({{ xs[-1] }} {{ xs[0] }} {{ 'abc'[1] }} {{ '高血压'[-1] }})J", R"J({"xs": [1, 2, 3]})J", R"J(3 1 b 压)J"},
    {"out of range is undefined", R"J([{{ xs[5] }}]{{ xs[5] is defined }})J", R"J({"xs": [1]})J", R"J([]False)J"},
    {"dotted index", R"J({{ xs.0 }})J", R"J({"xs": ["first"]})J", R"J(first)J"},
    {"slices", R"J({{ xs[1:] }} {{ xs[:-1] }} {{ xs[::-1] }} {{ xs[::2] }} {{ xs[5:] }} {{ xs[-2:] }} {{ 'hello'[1:3] }} {{ '高血压病'[::-1] }})J", R"J({"xs": [1, 2, 3, 4]})J", R"J([2, 3, 4] [1, 2, 3] [4, 3, 2, 1] [1, 3] [] [3, 4] el 病压血高)J"},
    {"none attribute is undefined", R"J({{ n.x is defined }})J", R"J({"n": null})J", R"J(False)J"},
    {"string attribute that is not a method", R"J({{ s.nope is defined }})J", R"J({"s": "x"})J", R"J(False)J"},
};

const JinjaCase kOperators[] = {
    {"arithmetic", R"J({{ 7 + 2 }} {{ 7 - 2 }} {{ 7 * 2 }} {{ 7 / 2 }} {{ 7 // 2 }} {{ 7 % 3 }} {{ 2 ** 10 }} {{ 6 / 3 }})J", R"J({})J", R"J(9 5 14 3.5 3 1 1024 2.0)J"},
    {"floor rules", R"J({{ -7 // 2 }} {{ -7 % 3 }} {{ 7 % -3 }} {{ -7.5 // 2 }} {{ 5.5 % 2 }})J", R"J({})J", R"J(-4 2 -2 -4.0 1.5)J"},
    {"mixed int float", R"J({{ 1 + 1.5 }} {{ true + 1 }} {{ 3 * 1.0 }})J", R"J({})J", R"J(2.5 2 3.0)J"},
    {"string concat", R"J({{ 'a' + 'b' }} {{ 'a' ~ 1 ~ none ~ true }} {{ 'ab' * 3 }} {{ [1] + [2] }} {{ nothing ~ 'x' }})J", R"J({})J", R"J(ab a1NoneTrue ababab [1, 2] x)J"},
    {"precedence", R"J({{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 2 ** 3 ** 2 }} {{ -2 ** 2 }} {{ 'a' ~ (1 + 2) }} {{ xs|length - 1 }})J", R"J({"xs": [1, 2, 3]})J", R"J(7 9 64 4 a3 2)J"},
    {"comparisons", R"J({{ 1 < 2 }} {{ 2 <= 2 }} {{ 'a' < 'b' }} {{ 1 == 1.0 }} {{ 'a' == 1 }} {{ none == none }} {{ [1, 2] == [1, 2] }} {{ 1 < 2 < 3 }} {{ 3 > 2 > 2 }})J", R"J({})J", R"J(True True True True False True True True False)J"},
    {"in", R"J({{ 'th' in 'think' }} {{ 2 in [1, 2] }} {{ 'k' in {'k': 1} }} {{ 'x' not in 'abc' }} {{ 'a' in nothing }})J", R"J({})J", R"J(True True True True False)J"},
    {"logic returns operands", R"J({{ 0 or 'b' }} {{ 'a' and 'b' }} {{ '' and 'b' }}|{{ not 0 }} {{ not 'x' }} {{ none or [] }})J", R"J({})J", R"J(b b |True False [])J"},
    {"not binds looser than comparison", R"J({{ not 1 == 2 }} {{ not 'a' in 'abc' }})J", R"J({})J", R"J(True False)J"},
    {"conditional expression", R"J({{ 'y' if x else 'n' }} {{ 'y' if not x else 'n' }}[{{ 'y' if false }}])J", R"J({"x": true})J", R"J(y n[])J"},
    {"unary", R"J({{ -x }} {{ +x }} {{ - -3 }} {{ -1.5 }})J", R"J({"x": 4})J", R"J(-4 4 3 -1.5)J"},
};

const JinjaCase kGlobals[] = {
    {"range", R"J({{ range(3) | list }} {{ range(1, 4) | list }} {{ range(10, 0, -3) | list }} {{ range(0) | list }})J", R"J({})J", R"J([0, 1, 2] [1, 2, 3] [10, 7, 4, 1] [])J"},
    {"dict", R"J({{ dict(a=1, b='x') }} {{ dict(a=1).a }})J", R"J({})J", R"J({'a': 1, 'b': 'x'} 1)J"},
    {"namespace", R"J({% set ns = namespace(a=1) %}{{ ns.a }} {{ ns.b is defined }})J", R"J({})J", R"J(1 False)J"},
    {"dict literal and list literal", R"J({% set d = {'a': [1, {'b': 2}]} %}{{ d.a[1].b }} {{ {'x': 1, 'x': 2} }})J", R"J({})J", R"J(2 {'x': 2})J"},
};

TEST(JinjaExpressions, Printing) { test::expect_cases(kPrinting, std::size(kPrinting)); }
TEST(JinjaExpressions, Access) { test::expect_cases(kAccess, std::size(kAccess)); }
TEST(JinjaExpressions, Operators) { test::expect_cases(kOperators, std::size(kOperators)); }
TEST(JinjaExpressions, Globals) { test::expect_cases(kGlobals, std::size(kGlobals)); }

TEST(JinjaExpressions, TildeBindsTighterThanPlus) {
  // ('a' ~ 1) + 2: a str plus an int, which Python refuses.
  EXPECT_THROW(test::render("{{ 'a' ~ 1 + 2 }}"), TemplateError);
}

TEST(JinjaExpressions, FloatReprMatchesPython) {
  EXPECT_EQ(python_float_repr(3.0), "3.0");
  EXPECT_EQ(python_float_repr(-0.0), "-0.0");
  EXPECT_EQ(python_float_repr(123456789.125), "123456789.125");
  EXPECT_EQ(python_float_repr(1.5e-7), "1.5e-07");
  EXPECT_EQ(python_float_repr(1.2345e100), "1.2345e+100");
  EXPECT_EQ(python_float_repr(9999999999999998.0), "9999999999999998.0");
}

TEST(JinjaExpressions, StrftimeNowFormatsTheCurrentDate) {
  const std::string year = test::render("{{ strftime_now('%Y') }}");
  ASSERT_EQ(year.size(), 4u);
  EXPECT_GE(std::stoi(year), 2024);
  EXPECT_EQ(test::render("{{ strftime_now('%%') }}"), "%");
}

TEST(JinjaExpressions, StrftimeNowUsesTheCLocaleAsPythonDoes) {
  // A Qt program runs under the user's locale; Python's strftime under "C" (English names).
  const char* previous = std::setlocale(LC_TIME, nullptr);
  const std::string saved = previous ? previous : "C";
  for (const char* name : {"zh_CN.UTF-8", "de_DE.UTF-8", "C.UTF-8"}) std::setlocale(LC_TIME, name);
  const std::string month = test::render("{{ strftime_now('%b %B %a') }}");
  std::setlocale(LC_TIME, saved.c_str());
  for (unsigned char ch : month) EXPECT_LT(ch, 0x80) << month;
  const std::string day = test::render("{{ strftime_now('%-d') }}");
  EXPECT_TRUE(!day.empty() && day.size() <= 2 && day[0] != '0') << day;
}

}  // namespace
}  // namespace medlora::tokenizer::jinja
