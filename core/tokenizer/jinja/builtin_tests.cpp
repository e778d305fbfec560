#include "core/tokenizer/jinja/builtin_tests.h"

#include <cmath>
#include <functional>
#include <string>
#include <unordered_map>

#include "core/tokenizer/jinja/builtin_filters.h"
#include "core/tokenizer/jinja/operators.h"
#include "core/tokenizer/jinja/template_error.h"
#include "core/tokenizer/jinja/unicode_text.h"

namespace medlora::tokenizer::jinja {
namespace {

using TestFn = std::function<bool(const Value&, const std::vector<Value>&, int)>;

const Value& need(const std::vector<Value>& args, size_t i, const char* test, int line) {
  if (i >= args.size()) throw TemplateError(line, std::string("the test \"") + test + "\" needs an argument");
  return args[i];
}

TestFn compare_test(CompareOp op, const char* name) {
  return [op, name](const Value& v, const std::vector<Value>& a, int line) { return compare_values(op, v, need(a, 0, name, line), line); };
}

const std::unordered_map<std::string, TestFn>& tests() {
  static const std::unordered_map<std::string, TestFn> table = [] {
    std::unordered_map<std::string, TestFn> t;
    t["defined"] = [](const Value& v, const auto&, int) { return !v.is_undefined(); };
    t["undefined"] = [](const Value& v, const auto&, int) { return v.is_undefined(); };
    t["none"] = [](const Value& v, const auto&, int) { return v.is_none(); };
    t["boolean"] = [](const Value& v, const auto&, int) { return v.kind() == Value::Kind::boolean; };
    t["true"] = [](const Value& v, const auto&, int) { return v.kind() == Value::Kind::boolean && v.as_bool(); };
    t["false"] = [](const Value& v, const auto&, int) { return v.kind() == Value::Kind::boolean && !v.as_bool(); };
    t["integer"] = [](const Value& v, const auto&, int) { return v.kind() == Value::Kind::integer; };
    t["float"] = [](const Value& v, const auto&, int) { return v.kind() == Value::Kind::floating; };
    t["number"] = [](const Value& v, const auto&, int) { return v.is_number(); };
    t["string"] = [](const Value& v, const auto&, int) { return v.is_string(); };
    t["mapping"] = [](const Value& v, const auto&, int) { return v.kind() == Value::Kind::dict; };
    t["iterable"] = [](const Value& v, const auto&, int) {
      return v.is_undefined() || v.is_string() || v.is_list() || v.is_mapping();
    };
    t["sequence"] = [](const Value& v, const auto&, int) {
      return v.is_undefined() || v.is_string() || v.is_list() || v.kind() == Value::Kind::dict;
    };
    // Jinja2's Undefined defines __call__ (to fail), so Python's callable() says yes.
    t["callable"] = [](const Value& v, const auto&, int) { return v.is_callable() || v.is_undefined(); };
    t["sameas"] = [](const Value& v, const std::vector<Value>& a, int line) {
      const Value& o = need(a, 0, "sameas", line);
      if (v.kind() != o.kind()) return false;
      if (v.is_none() || v.is_undefined()) return true;
      if (v.kind() == Value::Kind::boolean) return v.as_bool() == o.as_bool();
      if (v.kind() == Value::Kind::integer) return v.as_int() == o.as_int();
      if (v.is_list() || v.is_mapping() || v.is_string()) return &v.text() == &o.text() || (v.is_list() && &v.items() == &o.items());
      return false;
    };
    t["escaped"] = [](const Value&, const auto&, int) { return false; };
    // value % 2 == 1 / == 0, as Jinja2 computes them (floats too).
    auto parity = [](bool want_odd) {
      return [want_odd](const Value& v, const std::vector<Value>&, int line) {
        const Value r = binary_operation(BinaryOp::mod, v, Value::integer(2), line);
        return r.equals(Value::integer(want_odd ? 1 : 0));
      };
    };
    t["odd"] = parity(true);
    t["even"] = parity(false);
    t["divisibleby"] = [](const Value& v, const std::vector<Value>& a, int line) {
      const Value& d = need(a, 0, "divisibleby", line);
      if (!v.is_number() || !d.is_number()) throw TemplateError(line, "the test \"divisibleby\" needs numbers");
      if (d.as_double() == 0) throw TemplateError(line, "divisibleby 0");
      if (v.kind() == Value::Kind::floating || d.kind() == Value::Kind::floating) return std::fmod(v.as_double(), d.as_double()) == 0;
      return v.as_int() % d.as_int() == 0;
    };
    t["eq"] = t["equalto"] = t["=="] = compare_test(CompareOp::eq, "eq");
    t["ne"] = t["!="] = compare_test(CompareOp::ne, "ne");
    t["lt"] = t["lessthan"] = t["<"] = compare_test(CompareOp::lt, "lt");
    t["le"] = t["<="] = compare_test(CompareOp::le, "le");
    t["gt"] = t["greaterthan"] = t[">"] = compare_test(CompareOp::gt, "gt");
    t["ge"] = t[">="] = compare_test(CompareOp::ge, "ge");
    t["in"] = [](const Value& v, const std::vector<Value>& a, int line) { return compare_values(CompareOp::in, v, need(a, 0, "in", line), line); };
    // str(value).islower() / .isupper(), as Jinja2 tests them.
    t["lower"] = [](const Value& v, const auto&, int) {
      const std::string s = v.to_text().str;
      return python_lower(s) == s && python_upper(s) != s;
    };
    t["upper"] = [](const Value& v, const auto&, int) {
      const std::string s = v.to_text().str;
      return python_upper(s) == s && python_lower(s) != s;
    };
    t["filter"] = [](const Value& v, const auto&, int) { return v.is_string() && has_filter(v.str()); };
    t["test"] = [](const Value& v, const auto&, int) { return v.is_string() && has_test(v.str()); };
    return t;
  }();
  return table;
}

}  // namespace

bool has_test(std::string_view name) { return tests().count(std::string(name)) > 0; }

bool apply_test(std::string_view name, const Value& value, const std::vector<Value>& args, int line) {
  auto it = tests().find(std::string(name));
  if (it == tests().end()) throw TemplateError(line, "unknown test \"" + std::string(name) + "\"");
  return it->second(value, args, line);
}

}  // namespace medlora::tokenizer::jinja
