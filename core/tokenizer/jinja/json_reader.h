#pragma once
// Reads JSON text into template values as Python's json.loads does: object keys keep their
// order (QJsonObject would sort them, and tojson must print them as given), 1 stays an int
// and 1.0 a float, a repeated key keeps its first place and its last value. Parsed by
// nlohmann::ordered_json; integers past int64 come back as floats. Every value read is data
// (not markup).
#include <string_view>

#include "core/tokenizer/jinja/value.h"

namespace medlora::tokenizer::jinja {

// Throws TokenizerError naming `what`, the line and column for malformed JSON (bad UTF-8 and
// lone surrogate escapes included).
Value read_json(std::string_view json, std::string_view what);

}  // namespace medlora::tokenizer::jinja
