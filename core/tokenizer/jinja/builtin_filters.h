#pragma once
// Jinja2's filters as HF's chat templates use them, with HF's own tojson
// (json.dumps(ensure_ascii=False, indent, separators, sort_keys)).
#include <string_view>

#include "core/tokenizer/jinja/value.h"

namespace medlora::tokenizer::jinja {

bool has_filter(std::string_view name);
// `input|name(args)`; throws TemplateError (at args.line) for unknown filters and bad input.
Value apply_filter(std::string_view name, const Value& input, const CallArgs& args);

}  // namespace medlora::tokenizer::jinja
