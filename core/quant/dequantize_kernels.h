#pragma once
// Dequantising whole rows of a QuantizedWeight into a caller's buffer, and the one-row
// product W x that decoding needs, with the kernels of a chosen instruction set.
#include <c10/core/ScalarType.h>

#include <cstdint>

#include "core/quant/cpu_isa.h"
#include "core/quant/quantized_weight.h"

namespace medlora::quant {

// Rows [begin, end) of q into `out` (row-major, (end - begin) * cols elements) as float32 or
// bfloat16. Parallel over rows. An NF4 weight whose cols is not a multiple of 64 is decoded by
// the portable code whatever `isa` says (its blocks straddle rows).
void dequantize_rows(const QuantizedWeight& q, int64_t begin, int64_t end, void* out, c10::ScalarType dtype, Isa isa);

// y[r] = sum_j W[r, j] x[j] for every row, float32 x [cols] -> float32 y [rows], decoding one
// row at a time into a per-thread buffer (the weight is read once, never expanded).
void quantized_gemv(const QuantizedWeight& q, const float* x, float* y, Isa isa);

}  // namespace medlora::quant
