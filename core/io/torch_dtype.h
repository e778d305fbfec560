#pragma once
// Mapping between safetensors dtypes and libtorch scalar types.
#include <c10/core/ScalarType.h>

#include "core/io/dtype.h"

namespace medlora::io {

c10::ScalarType to_scalar_type(DType dtype);
// Throws std::invalid_argument naming the type for scalar types safetensors files here cannot hold.
DType from_scalar_type(c10::ScalarType type);

}  // namespace medlora::io
