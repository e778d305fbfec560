#pragma once
// Element types a safetensors file can hold, independent of libtorch (the fuzzer links this alone).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace medlora::io {

enum class DType { BOOL, U8, I8, I16, I32, I64, F16, BF16, F32, F64 };

// Bytes per element.
size_t element_size(DType dtype);
// The safetensors spelling: "BOOL", "U8", ..., "F32".
std::string to_string(DType dtype);
// Inverse of to_string; nullopt for anything else (including dtypes we do not support, e.g. "U16").
std::optional<DType> parse_dtype(std::string_view text);
// "BOOL, U8, ..., F64", for error messages.
std::string supported_dtypes_list();

}  // namespace medlora::io
