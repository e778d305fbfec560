#pragma once
// Decoding feeds each projection one row at a time. libtorch's CPU linear is built for many
// rows: for one float32 row its GEMM path packs the whole weight on every call (~7x slower
// than a matrix-vector product here), and its bfloat16 one-row path reaches ~8 GFLOP/s. These
// kernels stream the weight once. They are for inference only (no autograd graph).
#include <torch/types.h>

#include <optional>

namespace medlora::model {

// y = W x (+ b) for x holding exactly one row ([..., in] with one row in all), when that
// case has a faster kernel here: CPU, float32 or bfloat16, W contiguous, and no gradient
// needed. std::nullopt otherwise: the caller falls back to torch::linear.
std::optional<torch::Tensor> single_row_linear(const torch::Tensor& x, const torch::Tensor& weight,
                                               const torch::Tensor& bias);

// The bfloat16 kernel itself (exposed for tests): W [out, in] bfloat16 contiguous, x [in]
// bfloat16 contiguous; accumulates in float32; returns [out] bfloat16.
torch::Tensor bfloat16_gemv(const torch::Tensor& weight, const torch::Tensor& x);

}  // namespace medlora::model
