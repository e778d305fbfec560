#pragma once
// Helpers for the interpreter's construct tests: render a template with JSON variables, and
// a case table {name, template, variables, expected}. Every expected string in the tables
// was checked against Debian's python3-jinja2 configured as HF configures it.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/tokenizer/jinja/json_reader.h"
#include "core/tokenizer/jinja/template.h"
#include "core/tokenizer/jinja/template_error.h"

namespace medlora::tokenizer::jinja::test {

struct JinjaCase {
  const char* name;
  const char* source;
  const char* variables;  // a JSON object
  const char* expected;
};

inline Variables variables_from_json(std::string_view json) {
  Variables vars;
  const Value v = read_json(json.empty() ? "{}" : json, "test variables");
  for (const auto& [k, value] : v.entries().entries) vars.emplace_back(k.str(), value);
  return vars;
}

inline std::string render(std::string_view source, std::string_view variables = "{}") {
  return Template(source).render(variables_from_json(variables)).str;
}

inline Text render_text(std::string_view source, std::string_view variables = "{}") {
  return Template(source).render(variables_from_json(variables));
}

// The TemplateError a template gives (parsing or rendering); fails the test when none.
inline TemplateError render_error(std::string_view source, std::string_view variables = "{}") {
  try {
    render(source, variables);
  } catch (const TemplateError& error) {
    return error;
  }
  ADD_FAILURE() << "expected a TemplateError from: " << source;
  return TemplateError(0, "none");
}

inline void expect_cases(const JinjaCase* cases, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    SCOPED_TRACE(cases[i].name);
    try {
      EXPECT_EQ(render(cases[i].source, cases[i].variables), cases[i].expected) << cases[i].source;
    } catch (const TemplateError& error) {
      ADD_FAILURE() << cases[i].source << " threw " << error.what();
    }
  }
}

}  // namespace medlora::tokenizer::jinja::test
