#pragma once
// y = x W^T + b for a frozen quantised W, with autograd: backward gives the input gradient
// through the dequantised weight (tile by tile) and no weight gradient (the base is frozen).
// One row without gradients (decoding) takes the row-at-a-time gemv instead of the GEMM path.
#include <ATen/core/Tensor.h>

#include "core/quant/quantized_weight.h"

namespace medlora::quant {

// `q` must outlive any autograd graph built from the result (the layer that owns it does).
at::Tensor quantized_linear(const at::Tensor& x, const QuantizedWeight& q, const at::Tensor& bias);

}  // namespace medlora::quant
