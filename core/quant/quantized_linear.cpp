#include "core/quant/quantized_linear.h"

#include <torch/torch.h>

#include "core/quant/dequantize_kernels.h"
#include "core/quant/quantized_matmul.h"

namespace medlora::quant {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

class QuantizedMatmulFunction : public torch::autograd::Function<QuantizedMatmulFunction> {
 public:
  // The weight travels as its address: saved_data holds IValues, and the layer keeps it alive.
  static at::Tensor forward(AutogradContext* ctx, const at::Tensor& x, int64_t weight_address) {
    ctx->saved_data["weight"] = weight_address;
    return quantized_matmul(x, *reinterpret_cast<const QuantizedWeight*>(weight_address));
  }

  static variable_list backward(AutogradContext* ctx, variable_list grads) {
    const auto* q = reinterpret_cast<const QuantizedWeight*>(ctx->saved_data["weight"].toInt());
    return {quantized_matmul_input_grad(grads[0].contiguous(), *q), at::Tensor()};
  }
};

}  // namespace

at::Tensor quantized_linear(const at::Tensor& x, const QuantizedWeight& q, const at::Tensor& bias) {
  at::Tensor y;
  const bool needs_graph = torch::GradMode::is_enabled() && x.requires_grad();
  if (needs_graph) {
    y = QuantizedMatmulFunction::apply(x, static_cast<int64_t>(reinterpret_cast<intptr_t>(&q)));
  } else if (x.numel() == q.cols && x.device().is_cpu()) {
    const auto input = x.reshape({q.cols}).to(torch::kFloat).contiguous();
    auto out = torch::empty({q.rows}, torch::kFloat);
    quantized_gemv(q, input.data_ptr<float>(), out.data_ptr<float>(), best_isa());
    auto sizes = x.sizes().vec();
    sizes.back() = q.rows;
    y = out.to(x.scalar_type()).view(sizes);
  } else {
    y = quantized_matmul(x, q);
  }
  if (!bias.defined()) return y;
  return needs_graph ? y + bias.to(y.scalar_type()) : y.add_(bias.to(y.scalar_type()));
}

}  // namespace medlora::quant
