#include "core/quant/dequantize_kernels.h"

#include <ATen/Parallel.h>

#include <stdexcept>
#include <vector>

#include "core/quant/dequantize_span.h"
#include "core/quant/nf4_code.h"

namespace medlora::quant {

namespace {

const detail::SpanKernels& kernels_for(Isa isa) {
  if (!isa_supported(isa)) throw std::invalid_argument("dequantize: this CPU lacks " + isa_name(isa));
  switch (isa) {
    case Isa::Avx2: return detail::kAvx2Kernels;
    case Isa::Avx512: return detail::kAvx512Kernels;
    case Isa::Avx512Bf16: return detail::kAvx512Bf16Kernels;
    case Isa::Portable: break;
  }
  return detail::kPortableKernels;
}

float nf4_element(const QuantizedWeight& q, int64_t element) {
  const uint8_t byte = q.codes.data_ptr<uint8_t>()[element / 2];
  const uint8_t index = element % 2 == 0 ? byte >> 4 : byte & 0x0F;
  return kNf4Code[index] * q.block_absmax(element / kNf4Block);
}

// One row as float32 into `row` (cols values).
void decode_row(const QuantizedWeight& q, int64_t r, const detail::SpanKernels& k, float* row) {
  if (q.format == QuantFormat::Int8) {
    k.int8_span(q.codes.data_ptr<int8_t>() + r * q.cols, q.row_scale.data_ptr<float>()[r], q.cols, row);
    return;
  }
  const int64_t first = r * q.cols;
  if (q.cols % kNf4Block != 0) {
    for (int64_t j = 0; j < q.cols; ++j) row[j] = nf4_element(q, first + j);
    return;
  }
  const uint8_t* packed = q.codes.data_ptr<uint8_t>() + first / 2;
  for (int64_t j = 0; j < q.cols; j += kNf4Block)
    k.nf4_block(packed + j / 2, q.block_absmax((first + j) / kNf4Block), row + j);
}

void check_rows(const QuantizedWeight& q, int64_t begin, int64_t end) {
  if (q.format == QuantFormat::None || !q.codes.defined()) throw std::invalid_argument("dequantize: not a quantised weight");
  if (begin < 0 || end > q.rows || begin > end) throw std::out_of_range("dequantize: row range outside the weight");
}

}  // namespace

void dequantize_rows(const QuantizedWeight& q, int64_t begin, int64_t end, void* out, c10::ScalarType dtype, Isa isa) {
  check_rows(q, begin, end);
  if (dtype != c10::ScalarType::Float && dtype != c10::ScalarType::BFloat16)
    throw std::invalid_argument("dequantize: output must be float32 or bfloat16");
  const auto& k = kernels_for(isa);
  const int64_t cols = q.cols;
  const int64_t grain = std::max<int64_t>(1, (int64_t{1} << 16) / std::max<int64_t>(cols, 1));
  at::parallel_for(begin, end, grain, [&](int64_t first, int64_t last) {
    if (dtype == c10::ScalarType::Float) {
      auto* base = static_cast<float*>(out);
      for (int64_t r = first; r < last; ++r) decode_row(q, r, k, base + (r - begin) * cols);
      return;
    }
    std::vector<float> row(static_cast<size_t>(cols));
    auto* base = static_cast<uint16_t*>(out);
    for (int64_t r = first; r < last; ++r) {
      decode_row(q, r, k, row.data());
      k.to_bf16(row.data(), cols, base + (r - begin) * cols);
    }
  });
}

void quantized_gemv(const QuantizedWeight& q, const float* x, float* y, Isa isa) {
  check_rows(q, 0, q.rows);
  const auto& k = kernels_for(isa);
  const int64_t grain = std::max<int64_t>(1, (int64_t{1} << 18) / std::max<int64_t>(q.cols, 1));
  at::parallel_for(0, q.rows, grain, [&](int64_t first, int64_t last) {
    std::vector<float> row(static_cast<size_t>(q.cols));
    for (int64_t r = first; r < last; ++r) {
      decode_row(q, r, k, row.data());
      y[r] = k.dot(row.data(), x, q.cols);
    }
  });
}

}  // namespace medlora::quant
