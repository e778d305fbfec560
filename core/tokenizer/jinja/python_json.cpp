#include "core/tokenizer/jinja/python_json.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/tokenizer/jinja/template_error.h"
#include "core/tokenizer/jinja/unicode_text.h"

namespace medlora::tokenizer::jinja {
namespace {

void write_string(std::string& out, const std::string& s, bool ensure_ascii) {
  out += '"';
  auto escape_u = [&](unsigned v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\u%04x", v);
    out += buf;
  };
  if (ensure_ascii) {
    for (char32_t c : utf8_decode(s)) {
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else if (c == '\b') out += "\\b";
      else if (c == '\f') out += "\\f";
      else if (c < 0x20 || c > 0x7e) {
        if (c >= 0x10000) {
          const char32_t v = c - 0x10000;
          escape_u(0xD800 | (v >> 10));
          escape_u(0xDC00 | (v & 0x3FF));
        } else {
          escape_u(c);
        }
      } else out += static_cast<char>(c);
    }
  } else {
    for (unsigned char c : s) {
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else if (c == '\b') out += "\\b";
      else if (c == '\f') out += "\\f";
      else if (c < 0x20) escape_u(c);
      else out += static_cast<char>(c);
    }
  }
  out += '"';
}

struct Writer {
  const JsonDumpOptions& options;
  int line;
  std::string item_separator;
  std::string key_separator;
  std::string out;

  void newline(int depth) {
    out += '\n';
    for (int i = 0; i < depth; ++i) out += *options.indent;
  }

  void write(const Value& v, int depth) {
    switch (v.kind()) {
      case Value::Kind::none: out += "null"; return;
      case Value::Kind::boolean: out += v.as_bool() ? "true" : "false"; return;
      case Value::Kind::integer: out += std::to_string(v.as_int()); return;
      case Value::Kind::floating: {
        const double f = v.as_double();
        if (std::isnan(f)) out += "NaN";
        else if (std::isinf(f)) out += f > 0 ? "Infinity" : "-Infinity";
        else out += python_float_repr(f);
        return;
      }
      case Value::Kind::string: write_string(out, v.str(), options.ensure_ascii); return;
      case Value::Kind::list: {
        const List& items = v.items();
        if (items.empty()) { out += "[]"; return; }
        out += '[';
        for (size_t i = 0; i < items.size(); ++i) {
          if (i) out += item_separator;
          if (options.indent) newline(depth + 1);
          write(items[i], depth + 1);
        }
        if (options.indent) newline(depth);
        out += ']';
        return;
      }
      case Value::Kind::dict:
      case Value::Kind::namespace_object: {
        std::vector<const std::pair<Value, Value>*> entries;
        for (const auto& e : v.entries().entries) entries.push_back(&e);
        if (entries.empty()) { out += "{}"; return; }
        if (options.sort_keys)
          std::stable_sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->first.str() < b->first.str(); });
        out += '{';
        bool first = true;
        for (const auto* e : entries) {
          if (!first) out += item_separator;
          first = false;
          if (options.indent) newline(depth + 1);
          write_string(out, e->first.to_text().str, options.ensure_ascii);
          out += key_separator;
          write(e->second, depth + 1);
        }
        if (options.indent) newline(depth);
        out += '}';
        return;
      }
      default:
        throw TemplateError(line, "tojson: Object of type " + v.type_name() + " is not JSON serializable");
    }
  }
};

}  // namespace

std::string python_json_dumps(const Value& value, const JsonDumpOptions& options, int line) {
  Writer w{options, line, options.indent ? "," : ", ", ": ", {}};
  if (options.separators) {
    w.item_separator = options.separators->first;
    w.key_separator = options.separators->second;
  }
  w.write(value, 0);
  return std::move(w.out);
}

}  // namespace medlora::tokenizer::jinja
