#include "core/tokenizer/jinja/builtin_filters.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <unordered_map>

#include <QChar>

#include "core/io/utf8.h"
#include "core/tokenizer/jinja/builtin_tests.h"
#include "core/tokenizer/jinja/operators.h"
#include "core/tokenizer/jinja/python_json.h"
#include "core/tokenizer/jinja/template_error.h"
#include "core/tokenizer/jinja/unicode_text.h"
#include "core/tokenizer/jinja/value_access.h"

namespace medlora::tokenizer::jinja {
namespace {

using FilterFn = std::function<Value(const Value&, const CallArgs&)>;

bool args_markup(const CallArgs& args) {
  for (const auto& v : args.positional)
    if (!v.is_markup()) return false;
  for (const auto& [k, v] : args.keyword)
    if (!v.is_markup()) return false;
  return true;
}

// A string result of a transform: markup only when the input and every argument were.
Value derived(const Value& input, const CallArgs& args, std::string s) {
  return Value::string(Text::derived(std::move(s), input.is_markup() && args_markup(args)));
}

std::string as_string(const Value& v) { return v.to_text().str; }

const std::string* string_param(const CallArgs& args, size_t i, std::string_view name, std::string_view filter) {
  const Value* v = args.arg(i, name);
  if (!v || v->is_none()) return nullptr;
  if (!v->is_string())
    throw TemplateError(args.line, "the filter \"" + std::string(filter) + "\" needs a string for \"" + std::string(name) + "\"");
  return &v->str();
}

bool bool_param(const CallArgs& args, size_t i, std::string_view name, bool fallback) {
  const Value* v = args.arg(i, name);
  return v ? v->truthy() : fallback;
}

List sequence(const Value& v, int line) { return iterate(v, line); }

// Jinja2's attribute getter: "a.b.0" reads item a, then b, then index 0.
Value read_path(const Value& item, const std::string& path, int line) {
  Value current = item;
  size_t start = 0;
  while (true) {
    const size_t dot = path.find('.', start);
    const std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    const bool numeric = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    current = get_item(current, numeric ? Value::integer(std::stoll(part)) : Value::markup(part), line);
    if (dot == std::string::npos) return current;
    start = dot + 1;
  }
}

Value select_common(const Value& input, const CallArgs& args, bool by_attribute, bool keep_when) {
  size_t next = 0;
  std::string attribute;
  if (by_attribute) {
    const std::string* a = string_param(args, 0, "attribute", "selectattr");
    if (!a) throw TemplateError(args.line, "selectattr/rejectattr need an attribute name");
    attribute = *a;
    next = 1;
  }
  std::string test;
  std::vector<Value> test_args;
  if (next < args.positional.size()) {
    if (!args.positional[next].is_string()) throw TemplateError(args.line, "select/selectattr need a test name");
    test = args.positional[next].str();
    test_args.assign(args.positional.begin() + static_cast<long>(next) + 1, args.positional.end());
  }
  List out;
  if (!input.truthy()) return Value::list({});  // Jinja2 skips a falsy input (0, none, '') without iterating it
  for (const auto& item : sequence(input, args.line)) {
    const Value subject = by_attribute ? read_path(item, attribute, args.line) : item;
    const bool passed = test.empty() ? subject.truthy() : apply_test(test, subject, test_args, args.line);
    if (passed == keep_when) out.push_back(item);
  }
  return Value::list(std::move(out));
}

Value sort_key(const Value& item, const std::string* attribute, bool case_sensitive, int line) {
  Value key = attribute ? read_path(item, *attribute, line) : item;
  if (!case_sensitive && key.is_string()) return Value::data(python_lower(key.str()));
  return key;
}

std::string html_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&#34;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

Value to_int(const Value& v, const CallArgs& args) {
  if (v.is_undefined()) fail_undefined(v, args.line);
  const Value* fallback = args.arg(0, "default");
  const Value def = fallback ? *fallback : Value::integer(0);
  const bool data = !v.is_markup();
  if (v.kind() == Value::Kind::integer || v.kind() == Value::Kind::boolean) return Value::integer(v.as_int(), data);
  if (v.kind() == Value::Kind::floating) return Value::integer(static_cast<int64_t>(std::trunc(v.as_double())), data);
  if (v.is_string()) {
    const std::string s = python_strip(v.str(), nullptr, StripSide::both);
    try {
      size_t used = 0;
      const long long i = std::stoll(s, &used, 10);
      if (used == s.size()) return Value::integer(i, data);
      const double d = std::stod(s, &used);
      if (used == s.size()) return Value::integer(static_cast<int64_t>(std::trunc(d)), data);
    } catch (const std::exception&) {
    }
  }
  return def;
}

Value to_float(const Value& v, const CallArgs& args) {
  if (v.is_undefined()) fail_undefined(v, args.line);
  const Value* fallback = args.arg(0, "default");
  const Value def = fallback ? *fallback : Value::floating(0.0);
  const bool data = !v.is_markup();
  if (v.is_number()) return Value::floating(v.as_double(), data);
  if (v.is_string()) {
    const std::string s = python_strip(v.str(), nullptr, StripSide::both);
    try {
      size_t used = 0;
      const double d = std::stod(s, &used);
      if (used == s.size() && !s.empty()) return Value::floating(d, data);
    } catch (const std::exception&) {
    }
  }
  return def;
}

Value tojson(const Value& v, const CallArgs& args) {
  JsonDumpOptions options;
  options.ensure_ascii = bool_param(args, 0, "ensure_ascii", false);
  if (const Value* indent = args.arg(1, "indent"); indent && !indent->is_none()) {
    if (indent->is_string()) options.indent = indent->str();
    else if (indent->kind() == Value::Kind::integer) options.indent = std::string(static_cast<size_t>(std::max<int64_t>(0, indent->as_int())), ' ');
    else throw TemplateError(args.line, "tojson: indent must be an integer or a string");
  }
  if (const Value* sep = args.arg(2, "separators"); sep && !sep->is_none()) {
    if (!sep->is_list() || sep->items().size() != 2 || !sep->items()[0].is_string() || !sep->items()[1].is_string())
      throw TemplateError(args.line, "tojson: separators must be a pair of strings like (',', ': ')");
    options.separators = std::make_pair(sep->items()[0].str(), sep->items()[1].str());
  }
  options.sort_keys = bool_param(args, 3, "sort_keys", false);
  return derived(v, args, python_json_dumps(v, options, args.line));
}

Value indent_filter(const Value& v, const CallArgs& args) {
  if (v.is_undefined()) fail_undefined(v, args.line);
  if (!v.is_string()) throw TemplateError(args.line, "the filter \"indent\" needs a string, not '" + v.type_name() + "'");
  std::string indention = "    ";
  if (const Value* w = args.arg(0, "width")) {
    if (w->is_string()) indention = w->str();
    else indention = std::string(static_cast<size_t>(std::max<int64_t>(0, w->as_int())), ' ');
  }
  const bool first = bool_param(args, 1, "first", false);
  const bool blank = bool_param(args, 2, "blank", false);
  const std::vector<std::string> lines = python_splitlines(as_string(v) + "\n");
  std::string rv;
  if (blank) {
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i) rv += "\n" + indention;
      rv += lines[i];
    }
  } else {
    rv = lines.empty() ? "" : lines[0];
    for (size_t i = 1; i < lines.size(); ++i) rv += "\n" + (lines[i].empty() ? "" : indention) + lines[i];
  }
  if (first) rv = indention + rv;
  return derived(v, args, rv);
}

const std::unordered_map<std::string, FilterFn>& filters() {
  static const std::unordered_map<std::string, FilterFn> table = [] {
    std::unordered_map<std::string, FilterFn> f;
    f["safe"] = [](const Value& v, const CallArgs&) { return v; };
    f["string"] = [](const Value& v, const CallArgs&) { return Value::string(v.to_text()); };
    f["e"] = f["escape"] = f["forceescape"] = [](const Value& v, const CallArgs& a) { return derived(v, a, html_escape(as_string(v))); };
    f["trim"] = [](const Value& v, const CallArgs& a) {
      return derived(v, a, python_strip(as_string(v), string_param(a, 0, "chars", "trim"), StripSide::both));
    };
    f["upper"] = [](const Value& v, const CallArgs& a) { return derived(v, a, python_upper(as_string(v))); };
    f["lower"] = [](const Value& v, const CallArgs& a) { return derived(v, a, python_lower(as_string(v))); };
    f["title"] = [](const Value& v, const CallArgs& a) { return derived(v, a, jinja_title(as_string(v))); };
    f["capitalize"] = [](const Value& v, const CallArgs& a) { return derived(v, a, python_capitalize(as_string(v))); };
    f["replace"] = [](const Value& v, const CallArgs& a) {
      const std::string* old_text = string_param(a, 0, "old", "replace");
      const std::string* new_text = string_param(a, 1, "new", "replace");
      if (!old_text || !new_text) throw TemplateError(a.line, "the filter \"replace\" needs two strings: replace('old', 'new')");
      const Value* count = a.arg(2, "count");
      return derived(v, a, python_replace(as_string(v), *old_text, *new_text, count && !count->is_none() ? count->as_int() : -1));
    };
    f["length"] = f["count"] = [](const Value& v, const CallArgs& a) {
      switch (v.kind()) {
        case Value::Kind::undefined: return Value::integer(0);
        case Value::Kind::string: return Value::integer(static_cast<int64_t>(io::utf8::count_code_points(v.str())), !v.is_markup());
        case Value::Kind::list: return Value::integer(static_cast<int64_t>(v.items().size()), !v.is_markup());
        case Value::Kind::dict:
        case Value::Kind::namespace_object: return Value::integer(static_cast<int64_t>(v.entries().entries.size()), !v.is_markup());
        default: throw TemplateError(a.line, "object of type '" + v.type_name() + "' has no len()");
      }
    };
    f["wordcount"] = [](const Value& v, const CallArgs&) {
      int64_t n = 0;
      bool in_word = false;
      for (char32_t c : utf8_decode(as_string(v))) {
        const bool word = c == '_' || QChar::isLetterOrNumber(c);
        if (word && !in_word) ++n;
        in_word = word;
      }
      return Value::integer(n, !v.is_markup());
    };
    f["default"] = f["d"] = [](const Value& v, const CallArgs& a) {
      const Value* fallback = a.arg(0, "default_value");
      const bool boolean = bool_param(a, 1, "boolean", false);
      if (v.is_undefined() || (boolean && !v.truthy())) return fallback ? *fallback : Value::markup("");
      return v;
    };
    f["join"] = [](const Value& v, const CallArgs& a) {
      const Value* sep = a.arg(0, "d");
      const Text separator = sep ? sep->to_text() : Text();
      const std::string* attribute = string_param(a, 1, "attribute", "join");
      Text out;
      bool first = true;
      for (const auto& item : sequence(v, a.line)) {
        if (!first) out.append(separator);
        first = false;
        out.append((attribute ? read_path(item, *attribute, a.line) : item).to_text());
      }
      return Value::string(std::move(out));
    };
    f["first"] = [](const Value& v, const CallArgs& a) {
      const List items = sequence(v, a.line);
      return items.empty() ? Value::undefined("No first item, sequence was empty.") : items.front();
    };
    f["last"] = [](const Value& v, const CallArgs& a) {
      const List items = sequence(v, a.line);
      return items.empty() ? Value::undefined("No last item, sequence was empty.") : items.back();
    };
    f["items"] = [](const Value& v, const CallArgs& a) {
      if (v.is_undefined()) return Value::list({});
      if (!v.is_mapping()) throw TemplateError(a.line, "the filter \"items\" needs a mapping, not '" + v.type_name() + "'");
      List out;
      for (const auto& [k, value] : v.entries().entries) out.push_back(Value::list({k, value}, true));
      return Value::list(std::move(out));
    };
    f["list"] = [](const Value& v, const CallArgs& a) { return Value::list(sequence(v, a.line)); };
    f["reverse"] = [](const Value& v, const CallArgs& a) {
      if (v.is_string()) {
        std::u32string t = utf8_decode(v.str());
        std::reverse(t.begin(), t.end());
        return derived(v, a, io::utf8::encode(t));
      }
      List items = sequence(v, a.line);
      std::reverse(items.begin(), items.end());
      return Value::list(std::move(items));
    };
    f["int"] = to_int;
    f["float"] = to_float;
    f["abs"] = [](const Value& v, const CallArgs& a) {
      if (v.kind() == Value::Kind::integer || v.kind() == Value::Kind::boolean) return Value::integer(std::llabs(v.as_int()), !v.is_markup());
      if (v.kind() == Value::Kind::floating) return Value::floating(std::fabs(v.as_double()), !v.is_markup());
      throw TemplateError(a.line, "bad operand type for abs(): '" + v.type_name() + "'");
    };
    f["round"] = [](const Value& v, const CallArgs& a) {
      if (!v.is_number()) throw TemplateError(a.line, "the filter \"round\" needs a number");
      const Value* p = a.arg(0, "precision");
      const int64_t precision = p ? p->as_int() : 0;
      const std::string* method = string_param(a, 1, "method", "round");
      const double scale = std::pow(10.0, static_cast<double>(precision));
      const double x = v.as_double() * scale;
      double r;
      if (!method || *method == "common") r = std::nearbyint(x);
      else if (*method == "ceil") r = std::ceil(x);
      else if (*method == "floor") r = std::floor(x);
      else throw TemplateError(a.line, "the filter \"round\": method must be 'common', 'ceil' or 'floor'");
      if (v.kind() != Value::Kind::floating && (!method || *method == "common")) return Value::integer(static_cast<int64_t>(r / scale), !v.is_markup());
      return Value::floating(r / scale, !v.is_markup());
    };
    f["select"] = [](const Value& v, const CallArgs& a) { return select_common(v, a, false, true); };
    f["reject"] = [](const Value& v, const CallArgs& a) { return select_common(v, a, false, false); };
    f["selectattr"] = [](const Value& v, const CallArgs& a) { return select_common(v, a, true, true); };
    f["rejectattr"] = [](const Value& v, const CallArgs& a) { return select_common(v, a, true, false); };
    f["map"] = [](const Value& v, const CallArgs& a) {
      List out;
      if (!v.truthy()) return Value::list({});
      if (const std::string* attribute = string_param(a, 99, "attribute", "map")) {
        const Value* fallback = a.kw("default");
        for (const auto& item : sequence(v, a.line)) {
          Value x = read_path(item, *attribute, a.line);
          out.push_back(x.is_undefined() && fallback ? *fallback : x);
        }
        return Value::list(std::move(out));
      }
      if (a.positional.empty() || !a.positional[0].is_string()) throw TemplateError(a.line, "map needs a filter name or attribute='...'");
      CallArgs inner;
      inner.line = a.line;
      inner.positional.assign(a.positional.begin() + 1, a.positional.end());
      inner.keyword = a.keyword;
      for (const auto& item : sequence(v, a.line)) out.push_back(apply_filter(a.positional[0].str(), item, inner));
      return Value::list(std::move(out));
    };
    f["unique"] = [](const Value& v, const CallArgs& a) {
      const bool case_sensitive = bool_param(a, 0, "case_sensitive", false);
      const std::string* attribute = string_param(a, 1, "attribute", "unique");
      List out, seen;
      for (const auto& item : sequence(v, a.line)) {
        const Value key = sort_key(item, attribute, case_sensitive, a.line);
        if ((key.is_list() && !key.is_tuple()) || key.is_mapping())
          throw TemplateError(a.line, "unique: unhashable type: '" + key.type_name() + "'");
        if (std::any_of(seen.begin(), seen.end(), [&](const Value& s) { return s.equals(key); })) continue;
        seen.push_back(key);
        out.push_back(item);
      }
      return Value::list(std::move(out));
    };
    f["sort"] = [](const Value& v, const CallArgs& a) {
      const bool reverse = bool_param(a, 0, "reverse", false);
      const bool case_sensitive = bool_param(a, 1, "case_sensitive", false);
      const std::string* attribute = string_param(a, 2, "attribute", "sort");
      List items = sequence(v, a.line);
      std::vector<std::pair<Value, Value>> keyed;
      for (auto& item : items) keyed.emplace_back(sort_key(item, attribute, case_sensitive, a.line), item);
      const int line = a.line;
      std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& x, const auto& y) {
        return reverse ? python_less(y.first, x.first, line) : python_less(x.first, y.first, line);
      });
      List out;
      for (auto& [k, item] : keyed) out.push_back(std::move(item));
      return Value::list(std::move(out));
    };
    f["dictsort"] = [](const Value& v, const CallArgs& a) {
      if (!v.is_mapping()) throw TemplateError(a.line, "the filter \"dictsort\" needs a mapping");
      const bool case_sensitive = bool_param(a, 0, "case_sensitive", false);
      const std::string* by = string_param(a, 1, "by", "dictsort");
      const bool by_value = by && *by == "value";
      const bool reverse = bool_param(a, 2, "reverse", false);
      List pairs;
      for (const auto& [k, value] : v.entries().entries) pairs.push_back(Value::list({k, value}, true));
      const int line = a.line;
      std::stable_sort(pairs.begin(), pairs.end(), [&](const Value& x, const Value& y) {
        const Value kx = sort_key(x.items()[by_value ? 1 : 0], nullptr, case_sensitive, line);
        const Value ky = sort_key(y.items()[by_value ? 1 : 0], nullptr, case_sensitive, line);
        return reverse ? python_less(ky, kx, line) : python_less(kx, ky, line);
      });
      return Value::list(std::move(pairs));
    };
    f["batch"] = [](const Value& v, const CallArgs& a) {
      const Value* count = a.arg(0, "linecount");
      if (!count || count->as_int() <= 0) throw TemplateError(a.line, "the filter \"batch\" needs a positive count");
      const Value* fill = a.arg(1, "fill_with");
      List out, current;
      for (const auto& item : sequence(v, a.line)) {
        current.push_back(item);
        if (static_cast<int64_t>(current.size()) == count->as_int()) {
          out.push_back(Value::list(std::move(current)));
          current.clear();
        }
      }
      if (!current.empty()) {
        if (fill && !fill->is_none())
          while (static_cast<int64_t>(current.size()) < count->as_int()) current.push_back(*fill);
        out.push_back(Value::list(std::move(current)));
      }
      return Value::list(std::move(out));
    };
    f["sum"] = [](const Value& v, const CallArgs& a) {
      const std::string* attribute = string_param(a, 0, "attribute", "sum");
      const Value* start = a.arg(1, "start");
      Value total = start ? *start : Value::integer(0);
      for (const auto& item : sequence(v, a.line))
        total = binary_operation(BinaryOp::add, total, attribute ? read_path(item, *attribute, a.line) : item, a.line);
      return total;
    };
    auto extreme = [](bool want_max) {
      return [want_max](const Value& v, const CallArgs& a) {
        const bool case_sensitive = bool_param(a, 0, "case_sensitive", false);
        const std::string* attribute = string_param(a, 1, "attribute", want_max ? "max" : "min");
        const List items = sequence(v, a.line);
        if (items.empty()) return Value::undefined("No aggregated item, sequence was empty.");
        size_t best = 0;
        for (size_t i = 1; i < items.size(); ++i) {
          const Value k = sort_key(items[i], attribute, case_sensitive, a.line);
          const Value b = sort_key(items[best], attribute, case_sensitive, a.line);
          if (want_max ? python_less(b, k, a.line) : python_less(k, b, a.line)) best = i;
        }
        return items[best];
      };
    };
    f["max"] = extreme(true);
    f["min"] = extreme(false);
    f["indent"] = indent_filter;
    f["tojson"] = tojson;
    return f;
  }();
  return table;
}

}  // namespace

bool has_filter(std::string_view name) { return filters().count(std::string(name)) > 0; }

Value apply_filter(std::string_view name, const Value& input, const CallArgs& args) {
  auto it = filters().find(std::string(name));
  if (it == filters().end()) throw TemplateError(args.line, "unknown filter \"" + std::string(name) + "\"");
  return it->second(input, args);
}

}  // namespace medlora::tokenizer::jinja
