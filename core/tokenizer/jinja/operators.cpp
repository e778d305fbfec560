#include "core/tokenizer/jinja/operators.h"

#include <cmath>

#include "core/tokenizer/jinja/template_error.h"

namespace medlora::tokenizer::jinja {
namespace {

const char* op_symbol(BinaryOp op) {
  switch (op) {
    case BinaryOp::add: return "+";
    case BinaryOp::sub: return "-";
    case BinaryOp::mul: return "*";
    case BinaryOp::div: return "/";
    case BinaryOp::floordiv: return "//";
    case BinaryOp::mod: return "%";
    case BinaryOp::pow: return "**";
    case BinaryOp::concat: return "~";
    case BinaryOp::and_: return "and";
    case BinaryOp::or_: return "or";
  }
  return "?";
}

[[noreturn]] void unsupported(BinaryOp op, const Value& l, const Value& r, int line) {
  throw TemplateError(line, std::string("unsupported operand types for ") + op_symbol(op) + ": '" + l.type_name() +
                                "' and '" + r.type_name() + "'");
}

Value repeat(const Value& seq, int64_t n, bool data, int line) {
  const size_t unit = seq.is_string() ? seq.str().size() : seq.items().size();
  if (n > 0 && unit > 0 && static_cast<double>(unit) * static_cast<double>(n) > 1e7)
    throw TemplateError(line, "the repetition (* " + std::to_string(n) + ") would be too large");
  if (seq.is_string()) {
    std::string out;
    for (int64_t i = 0; i < n; ++i) out += seq.str();
    return Value::string(Text::derived(std::move(out), seq.is_markup() && !data));
  }
  List out;
  for (int64_t i = 0; i < n; ++i) out.insert(out.end(), seq.items().begin(), seq.items().end());
  return Value::list(std::move(out));
}

bool is_int_like(const Value& v) { return v.kind() == Value::Kind::integer || v.kind() == Value::Kind::boolean; }

}  // namespace

void fail_undefined(const Value& undefined, int line) {
  const std::string& name = undefined.undefined_name();
  throw TemplateError(line, name.empty() ? "an undefined value was used" : name);
}

Value binary_operation(BinaryOp op, const Value& l, const Value& r, int line) {
  if (op == BinaryOp::concat) {
    Text t = l.to_text();
    t.append(r.to_text());
    return Value::string(std::move(t));
  }
  if (l.is_undefined()) fail_undefined(l, line);
  if (r.is_undefined()) fail_undefined(r, line);
  const bool data = !l.is_markup() || !r.is_markup();
  if (l.is_number() && r.is_number()) {
    const bool ints = is_int_like(l) && is_int_like(r);
    const int64_t a = l.as_int(), b = r.as_int();
    const double x = l.as_double(), y = r.as_double();
    switch (op) {
      case BinaryOp::add: return ints ? Value::integer(a + b, data) : Value::floating(x + y, data);
      case BinaryOp::sub: return ints ? Value::integer(a - b, data) : Value::floating(x - y, data);
      case BinaryOp::mul: return ints ? Value::integer(a * b, data) : Value::floating(x * y, data);
      case BinaryOp::div:
        if (y == 0) throw TemplateError(line, "division by zero");
        return Value::floating(x / y, data);
      case BinaryOp::floordiv:
        if (y == 0) throw TemplateError(line, "integer division or modulo by zero");
        if (ints) {
          int64_t q = a / b;
          if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
          return Value::integer(q, data);
        }
        return Value::floating(std::floor(x / y), data);
      case BinaryOp::mod:
        if (y == 0) throw TemplateError(line, "integer division or modulo by zero");
        if (ints) {
          int64_t m = a % b;
          if (m != 0 && ((m < 0) != (b < 0))) m += b;
          return Value::integer(m, data);
        } else {
          double m = std::fmod(x, y);
          if (m != 0 && ((m < 0) != (y < 0))) m += y;
          return Value::floating(m, data);
        }
      case BinaryOp::pow:
        if (x == 0 && y < 0) throw TemplateError(line, "0 cannot be raised to a negative power");
        if (ints && b >= 0) {
          int64_t result = 1;
          for (int64_t i = 0; i < b; ++i) result *= a;
          return Value::integer(result, data);
        }
        return Value::floating(std::pow(x, y), data);
      default: break;
    }
  }
  if (op == BinaryOp::add) {
    if (l.is_string() && r.is_string()) {
      Text t = l.text();
      t.append(r.text());
      return Value::string(std::move(t));
    }
    if (l.is_list() && r.is_list()) {
      List out = l.items();
      out.insert(out.end(), r.items().begin(), r.items().end());
      return Value::list(std::move(out), l.is_tuple() && r.is_tuple());
    }
  }
  if (op == BinaryOp::mod && l.is_string())
    throw TemplateError(line, "printf-style string formatting ('...' % value) is not supported; use ~ or the format of the value instead");
  if (op == BinaryOp::mul) {
    if ((l.is_string() || l.is_list()) && is_int_like(r)) return repeat(l, r.as_int(), data, line);
    if ((r.is_string() || r.is_list()) && is_int_like(l)) return repeat(r, l.as_int(), data, line);
  }
  unsupported(op, l, r, line);
}

bool python_less(const Value& l, const Value& r, int line) {
  if (l.is_number() && r.is_number()) return l.as_double() < r.as_double();
  if (l.is_string() && r.is_string()) return l.str() < r.str();
  if (l.is_list() && r.is_list() && l.is_tuple() == r.is_tuple()) {
    const List& a = l.items();
    const List& b = r.items();
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
      if (!a[i].equals(b[i])) return python_less(a[i], b[i], line);
    }
    return a.size() < b.size();
  }
  if (l.is_undefined()) fail_undefined(l, line);
  if (r.is_undefined()) fail_undefined(r, line);
  throw TemplateError(line, "'<' is not supported between '" + l.type_name() + "' and '" + r.type_name() + "'");
}

bool compare_values(CompareOp op, const Value& l, const Value& r, int line) {
  switch (op) {
    case CompareOp::eq: return l.equals(r);
    case CompareOp::ne: return !l.equals(r);
    case CompareOp::lt: return python_less(l, r, line);
    case CompareOp::gt: return python_less(r, l, line);
    case CompareOp::le: return !python_less(r, l, line);
    case CompareOp::ge: return !python_less(l, r, line);
    case CompareOp::in:
    case CompareOp::not_in: {
      bool found = false;
      if (r.is_string()) {
        if (!l.is_string()) throw TemplateError(line, "'in <string>' requires a string on the left, not '" + l.type_name() + "'");
        found = r.str().find(l.str()) != std::string::npos;
      } else if (r.is_list()) {
        for (const auto& item : r.items())
          if (item.equals(l)) { found = true; break; }
      } else if (r.is_mapping()) {
        if (l.is_list() && !l.is_tuple()) throw TemplateError(line, "unhashable type: 'list'");
        if (l.kind() == Value::Kind::dict) throw TemplateError(line, "unhashable type: 'dict'");
        for (const auto& [k, v] : r.entries().entries)
          if (k.equals(l)) { found = true; break; }
      } else if (r.is_undefined()) {
        found = false;
      } else {
        throw TemplateError(line, "argument of type '" + r.type_name() + "' is not iterable");
      }
      return op == CompareOp::in ? found : !found;
    }
  }
  return false;
}

}  // namespace medlora::tokenizer::jinja
