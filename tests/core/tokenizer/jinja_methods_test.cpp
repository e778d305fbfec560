// Python's str, dict and list methods as templates call them.
#include <gtest/gtest.h>

#include "tests/core/tokenizer/jinja_test_support.h"

namespace medlora::tokenizer::jinja {
namespace {

using test::JinjaCase;

const JinjaCase kStringMethods[] = {
    {"strip family", R"J([{{ s.strip() }}][{{ s.lstrip() }}][{{ s.rstrip() }}][{{ '\n\nx\n'.strip('\n') }}][{{ 'xxayx'.lstrip('xa') }}][{{ 'abcba'.rstrip('ab') }}])J", R"J({"s": "  a \n"})J", R"J([a][a 
][  a][x][yx][abc])J"},
    {"split", R"J({{ 'a b  c'.split() }} {{ 'a,b,,c'.split(',') }} {{ 'a,b,c'.split(',', 1) }} {{ '  x  y '.split(none, 1) }} {{ 'a,b,c'.rsplit(',', 1) }} {{ ''.split() }} {{ ''.split(',') }})J", R"J({})J", R"J(['a', 'b', 'c'] ['a', 'b', '', 'c'] ['a', 'b,c'] ['x', 'y '] ['a,b', 'c'] [] [''])J"},
    {"qwen3 think split", R"J({% set c = m.split('</think>')[-1].lstrip('\n') %}{% set r = m.split('</think>')[0].rstrip('\n').split('<think>')[-1].lstrip('\n') %}[{{ r }}][{{ c }}])J", R"J({"m": "<think>\nreason here\n</think>\n\nanswer"})J", R"J([reason here][answer])J"},
    {"startswith and endswith", R"J({{ s.startswith('<tool') }} {{ s.endswith('>') }} {{ s.startswith(('x', '<')) }} {{ s.endswith('nope') }})J", R"J({"s": "<tool_response>"})J", R"J(True True True False)J"},
    {"case methods", R"J({{ 'aB'.upper() }} {{ 'aB'.lower() }} {{ "they're bill's" .title() }} {{ 'hELLO'.capitalize() }})J", R"J({})J", R"J(AB ab They'Re Bill'S Hello)J"},
    {"replace find count", R"J({{ 'aaa'.replace('a', 'b', 2) }} {{ 'abcabc'.find('c') }} {{ 'abc'.find('z') }} {{ 'abcabc'.rfind('a') }} {{ 'aXbXc'.count('X') }} {{ '高血压高'.find('压') }})J", R"J({})J", R"J(bba 2 -1 3 2 2)J"},
    {"join and predicates", R"J({{ ', '.join(['a', 'b']) }} {{ '12'.isdigit() }} {{ 'a1'.isalpha() }} {{ 'ab'.isalpha() }} {{ ' '.isspace() }} {{ 'a1'.isalnum() }})J", R"J({})J", R"J(a, b True False True True True)J"},
    {"splitlines", R"J({{ 'a\nb\r\nc'.splitlines() }})J", R"J({})J", R"J(['a', 'b', 'c'])J"},
};

const JinjaCase kDictAndListMethods[] = {
    {"dict methods", R"J({{ d.keys() | list }} {{ d.values() | list }} {{ d.items() | list }} {{ d.get('a') }} {{ d.get('z', 0) }})J", R"J({"d": {"a": 1, "b": [2]}})J", R"J(['a', 'b'] [1, [2]] [('a', 1), ('b', [2])] 1 0)J"},
    {"list methods", R"J({{ xs.index(2) }} {{ xs.count(1) }})J", R"J({"xs": [1, 2, 1]})J", R"J(1 2)J"},
};

TEST(JinjaMethods, StringMethods) { test::expect_cases(kStringMethods, std::size(kStringMethods)); }
TEST(JinjaMethods, DictAndListMethods) { test::expect_cases(kDictAndListMethods, std::size(kDictAndListMethods)); }

TEST(JinjaMethods, MutatingAListIsRefusedAsInHfsSandbox) {
  const TemplateError e = test::render_error("{% set xs = [1] %}\n{{ xs.append(2) }}");
  EXPECT_EQ(e.line(), 2);
  EXPECT_NE(std::string(e.what()).find("append"), std::string::npos);
}

}  // namespace
}  // namespace medlora::tokenizer::jinja
