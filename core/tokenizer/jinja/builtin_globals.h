#pragma once
// The functions a chat template can call by name: Jinja2's range, namespace, dict and HF's
// raise_exception and strftime_now.
#include <string>
#include <utility>
#include <vector>

#include "core/tokenizer/jinja/value.h"

namespace medlora::tokenizer::jinja {

std::vector<std::pair<std::string, Value>> builtin_globals();

// Python's datetime.now().strftime(format) (C strftime on local time, as CPython does).
std::string strftime_now(const std::string& format);

}  // namespace medlora::tokenizer::jinja
