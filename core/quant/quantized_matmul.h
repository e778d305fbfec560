#pragma once
// Products with a quantised weight, dequantised tile by tile (a block of output rows at a
// time into one reused buffer, then libtorch's GEMM), so the whole matrix never exists in
// float. x may be float32 or bfloat16; results come back in x's dtype.
#include <ATen/core/Tensor.h>

#include "core/quant/cpu_isa.h"
#include "core/quant/quantized_weight.h"

namespace medlora::quant {

// x [..., cols] -> x W^T [..., rows].
at::Tensor quantized_matmul(const at::Tensor& x, const QuantizedWeight& q, Isa isa = best_isa());
// The input gradient of that product: grad_y [..., rows] -> grad_y W [..., cols]
// (accumulated over the tiles in float32).
at::Tensor quantized_matmul_input_grad(const at::Tensor& grad_y, const QuantizedWeight& q, Isa isa = best_isa());
// Rows of dequantised weight per tile for a weight with `cols` columns (about 1 Mi elements).
int64_t tile_rows(int64_t rows, int64_t cols);

}  // namespace medlora::quant
