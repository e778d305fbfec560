#include "core/tokenizer/jinja/builtin_globals.h"

#include <clocale>
#include <ctime>

#include <locale.h>

#include "core/tokenizer/jinja/template_error.h"

namespace medlora::tokenizer::jinja {

std::string strftime_now(const std::string& format) {
  // Python formats with the C library under the "C" LC_TIME locale (it never sets LC_TIME),
  // while a Qt program runs under the user's locale: format in "C" so that "%d %b %Y" reads
  // "06 Dec 2026" here too. glibc's own extensions ("%-d") pass through as in Python.
  static const locale_t c_locale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  if (format.empty()) return {};
  std::string buffer(256, '\0');
  while (true) {
    const size_t n = c_locale ? strftime_l(buffer.data(), buffer.size(), format.c_str(), &local, c_locale)
                              : std::strftime(buffer.data(), buffer.size(), format.c_str(), &local);
    if (n > 0 || buffer.size() > 65536) {
      buffer.resize(n);
      return buffer;
    }
    buffer.resize(buffer.size() * 4);
  }
}

std::vector<std::pair<std::string, Value>> builtin_globals() {
  std::vector<std::pair<std::string, Value>> g;
  g.emplace_back("range", Value::callable("range", [](const CallArgs& a) {
    for (const auto& v : a.positional)
      if (v.kind() != Value::Kind::integer && v.kind() != Value::Kind::boolean)
        throw TemplateError(a.line, "range() needs integers, not '" + v.type_name() + "'");
    int64_t start = 0, stop = 0, step = 1;
    if (a.positional.size() == 1) stop = a.positional[0].as_int();
    else if (a.positional.size() >= 2) {
      start = a.positional[0].as_int();
      stop = a.positional[1].as_int();
      if (a.positional.size() >= 3) step = a.positional[2].as_int();
    } else throw TemplateError(a.line, "range() needs at least one argument");
    if (step == 0) throw TemplateError(a.line, "range() step must not be zero");
    List out;
    for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
      out.push_back(Value::integer(i));
      if (out.size() > 100000) throw TemplateError(a.line, "range() is too long (more than 100000 items)");
    }
    return Value::list(std::move(out));
  }));
  auto make_dict = [](const CallArgs& a, const char* what) {
    Dict d;
    if (!a.positional.empty()) {
      if (a.positional.size() > 1 || !a.positional[0].is_mapping())
        throw TemplateError(a.line, std::string(what) + "() takes one mapping and keyword arguments");
      d = a.positional[0].entries();
    }
    for (const auto& [k, v] : a.keyword) d.set(Value::markup(k), v);
    return d;
  };
  g.emplace_back("namespace", Value::callable("namespace", [make_dict](const CallArgs& a) { return Value::namespace_object(make_dict(a, "namespace")); }));
  g.emplace_back("dict", Value::callable("dict", [make_dict](const CallArgs& a) { return Value::dict(make_dict(a, "dict")); }));
  g.emplace_back("raise_exception", Value::callable("raise_exception", [](const CallArgs& a) -> Value {
    const std::string message = a.positional.empty() ? std::string() : a.positional[0].to_text().str;
    throw TemplateError(a.line, "the template refused the conversation: " + message);
  }));
  g.emplace_back("strftime_now", Value::callable("strftime_now", [](const CallArgs& a) {
    if (a.positional.empty() || !a.positional[0].is_string()) throw TemplateError(a.line, "strftime_now() needs a format string");
    return Value::markup(strftime_now(a.positional[0].str()));
  }));
  return g;
}

}  // namespace medlora::tokenizer::jinja
