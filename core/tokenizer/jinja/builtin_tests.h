#pragma once
// Jinja2's tests (`x is defined`, `x is divisibleby 3`, `x is equalto 'user'`).
#include <string_view>
#include <vector>

#include "core/tokenizer/jinja/value.h"

namespace medlora::tokenizer::jinja {

bool has_test(std::string_view name);
// Throws TemplateError (at `line`) for unknown tests and bad arguments.
bool apply_test(std::string_view name, const Value& value, const std::vector<Value>& args, int line);

}  // namespace medlora::tokenizer::jinja
