#include "core/quant/quantized_weight.h"

#include <torch/torch.h>

#include <numeric>
#include <stdexcept>

#include "core/quant/blockwise_8bit.h"
#include "core/quant/dequantize_kernels.h"
#include "core/quant/int8_rowwise.h"
#include "core/quant/nf4_blockwise.h"

namespace medlora::quant {

namespace {

int64_t tensor_bytes(const at::Tensor& t) { return t.defined() ? static_cast<int64_t>(t.nbytes()) : 0; }

// Rows per float32 staging block: about 4 MiB, and for NF4 a whole number of 64-element blocks.
int64_t rows_per_chunk(int64_t rows, int64_t cols, QuantFormat format) {
  int64_t chunk = std::max<int64_t>(1, (int64_t{1} << 20) / std::max<int64_t>(cols, 1));
  if (format == QuantFormat::Nf4) {
    const int64_t step = kNf4Block / std::gcd(cols, kNf4Block);
    chunk = std::max(step, chunk - chunk % step);
  }
  return std::min(chunk, std::max<int64_t>(rows, 1));
}

}  // namespace

int64_t QuantizedWeight::bytes() const {
  return tensor_bytes(codes) + tensor_bytes(row_scale) + tensor_bytes(absmax) + tensor_bytes(absmax_codes) +
         tensor_bytes(absmax_scale);
}

float QuantizedWeight::block_absmax(int64_t b) const {
  if (!double_quant) return absmax.data_ptr<float>()[b];
  return signed_dynamic_map()[absmax_codes.data_ptr<uint8_t>()[b]] * absmax_scale.data_ptr<float>()[b / kNf4ScaleBlock] +
         absmax_offset;
}

QuantizedWeight quantize_weight(const at::Tensor& weight, QuantFormat format, const QuantizeOptions& options) {
  if (weight.dim() != 2) throw std::invalid_argument("quantize_weight: expected a 2-D weight");
  if (format == QuantFormat::None) throw std::invalid_argument("quantize_weight: format 'none' is not a quantisation");
  torch::NoGradGuard no_grad;
  QuantizedWeight q;
  q.format = format;
  q.rows = weight.size(0);
  q.cols = weight.size(1);
  if (format == QuantFormat::Int8) {
    q.codes = torch::empty({q.rows, q.cols}, torch::kChar);
    q.row_scale = torch::empty({q.rows}, torch::kFloat);
  } else {
    q.codes = torch::zeros({(q.rows * q.cols + 1) / 2}, torch::kByte);
    q.absmax = torch::empty({q.blocks()}, torch::kFloat);
  }
  const int64_t chunk = rows_per_chunk(q.rows, q.cols, format);
  for (int64_t start = 0; start < q.rows; start += chunk) {
    const int64_t count = std::min(chunk, q.rows - start);
    const auto block = weight.narrow(0, start, count).to(torch::kFloat).contiguous();
    if (format == QuantFormat::Int8) {
      quantize_int8_rows(block.data_ptr<float>(), count, q.cols, q.codes.data_ptr<int8_t>() + start * q.cols,
                         q.row_scale.data_ptr<float>() + start);
    } else {
      quantize_nf4_elements(block.data_ptr<float>(), start * q.cols, count * q.cols, q.codes.data_ptr<uint8_t>(),
                            q.absmax.data_ptr<float>());
    }
  }
  if (format == QuantFormat::Nf4 && options.double_quant) {
    // bitsandbytes' compress_statistics: centre the absmax values, then 8-bit blockwise codes.
    q.absmax_offset = q.absmax.mean().item<float>();
    auto packed = quantize_blockwise(q.absmax - q.absmax_offset, signed_dynamic_map(), kNf4ScaleBlock);
    q.absmax_codes = packed.codes;
    q.absmax_scale = packed.absmax;
    q.absmax = at::Tensor();
    q.double_quant = true;
  }
  return q;
}

at::Tensor dequantize_weight(const QuantizedWeight& q) {
  auto out = torch::empty({q.rows, q.cols}, torch::kFloat);
  dequantize_rows(q, 0, q.rows, out.data_ptr(), torch::kFloat, Isa::Portable);
  return out;
}

}  // namespace medlora::quant
