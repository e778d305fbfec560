// libFuzzer target for the strict JSON parser: parse or throw JsonError, and what parses must
// survive a quote/parse round trip of every string in it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/io/json_lite.h"

namespace {

void check(const medlora::io::json::Value& v) {
  using medlora::io::json::Value;
  if (v.kind == Value::Kind::String) {
    if (medlora::io::json::parse(medlora::io::json::quote(v.text)).text != v.text) __builtin_trap();
  }
  for (const auto& item : v.array) check(item);
  for (const auto& [key, item] : v.object) {
    if (medlora::io::json::parse(medlora::io::json::quote(key)).text != key) __builtin_trap();
    check(item);
  }
  (void)v.as_u64();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    check(medlora::io::json::parse(std::string_view(reinterpret_cast<const char*>(data), size)));
  } catch (const medlora::io::json::JsonError&) {
  }
  return 0;
}
