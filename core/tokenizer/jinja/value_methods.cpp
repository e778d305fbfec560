// Python's str, dict and list methods that chat templates call (bound_method in value_access.h).
#include <QChar>

#include "core/io/utf8.h"
#include "core/tokenizer/jinja/template_error.h"
#include "core/tokenizer/jinja/unicode_text.h"
#include "core/tokenizer/jinja/value_access.h"

namespace medlora::tokenizer::jinja {
namespace {

const Value* optional_arg(const CallArgs& args, size_t i, std::string_view name) {
  const Value* v = args.arg(i, name);
  return (v && !v->is_none()) ? v : nullptr;
}

const std::string* string_arg(const CallArgs& args, size_t i, std::string_view name, const char* method) {
  const Value* v = optional_arg(args, i, name);
  if (!v) return nullptr;
  if (!v->is_string())
    throw TemplateError(args.line, std::string("str.") + method + "() needs a string argument, not '" + v->type_name() + "'");
  return &v->str();
}

int64_t int_arg(const CallArgs& args, size_t i, std::string_view name, int64_t fallback) {
  const Value* v = optional_arg(args, i, name);
  if (!v) return fallback;
  if (v->kind() != Value::Kind::integer && v->kind() != Value::Kind::boolean)
    throw TemplateError(args.line, "expected an integer argument \"" + std::string(name) + "\", got '" + v->type_name() + "'");
  return v->as_int();
}

bool args_markup(const CallArgs& args) {
  for (const auto& v : args.positional)
    if (!v.is_markup()) return false;
  for (const auto& [k, v] : args.keyword)
    if (!v.is_markup()) return false;
  return true;
}

Value str_result(const Value& self, const CallArgs& args, std::string s) {
  return Value::string(Text::derived(std::move(s), self.is_markup() && args_markup(args)));
}

bool match_affix(const Value& self, const CallArgs& args, bool prefix) {
  const Value* arg = args.arg(0, "prefix");
  if (!arg) throw TemplateError(args.line, prefix ? "str.startswith() needs an argument" : "str.endswith() needs an argument");
  const std::string& s = self.str();
  auto one = [&](const Value& v) {
    if (!v.is_string()) throw TemplateError(args.line, "startswith/endswith need a string or a tuple of strings");
    const std::string& a = v.str();
    if (a.size() > s.size()) return false;
    return prefix ? s.compare(0, a.size(), a) == 0 : s.compare(s.size() - a.size(), a.size(), a) == 0;
  };
  if (arg->is_list()) {
    for (const auto& v : arg->items())
      if (one(v)) return true;
    return false;
  }
  return one(*arg);
}

template <typename Pred>
bool all_chars(const std::string& s, Pred pred) {
  const std::u32string t = utf8_decode(s);
  if (t.empty()) return false;
  for (char32_t c : t)
    if (!pred(c)) return false;
  return true;
}

Value string_method(const Value& self, std::string_view name) {
  using Fn = std::function<Value(const CallArgs&)>;
  Fn fn;
  if (name == "strip" || name == "lstrip" || name == "rstrip") {
    const StripSide side = name == "strip" ? StripSide::both : name == "lstrip" ? StripSide::left : StripSide::right;
    fn = [self, side](const CallArgs& a) { return str_result(self, a, python_strip(self.str(), string_arg(a, 0, "chars", "strip"), side)); };
  } else if (name == "split" || name == "rsplit") {
    const bool from_right = name == "rsplit";
    fn = [self, from_right](const CallArgs& a) {
      const std::string* sep = string_arg(a, 0, "sep", "split");
      if (sep && sep->empty()) throw TemplateError(a.line, "str.split(): empty separator");
      const int64_t maxsplit = int_arg(a, 1, "maxsplit", -1);
      std::vector<std::string> parts;
      if (from_right && maxsplit >= 0 && sep) {
        std::string s = self.str();
        std::vector<std::string> reversed;
        int64_t done = 0;
        while (done < maxsplit) {
          const size_t at = s.rfind(*sep);
          if (at == std::string::npos) break;
          reversed.push_back(s.substr(at + sep->size()));
          s.resize(at);
          ++done;
        }
        parts.push_back(s);
        parts.insert(parts.end(), reversed.rbegin(), reversed.rend());
      } else {
        parts = python_split(self.str(), sep, maxsplit);
      }
      const bool markup = self.is_markup() && args_markup(a);
      List out;
      for (auto& p : parts) out.push_back(Value::string(Text::derived(std::move(p), markup)));
      return Value::list(std::move(out));
    };
  } else if (name == "splitlines") {
    fn = [self](const CallArgs& a) {
      List out;
      for (auto& p : python_splitlines(self.str())) out.push_back(str_result(self, a, std::move(p)));
      return Value::list(std::move(out));
    };
  } else if (name == "startswith" || name == "endswith") {
    const bool prefix = name == "startswith";
    fn = [self, prefix](const CallArgs& a) { return Value::boolean(match_affix(self, a, prefix)); };
  } else if (name == "upper") {
    fn = [self](const CallArgs& a) { return str_result(self, a, python_upper(self.str())); };
  } else if (name == "lower") {
    fn = [self](const CallArgs& a) { return str_result(self, a, python_lower(self.str())); };
  } else if (name == "title") {
    fn = [self](const CallArgs& a) { return str_result(self, a, python_title(self.str())); };
  } else if (name == "capitalize") {
    fn = [self](const CallArgs& a) { return str_result(self, a, python_capitalize(self.str())); };
  } else if (name == "replace") {
    fn = [self](const CallArgs& a) {
      const std::string* old_text = string_arg(a, 0, "old", "replace");
      const std::string* new_text = string_arg(a, 1, "new", "replace");
      if (!old_text || !new_text) throw TemplateError(a.line, "str.replace() needs two string arguments");
      return str_result(self, a, python_replace(self.str(), *old_text, *new_text, int_arg(a, 2, "count", -1)));
    };
  } else if (name == "find" || name == "rfind" || name == "index" || name == "rindex" || name == "count") {
    const std::string method(name);
    fn = [self, method](const CallArgs& a) {
      const std::string* sub = string_arg(a, 0, "sub", method.c_str());
      if (!sub) throw TemplateError(a.line, "str." + method + "() needs a string argument");
      const std::string& s = self.str();
      if (method == "count") {
        if (sub->empty()) return Value::integer(static_cast<int64_t>(io::utf8::count_code_points(s) + 1));
        int64_t n = 0;
        for (size_t at = s.find(*sub); at != std::string::npos; at = s.find(*sub, at + sub->size())) ++n;
        return Value::integer(n);
      }
      const size_t at = (method == "find" || method == "index") ? s.find(*sub) : s.rfind(*sub);
      if (at == std::string::npos) {
        if (method == "index" || method == "rindex") throw TemplateError(a.line, "str." + method + "(): substring not found");
        return Value::integer(-1);
      }
      return Value::integer(static_cast<int64_t>(io::utf8::count_code_points(std::string_view(s).substr(0, at))));
    };
  } else if (name == "join") {
    fn = [self](const CallArgs& a) {
      const Value* items = a.arg(0, "iterable");
      if (!items || !items->is_list()) throw TemplateError(a.line, "str.join() needs a list");
      Text out;
      bool first = true;
      for (const auto& item : items->items()) {
        if (!item.is_string()) throw TemplateError(a.line, "str.join(): expected str items, found '" + item.type_name() + "'");
        if (!first) out.append(self.text());
        first = false;
        out.append(item.text());
      }
      return Value::string(std::move(out));
    };
  } else if (name == "isdigit" || name == "isnumeric" || name == "isdecimal") {
    fn = [self](const CallArgs&) { return Value::boolean(all_chars(self.str(), [](char32_t c) { return c < 0x80 ? (c >= '0' && c <= '9') : QChar::isDigit(c); })); };
  } else if (name == "isalpha") {
    fn = [self](const CallArgs&) { return Value::boolean(all_chars(self.str(), [](char32_t c) { return QChar::isLetter(c); })); };
  } else if (name == "isalnum") {
    fn = [self](const CallArgs&) { return Value::boolean(all_chars(self.str(), [](char32_t c) { return QChar::isLetterOrNumber(c); })); };
  } else if (name == "isspace") {
    fn = [self](const CallArgs&) { return Value::boolean(all_chars(self.str(), is_python_space)); };
  } else if (name == "islower" || name == "isupper") {
    const bool lower = name == "islower";
    fn = [self, lower](const CallArgs&) {
      const std::string& s = self.str();
      const bool has_cased = python_upper(s) != python_lower(s);
      return Value::boolean(has_cased && (lower ? python_lower(s) == s : python_upper(s) == s));
    };
  } else {
    return {};
  }
  return Value::callable("str." + std::string(name), std::move(fn));
}

Value dict_method(const Value& self, std::string_view name) {
  if (name == "items") {
    return Value::callable("dict.items", [self](const CallArgs&) {
      List out;
      for (const auto& [k, v] : self.entries().entries) out.push_back(Value::list({k, v}, true));
      return Value::list(std::move(out));
    });
  }
  if (name == "keys" || name == "values") {
    const bool keys = name == "keys";
    return Value::callable(keys ? "dict.keys" : "dict.values", [self, keys](const CallArgs&) {
      List out;
      for (const auto& [k, v] : self.entries().entries) out.push_back(keys ? k : v);
      return Value::list(std::move(out));
    });
  }
  if (name == "get") {
    return Value::callable("dict.get", [self](const CallArgs& a) {
      const Value* key = a.arg(0, "key");
      if (!key) throw TemplateError(a.line, "dict.get() needs a key");
      for (const auto& [k, v] : self.entries().entries)
        if (k.equals(*key)) return v;
      const Value* fallback = a.arg(1, "default");
      return fallback ? *fallback : Value::none();
    });
  }
  return {};
}

Value list_method(const Value& self, std::string_view name) {
  if (name == "index" || name == "count") {
    const bool count = name == "count";
    return Value::callable(count ? "list.count" : "list.index", [self, count](const CallArgs& a) {
      const Value* x = a.arg(0, "value");
      if (!x) throw TemplateError(a.line, "list.index()/count() needs a value");
      int64_t n = 0;
      for (size_t i = 0; i < self.items().size(); ++i) {
        if (!self.items()[i].equals(*x)) continue;
        if (!count) return Value::integer(static_cast<int64_t>(i));
        ++n;
      }
      if (!count) throw TemplateError(a.line, "list.index(): the value is not in the list");
      return Value::integer(n);
    });
  }
  static const char* const kMutating[] = {"append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse"};
  for (const char* m : kMutating) {
    if (name == m) {
      const std::string method(name);
      return Value::callable("list." + method, [method](const CallArgs& a) -> Value {
        throw TemplateError(a.line, "list." + method + "() would change a list, which the sandbox HF renders in does not allow");
      });
    }
  }
  return {};
}

}  // namespace

Value bound_method(const Value& self, std::string_view name) {
  switch (self.kind()) {
    case Value::Kind::string: return string_method(self, name);
    case Value::Kind::dict: return dict_method(self, name);
    case Value::Kind::list: return list_method(self, name);
    default: return {};
  }
}

}  // namespace medlora::tokenizer::jinja
