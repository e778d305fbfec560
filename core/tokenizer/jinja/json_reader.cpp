#include "core/tokenizer/jinja/json_reader.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <string>

#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer::jinja {
namespace {

using Json = nlohmann::ordered_json;  // keeps object keys in document order; a repeated key keeps its first place, last value

constexpr int kMaxDepth = 200;

Value to_value(const Json& j, int depth, std::string_view what) {
  if (depth > kMaxDepth) throw TokenizerError(std::string(what) + ": invalid JSON: nested too deeply");
  switch (j.type()) {
    case Json::value_t::null: return Value::none(true);
    case Json::value_t::boolean: return Value::boolean(j.get<bool>(), true);
    case Json::value_t::number_integer: return Value::integer(j.get<int64_t>(), true);
    case Json::value_t::number_unsigned: {
      // Integers past int64 become floats, as this reader has always given them.
      const auto u = j.get<uint64_t>();
      if (u <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return Value::integer(static_cast<int64_t>(u), true);
      return Value::floating(static_cast<double>(u), true);
    }
    case Json::value_t::number_float: return Value::floating(j.get<double>(), true);
    case Json::value_t::string: return Value::data(j.get<std::string>());
    case Json::value_t::array: {
      List items;
      items.reserve(j.size());
      for (const auto& item : j) items.push_back(to_value(item, depth + 1, what));
      return Value::list(std::move(items));
    }
    case Json::value_t::object: {
      Dict d;
      d.entries.reserve(j.size());
      // ordered_json has already merged repeated keys (Python's json: the last value wins).
      for (const auto& [key, item] : j.items()) d.entries.emplace_back(Value::data(key), to_value(item, depth + 1, what));
      return Value::dict(std::move(d));
    }
    default: throw TokenizerError(std::string(what) + ": invalid JSON: unsupported value");
  }
}

}  // namespace

Value read_json(std::string_view json, std::string_view what) {
  Json parsed;
  try {
    parsed = Json::parse(json.begin(), json.end());
  } catch (const Json::parse_error& error) {
    // what() reads "[json.exception.parse_error.101] parse error at line 1, column 4: ..."
    std::string message = error.what();
    if (const size_t close = message.find("] "); message.rfind("[json.exception.", 0) == 0 && close != std::string::npos)
      message.erase(0, close + 2);
    throw TokenizerError(std::string(what) + ": invalid JSON: " + message);
  }
  return to_value(parsed, 0, what);
}

}  // namespace medlora::tokenizer::jinja
