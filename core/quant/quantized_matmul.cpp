#include "core/quant/quantized_matmul.h"

#include <torch/torch.h>

#include <stdexcept>

#include "core/quant/dequantize_kernels.h"

namespace medlora::quant {

namespace {

c10::ScalarType compute_dtype_of(const at::Tensor& t) {
  const auto type = t.scalar_type();
  if (type != torch::kFloat && type != torch::kBFloat16)
    throw std::invalid_argument("quantised matmul: activations must be float32 or bfloat16, got " +
                                std::string(c10::toString(type)));
  if (!t.device().is_cpu()) throw std::invalid_argument("quantised matmul: quantised base weights are CPU-only");
  return type;
}

}  // namespace

int64_t tile_rows(int64_t rows, int64_t cols) {
  return std::min(rows, std::max<int64_t>(1, (int64_t{1} << 20) / std::max<int64_t>(cols, 1)));
}

at::Tensor quantized_matmul(const at::Tensor& x, const QuantizedWeight& q, Isa isa) {
  const auto dtype = compute_dtype_of(x);
  TORCH_CHECK(x.size(-1) == q.cols, "quantised matmul: x has ", x.size(-1), " features, the weight ", q.cols);
  torch::NoGradGuard no_grad;
  const auto x2 = x.reshape({-1, q.cols});
  const int64_t n = x2.size(0);
  // Computed transposed, y^T [rows, n]: each tile's result is then a contiguous block of rows.
  auto yt = torch::empty({q.rows, n}, x.options());
  const int64_t step = tile_rows(q.rows, q.cols);
  auto tile = torch::empty({step, q.cols}, x.options());
  for (int64_t start = 0; start < q.rows; start += step) {
    const int64_t count = std::min(step, q.rows - start);
    dequantize_rows(q, start, start + count, tile.data_ptr(), dtype, isa);
    auto out = yt.narrow(0, start, count);
    at::mm_out(out, tile.narrow(0, 0, count), x2.t());
  }
  // A fresh tensor of the final shape, not a view: autograd forbids in-place edits of a view
  // returned by a custom Function, and LoRA adds its term in place.
  auto sizes = x.sizes().vec();
  sizes.back() = q.rows;
  auto y = torch::empty(sizes, x.options());
  y.view({-1, q.rows}).copy_(yt.t());
  return y;
}

at::Tensor quantized_matmul_input_grad(const at::Tensor& grad_y, const QuantizedWeight& q, Isa isa) {
  const auto dtype = compute_dtype_of(grad_y);
  TORCH_CHECK(grad_y.size(-1) == q.rows, "quantised matmul: grad has ", grad_y.size(-1), " features, the weight ", q.rows);
  torch::NoGradGuard no_grad;
  const auto g2 = grad_y.reshape({-1, q.rows});
  const bool accumulate_in_float = dtype != torch::kFloat;
  auto gx = torch::zeros({g2.size(0), q.cols}, grad_y.options().dtype(torch::kFloat));
  const int64_t step = tile_rows(q.rows, q.cols);
  auto tile = torch::empty({step, q.cols}, grad_y.options());
  for (int64_t start = 0; start < q.rows; start += step) {
    const int64_t count = std::min(step, q.rows - start);
    dequantize_rows(q, start, start + count, tile.data_ptr(), dtype, isa);
    const auto slice = g2.narrow(1, start, count);
    if (accumulate_in_float) {
      gx.add_(at::mm(slice, tile.narrow(0, 0, count)));
    } else {
      gx.addmm_(slice, tile.narrow(0, 0, count));
    }
  }
  auto sizes = grad_y.sizes().vec();
  sizes.back() = q.cols;
  return gx.to(dtype).view(sizes);
}

}  // namespace medlora::quant
