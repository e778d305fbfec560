// Filters, including HF's tojson (json.dumps with ensure_ascii=False and Python's
// separators), checked against python3-jinja2.
#include <gtest/gtest.h>

#include "core/tokenizer/jinja/builtin_filters.h"
#include "tests/core/tokenizer/jinja_test_support.h"

namespace medlora::tokenizer::jinja {
namespace {

using test::JinjaCase;

const JinjaCase kStringFilters[] = {
    {"trim", R"J([{{ '  a b \n' | trim }}][{{ 'xxaxx' | trim('x') }}][{{ '　全角空格　' | trim }}])J", R"J({})J", R"J([a b][a][全角空格])J"},
    {"case", R"J({{ 'aBc' | upper }} {{ 'aBc' | lower }} {{ 'hello wORLD-x (y' | title }} {{ 'hELLO world' | capitalize }})J", R"J({})J", R"J(ABC abc Hello World-X (Y Hello world)J"},
    {"replace", R"J({{ 'a-b-c' | replace('-', '+') }} {{ 'a-b-c' | replace('-', '', 1) }} {{ 'ab' | replace('', '.') }})J", R"J({})J", R"J(a+b+c ab-c .a.b.)J"},
    {"length and count", R"J({{ 'abc' | length }} {{ '高血压' | length }} {{ [1, 2] | count }} {{ {'a': 1} | length }} {{ nothing | length }})J", R"J({})J", R"J(3 3 2 1 0)J"},
    {"default", R"J({{ nothing | default('d') }} {{ '' | default('d') }} {{ '' | default('d', true) }} {{ none | d('x') }} {{ none | d('x', boolean=true) }}[{{ nothing | default }}])J", R"J({})J", R"J(d  d None x[])J"},
    {"string and escape", R"J({{ 12 | string ~ 'x' }} {{ '<a href="x">&\'' | e }} {{ '<b>' | escape }} {{ '<i>' | safe }})J", R"J({})J", R"J(12x &lt;a href=&#34;x&#34;&gt;&amp;&#39; &lt;b&gt; <i>)J"},
    {"indent", R"J({{ 'a\nb\n\nc' | indent(2) }}|{{ 'a\nb' | indent(2, true) }}|{{ 'a\n\nb' | indent('> ', blank=true) }})J", R"J({})J", R"J(a
  b

  c|  a
  b|a
> 
> b)J"},
    {"wordcount", R"J({{ 'one two, three!' | wordcount }})J", R"J({})J", R"J(3)J"},
    {"reverse string", R"J({{ 'abc' | reverse }})J", R"J({})J", R"J(cba)J"},
};

const JinjaCase kNumberFilters[] = {
    {"int", R"J({{ '42' | int }} {{ '4.7' | int }} {{ 'x' | int }} {{ 'x' | int(7) }} {{ 3.9 | int }} {{ -3.9 | int }} {{ true | int }})J", R"J({})J", R"J(42 4 0 7 3 -3 1)J"},
    {"float", R"J({{ '2.5' | float }} {{ 3 | float }} {{ 'x' | float }})J", R"J({})J", R"J(2.5 3.0 0.0)J"},
    {"abs and round", R"J({{ -3 | abs }} {{ -2.5 | abs }} {{ 2.567 | round(1) }} {{ 2.5 | round }} {{ 3.5 | round }} {{ 2.1 | round(0, 'ceil') }} {{ 2.9 | round(method='floor') }})J", R"J({})J", R"J(3 2.5 2.6 2.0 4.0 3.0 2.0)J"},
};

const JinjaCase kSequenceFilters[] = {
    {"join", R"J({{ ['a', 'b', 1] | join(', ') }} {{ [1, 2] | join }} {{ users | join('/', attribute='name') }})J", R"J({"users": [{"name": "x"}, {"name": "y"}]})J", R"J(a, b, 1 12 x/y)J"},
    {"first and last", R"J({{ [1, 2, 3] | first }} {{ [1, 2, 3] | last }} {{ 'abc' | first }} [{{ [] | first }}])J", R"J({})J", R"J(1 3 a [])J"},
    {"items and list", R"J({{ {'a': 1, 'b': 2} | items | list }} {{ 'ab' | list }} {{ {'k': 1} | list }} {{ nothing | items | list }})J", R"J({})J", R"J([('a', 1), ('b', 2)] ['a', 'b'] ['k'] [])J"},
    {"selectattr and rejectattr", R"J({{ ms | selectattr('role', 'equalto', 'user') | map(attribute='content') | join(',') }} {{ ms | rejectattr('role', 'eq', 'user') | list | length }} {{ ms | selectattr('tool') | list | length }} {{ ms | selectattr('tool', 'defined') | map(attribute='content') | list }})J", R"J({"ms": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b", "tool": 1}, {"role": "user", "content": "c"}]})J", R"J(a,c 1 1 ['b'])J"},
    {"select and reject", R"J({{ range(6) | select('odd') | list }} {{ range(6) | reject('divisibleby', 3) | list }} {{ [0, 1, '', 'a'] | select | list }})J", R"J({})J", R"J([1, 3, 5] [1, 2, 4, 5] [1, 'a'])J"},
    {"map", R"J({{ ['a', 'b'] | map('upper') | list }} {{ ms | map(attribute='x', default='?') | list }} {{ ['1', '2'] | map('int') | sum }} {{ ms | map(attribute='p.q') | list }})J", R"J({"ms": [{"x": 1, "p": {"q": "deep"}}, {"p": {"q": 2}}]})J", R"J(['A', 'B'] [1, '?'] 3 ['deep', 2])J"},
    {"unique and sort", R"J({{ ['b', 'A', 'a', 'B', 'c'] | unique | list }} {{ [3, 1, 2] | sort }} {{ ['b', 'A', 'c'] | sort }} {{ ['b', 'A', 'c'] | sort(case_sensitive=true) }} {{ [1, 3, 2] | sort(reverse=true) }} {{ ms | sort(attribute='n') | map(attribute='n') | list }})J", R"J({"ms": [{"n": 2}, {"n": 1}]})J", R"J(['b', 'A', 'c'] [1, 2, 3] ['A', 'b', 'c'] ['A', 'b', 'c'] [3, 2, 1] [1, 2])J"},
    {"reverse, batch, sum, min, max", R"J({{ [1, 2, 3] | reverse | list }} {{ range(5) | batch(2) | list }} {{ range(5) | batch(2, 'x') | list }} {{ [1, 2.5] | sum }} {{ [3, 1, 2] | min }} {{ ['a', 'B'] | max }})J", R"J({})J", R"J([3, 2, 1] [[0, 1], [2, 3], [4]] [[0, 1], [2, 3], [4, 'x']] 3.5 1 B)J"},
    {"dictsort", R"J({{ {'b': 1, 'a': 2} | dictsort }} {{ {'b': 1, 'a': 2} | dictsort(by='value') }})J", R"J({})J", R"J([('a', 2), ('b', 1)] [('b', 1), ('a', 2)])J"},
};

const JinjaCase kTojson[] = {
    {"scalars", R"J({{ 'a"b\\c\n' | tojson }} {{ 1 | tojson }} {{ 1.0 | tojson }} {{ none | tojson }} {{ true | tojson }} {{ 1e-7 | tojson }})J", R"J({})J", R"J("a\"b\\c\n" 1 1.0 null true 1e-07)J"},
    {"python separators and key order", R"J({{ d | tojson }})J", R"J({"d": {"z": 1, "a": [1, 2.5, "x"], "m": {}, "e": []}})J", R"J({"z": 1, "a": [1, 2.5, "x"], "m": {}, "e": []})J"},
    {"ensure_ascii false keeps unicode", R"J({{ {'症状': '头痛 <b>&'} | tojson }} {{ '高' | tojson(ensure_ascii=true) }})J", R"J({})J", R"J({"症状": "头痛 <b>&"} "\u9ad8")J"},
    {"indent", R"J({{ d | tojson(indent=2) }})J", R"J({"d": {"name": "f", "args": [1, {"k": null}], "empty": {}}})J", R"J({
  "name": "f",
  "args": [
    1,
    {
      "k": null
    }
  ],
  "empty": {}
})J"},
    {"separators and sort_keys", R"J({{ d | tojson(separators=(',', ':'), sort_keys=true) }})J", R"J({"d": {"b": [1, 2], "a": "x"}})J", R"J({"a":"x","b":[1,2]})J"},
    {"control characters", R"J({{ '\x01\t\x1f' | tojson }})J", R"J({})J", R"J("\u0001\t\u001f")J"},
    {"tuple as list", R"J({{ (1, 'a') | tojson }})J", R"J({})J", R"J([1, "a"])J"},
};

TEST(JinjaFilters, StringFilters) { test::expect_cases(kStringFilters, std::size(kStringFilters)); }
TEST(JinjaFilters, NumberFilters) { test::expect_cases(kNumberFilters, std::size(kNumberFilters)); }
TEST(JinjaFilters, SequenceFilters) { test::expect_cases(kSequenceFilters, std::size(kSequenceFilters)); }
TEST(JinjaFilters, Tojson) { test::expect_cases(kTojson, std::size(kTojson)); }

TEST(JinjaFilters, ToJsonOfUndefinedIsAnError) {
  EXPECT_NE(std::string(test::render_error("{{ nothing | tojson }}").what()).find("not JSON serializable"), std::string::npos);
}

TEST(JinjaFilters, UnknownFilterIsRejectedWhenParsedWithItsLine) {
  const TemplateError e = test::render_error("line one\n\n{{ x | wordwrap(3) }}");
  EXPECT_EQ(e.line(), 3);
  EXPECT_EQ(std::string(e.what()), "chat template line 3: unknown filter \"wordwrap\"");
}

TEST(JinjaFilters, KnowsTheFiltersHfTemplatesUse) {
  for (const char* name : {"trim", "tojson", "length", "count", "upper", "lower", "title", "capitalize", "replace", "default", "d",
                           "join", "first", "last", "items", "list", "string", "int", "float", "abs", "round", "selectattr",
                           "rejectattr", "map", "select", "reject", "unique", "sort", "reverse", "batch", "indent", "safe", "e",
                           "escape", "wordcount"})
    EXPECT_TRUE(has_filter(name)) << name;
}

}  // namespace
}  // namespace medlora::tokenizer::jinja
