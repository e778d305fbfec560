#include "core/io/dtype.h"

#include <array>
#include <utility>

namespace medlora::io {
namespace {

struct DTypeInfo {
  DType dtype;
  const char* name;
  size_t size;
};

constexpr std::array<DTypeInfo, 10> kDTypes{{
    {DType::BOOL, "BOOL", 1},
    {DType::U8, "U8", 1},
    {DType::I8, "I8", 1},
    {DType::I16, "I16", 2},
    {DType::I32, "I32", 4},
    {DType::I64, "I64", 8},
    {DType::F16, "F16", 2},
    {DType::BF16, "BF16", 2},
    {DType::F32, "F32", 4},
    {DType::F64, "F64", 8},
}};

const DTypeInfo& info(DType dtype) {
  for (const auto& i : kDTypes)
    if (i.dtype == dtype) return i;
  return kDTypes[0];  // unreachable for valid enum values
}

}  // namespace

size_t element_size(DType dtype) { return info(dtype).size; }

std::string to_string(DType dtype) { return info(dtype).name; }

std::optional<DType> parse_dtype(std::string_view text) {
  for (const auto& i : kDTypes)
    if (text == i.name) return i.dtype;
  return std::nullopt;
}

std::string supported_dtypes_list() {
  std::string out;
  for (const auto& i : kDTypes) {
    if (!out.empty()) out += ", ";
    out += i.name;
  }
  return out;
}

}  // namespace medlora::io
