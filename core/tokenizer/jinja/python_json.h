#pragma once
// json.dumps as Python writes it, for HF's tojson filter: ensure_ascii, indent, separators
// and sort_keys with Python's defaults (", " and ": " without indent, "," with it).
#include <optional>
#include <string>

#include "core/tokenizer/jinja/value.h"

namespace medlora::tokenizer::jinja {

struct JsonDumpOptions {
  bool ensure_ascii = false;
  std::optional<std::string> indent;  // the indent string; nullopt: one line
  std::optional<std::pair<std::string, std::string>> separators;
  bool sort_keys = false;
};

// Throws TemplateError (at `line`) for values JSON cannot hold (undefined, functions).
std::string python_json_dumps(const Value& value, const JsonDumpOptions& options, int line);

}  // namespace medlora::tokenizer::jinja
