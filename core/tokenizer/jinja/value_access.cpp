#include "core/tokenizer/jinja/value_access.h"

#include "core/io/utf8.h"
#include "core/tokenizer/jinja/operators.h"
#include "core/tokenizer/jinja/template_error.h"
#include "core/tokenizer/jinja/unicode_text.h"

namespace medlora::tokenizer::jinja {

std::string object_type_repr(const Value& v) {
  if (v.is_none()) return "None";
  return "'" + v.type_name() + " object'";
}

namespace {

Value loop_attribute(const LoopState& loop, std::string_view name, const Value& self) {
  const size_t length = loop.items->size();
  const size_t i = loop.index0;
  const auto n = [](size_t v) { return Value::integer(static_cast<int64_t>(v)); };
  if (name == "index") return n(i + 1);
  if (name == "index0") return n(i);
  if (name == "revindex") return n(length - i);
  if (name == "revindex0") return n(length - i - 1);
  if (name == "first") return Value::boolean(i == 0);
  if (name == "last") return Value::boolean(i + 1 == length);
  if (name == "length") return n(length);
  if (name == "depth") return n(static_cast<size_t>(loop.depth));
  if (name == "depth0") return n(static_cast<size_t>(loop.depth - 1));
  if (name == "previtem") return i > 0 ? (*loop.items)[i - 1] : Value::undefined("there is no previous item");
  if (name == "nextitem") return i + 1 < length ? (*loop.items)[i + 1] : Value::undefined("there is no next item");
  if (name == "cycle") {
    const size_t index = i;
    return Value::callable("loop.cycle", [index](const CallArgs& args) {
      if (args.positional.empty()) throw TemplateError(args.line, "loop.cycle() needs at least one value");
      return args.positional[index % args.positional.size()];
    });
  }
  (void)self;
  return Value::undefined("'LoopContext object' has no attribute '" + std::string(name) + "'");
}

}  // namespace

Value get_attribute(const Value& object, std::string_view name, int line) {
  switch (object.kind()) {
    case Value::Kind::undefined: fail_undefined(object, line);
    case Value::Kind::loop: return loop_attribute(object.loop_state(), name, object);
    case Value::Kind::namespace_object:
      if (const Value* v = object.entries().find(name)) return *v;
      break;
    case Value::Kind::dict: {
      Value method = bound_method(object, name);
      if (!method.is_undefined()) return method;
      if (const Value* v = object.entries().find(name)) return *v;
      break;
    }
    case Value::Kind::string:
    case Value::Kind::list: {
      Value method = bound_method(object, name);
      if (!method.is_undefined()) return method;
      break;
    }
    default: break;
  }
  return Value::undefined(object_type_repr(object) + " has no attribute '" + std::string(name) + "'");
}

Value get_item(const Value& object, const Value& key, int line) {
  switch (object.kind()) {
    case Value::Kind::undefined: fail_undefined(object, line);
    case Value::Kind::dict:
    case Value::Kind::namespace_object:
      for (const auto& [k, v] : object.entries().entries)
        if (k.equals(key)) return v;
      if (key.is_string()) {
        if (object.kind() == Value::Kind::namespace_object) break;
        Value method = bound_method(object, key.str());
        if (!method.is_undefined()) return method;
      }
      break;
    case Value::Kind::list:
    case Value::Kind::string:
      if (key.kind() == Value::Kind::integer || key.kind() == Value::Kind::boolean) {
        int64_t i = key.as_int();
        if (object.is_list()) {
          const int64_t size = static_cast<int64_t>(object.items().size());
          if (i < 0) i += size;
          if (i >= 0 && i < size) return object.items()[static_cast<size_t>(i)];
        } else {
          const std::u32string text = utf8_decode(object.str());
          const int64_t size = static_cast<int64_t>(text.size());
          if (i < 0) i += size;
          if (i >= 0 && i < size)
            return Value::string(Text::derived(io::utf8::encode(std::u32string(1, text[static_cast<size_t>(i)])), object.is_markup()));
        }
        return Value::undefined(object_type_repr(object) + " has no element " + std::to_string(key.as_int()));
      }
      if (key.is_string()) return get_attribute(object, key.str(), line);
      break;
    case Value::Kind::loop:
      if (key.is_string()) return get_attribute(object, key.str(), line);
      break;
    default: break;
  }
  return Value::undefined(object_type_repr(object) + " has no element " + key.repr());
}

Value get_slice(const Value& object, std::optional<int64_t> start, std::optional<int64_t> stop, std::optional<int64_t> step_opt, int line) {
  if (object.is_undefined()) fail_undefined(object, line);
  const int64_t step = step_opt.value_or(1);
  if (step == 0) throw TemplateError(line, "slice step cannot be zero");
  std::u32string text;
  int64_t length;
  if (object.is_string()) {
    text = utf8_decode(object.str());
    length = static_cast<int64_t>(text.size());
  } else if (object.is_list()) {
    length = static_cast<int64_t>(object.items().size());
  } else {
    throw TemplateError(line, "cannot slice a value of type '" + object.type_name() + "'");
  }
  auto adjust = [&](std::optional<int64_t> v, int64_t default_value) {
    if (!v) return default_value;
    int64_t x = *v;
    if (x < 0) {
      x += length;
      if (x < 0) x = step < 0 ? -1 : 0;
    } else if (x >= length) {
      x = step < 0 ? length - 1 : length;
    }
    return x;
  };
  const int64_t begin = adjust(start, step < 0 ? length - 1 : 0);
  const int64_t end = adjust(stop, step < 0 ? -1 : length);
  std::vector<int64_t> indexes;
  if (step > 0)
    for (int64_t i = begin; i < end; i += step) indexes.push_back(i);
  else
    for (int64_t i = begin; i > end; i += step) indexes.push_back(i);
  if (object.is_string()) {
    std::u32string out;
    for (int64_t i : indexes) out += text[static_cast<size_t>(i)];
    return Value::string(Text::derived(io::utf8::encode(out), object.is_markup()));
  }
  List out;
  for (int64_t i : indexes) out.push_back(object.items()[static_cast<size_t>(i)]);
  return Value::list(std::move(out), object.is_tuple());
}

List iterate(const Value& v, int line) {
  switch (v.kind()) {
    case Value::Kind::undefined: return {};
    case Value::Kind::list: return v.items();
    case Value::Kind::dict: {
      List keys;
      for (const auto& [k, value] : v.entries().entries) keys.push_back(k);
      return keys;
    }
    case Value::Kind::string: {
      List chars;
      const bool markup = v.is_markup();
      for (char32_t c : utf8_decode(v.str())) chars.push_back(Value::string(Text::derived(io::utf8::encode(std::u32string(1, c)), markup)));
      return chars;
    }
    default: throw TemplateError(line, "'" + v.type_name() + "' object is not iterable");
  }
}

}  // namespace medlora::tokenizer::jinja
