#include "core/tokenizer/jinja/value.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace medlora::tokenizer::jinja {

const Value* Dict::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k.is_string() && k.str() == key) return &v;
  return nullptr;
}

Value* Dict::find(std::string_view key) {
  for (auto& [k, v] : entries)
    if (k.is_string() && k.str() == key) return &v;
  return nullptr;
}

void Dict::set(Value key, Value value) {
  for (auto& [k, v] : entries) {
    if (k.equals(key)) {
      v = std::move(value);
      return;
    }
  }
  entries.emplace_back(std::move(key), std::move(value));
}

const Value* CallArgs::kw(std::string_view name) const {
  for (const auto& [k, v] : keyword)
    if (k == name) return &v;
  return nullptr;
}

const Value* CallArgs::arg(size_t i, std::string_view name) const {
  if (i < positional.size()) return &positional[i];
  return kw(name);
}

Value Value::undefined(std::string name) {
  Value v;
  v.text_ = std::make_shared<const Text>(Text::from_data(std::move(name)));
  return v;
}

Value Value::none(bool data) {
  Value v;
  v.kind_ = Kind::none;
  v.data_ = data;
  return v;
}

Value Value::boolean(bool b, bool data) {
  Value v;
  v.kind_ = Kind::boolean;
  v.b_ = b;
  v.data_ = data;
  return v;
}

Value Value::integer(int64_t i, bool data) {
  Value v;
  v.kind_ = Kind::integer;
  v.i_ = i;
  v.data_ = data;
  return v;
}

Value Value::floating(double f, bool data) {
  Value v;
  v.kind_ = Kind::floating;
  v.f_ = f;
  v.data_ = data;
  return v;
}

Value Value::string(Text t) {
  Value v;
  v.kind_ = Kind::string;
  v.text_ = std::make_shared<const Text>(std::move(t));
  return v;
}

Value Value::list(List items, bool tuple) {
  Value v;
  v.kind_ = Kind::list;
  v.tuple_ = tuple;
  v.list_ = std::make_shared<List>(std::move(items));
  return v;
}

Value Value::dict(Dict d) {
  Value v;
  v.kind_ = Kind::dict;
  v.dict_ = std::make_shared<Dict>(std::move(d));
  return v;
}

Value Value::namespace_object(Dict d) {
  Value v = dict(std::move(d));
  v.kind_ = Kind::namespace_object;
  return v;
}

Value Value::callable(std::string name, std::function<Value(const CallArgs&)> fn) {
  Value v;
  v.kind_ = Kind::callable;
  v.fn_ = std::make_shared<const Callable>(Callable{std::move(name), std::move(fn)});
  return v;
}

Value Value::loop(std::shared_ptr<LoopState> state) {
  Value v;
  v.kind_ = Kind::loop;
  v.loop_ = std::move(state);
  return v;
}

double Value::as_double() const {
  switch (kind_) {
    case Kind::floating: return f_;
    case Kind::integer: return static_cast<double>(i_);
    case Kind::boolean: return b_ ? 1.0 : 0.0;
    default: return 0.0;
  }
}

const std::string& Value::undefined_name() const {
  static const std::string empty;
  return text_ ? text_->str : empty;
}

bool Value::truthy() const {
  switch (kind_) {
    case Kind::undefined:
    case Kind::none: return false;
    case Kind::boolean: return b_;
    case Kind::integer: return i_ != 0;
    case Kind::floating: return f_ != 0.0;
    case Kind::string: return !text_->str.empty();
    case Kind::list: return !list_->empty();
    case Kind::dict: return !dict_->entries.empty();
    default: return true;
  }
}

bool Value::is_markup() const {
  switch (kind_) {
    case Kind::string: return text_->all_markup();
    case Kind::list:
      for (const auto& item : *list_)
        if (!item.is_markup()) return false;
      return true;
    case Kind::dict:
    case Kind::namespace_object:
      for (const auto& [k, v] : dict_->entries)
        if (!k.is_markup() || !v.is_markup()) return false;
      return true;
    default: return !data_;
  }
}

std::string python_float_repr(double f) {
  if (std::isnan(f)) return "nan";
  if (std::isinf(f)) return f > 0 ? "inf" : "-inf";
  if (f == 0) return std::signbit(f) ? "-0.0" : "0.0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, f, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  // sci: [-]d[.ddd]e[+-]XX
  bool negative = sci[0] == '-';
  if (negative) sci.erase(0, 1);
  const size_t e = sci.find('e');
  std::string digits = sci.substr(0, e);
  const int exponent = std::stoi(sci.substr(e + 1));
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  const int decpt = exponent + 1;  // value = 0.digits * 10^decpt
  std::string out;
  if (decpt > 16 || decpt < -3) {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char exp_buf[16];
    std::snprintf(exp_buf, sizeof exp_buf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    out += exp_buf;
  } else if (decpt <= 0) {
    out = "0." + std::string(static_cast<size_t>(-decpt), '0') + digits;
  } else if (static_cast<size_t>(decpt) >= digits.size()) {
    out = digits + std::string(static_cast<size_t>(decpt) - digits.size(), '0') + ".0";
  } else {
    out = digits.substr(0, static_cast<size_t>(decpt)) + "." + digits.substr(static_cast<size_t>(decpt));
  }
  return negative ? "-" + out : out;
}

std::string python_string_repr(const std::string& s) {
  const bool has_single = s.find('\'') != std::string::npos;
  const bool has_double = s.find('"') != std::string::npos;
  const char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out(1, quote);
  for (unsigned char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == quote) { out += '\\'; out += static_cast<char>(c); }
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else out += static_cast<char>(c);
  }
  out += quote;
  return out;
}

std::string Value::repr() const {
  switch (kind_) {
    case Kind::string: return python_string_repr(text_->str);
    case Kind::undefined: return "Undefined";
    default: break;
  }
  if (kind_ == Kind::list) {
    std::string out = tuple_ ? "(" : "[";
    for (size_t i = 0; i < list_->size(); ++i) {
      if (i) out += ", ";
      out += (*list_)[i].repr();
    }
    if (tuple_ && list_->size() == 1) out += ",";
    out += tuple_ ? ")" : "]";
    return out;
  }
  if (kind_ == Kind::dict) {
    std::string out = "{";
    bool first = true;
    for (const auto& [k, v] : dict_->entries) {
      if (!first) out += ", ";
      first = false;
      out += k.repr() + ": " + v.repr();
    }
    return out + "}";
  }
  return to_text().str;
}

Text Value::to_text() const {
  switch (kind_) {
    case Kind::undefined: return {};
    case Kind::string: return *text_;
    case Kind::none: return Text::derived("None", !data_);
    case Kind::boolean: return Text::derived(b_ ? "True" : "False", !data_);
    case Kind::integer: return Text::derived(std::to_string(i_), !data_);
    case Kind::floating: return Text::derived(python_float_repr(f_), !data_);
    case Kind::list:
    case Kind::dict: return Text::derived(repr(), is_markup());
    case Kind::namespace_object: return Text::from_markup("<Namespace>");
    case Kind::callable: return Text::from_markup("<function " + fn_->name + ">");
    case Kind::loop: return Text::from_markup("<LoopContext>");
  }
  return {};
}

std::string Value::type_name() const {
  switch (kind_) {
    case Kind::undefined: return "undefined";
    case Kind::none: return "NoneType";
    case Kind::boolean: return "bool";
    case Kind::integer: return "int";
    case Kind::floating: return "float";
    case Kind::string: return "str";
    case Kind::list: return tuple_ ? "tuple" : "list";
    case Kind::dict: return "dict";
    case Kind::namespace_object: return "Namespace";
    case Kind::callable: return "function";
    case Kind::loop: return "LoopContext";
  }
  return "object";
}

bool Value::equals(const Value& other) const {
  if (is_number() && other.is_number()) {
    if (kind_ == Kind::floating || other.kind_ == Kind::floating) return as_double() == other.as_double();
    return as_int() == other.as_int();
  }
  if (kind_ != other.kind_) return false;
  switch (kind_) {
    case Kind::undefined:
    case Kind::none: return true;
    case Kind::string: return text_->str == other.text_->str;
    case Kind::list:
      if (list_->size() != other.list_->size()) return false;
      for (size_t i = 0; i < list_->size(); ++i)
        if (!(*list_)[i].equals((*other.list_)[i])) return false;
      return true;
    case Kind::dict:
      if (dict_->entries.size() != other.dict_->entries.size()) return false;
      for (const auto& [k, v] : dict_->entries) {
        bool found = false;
        for (const auto& [k2, v2] : other.dict_->entries)
          if (k.equals(k2)) { found = v.equals(v2); break; }
        if (!found) return false;
      }
      return true;
    default: return dict_ == other.dict_ && fn_ == other.fn_ && loop_ == other.loop_;
  }
}

}  // namespace medlora::tokenizer::jinja
