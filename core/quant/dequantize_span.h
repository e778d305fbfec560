#pragma once
// The per-instruction-set pieces behind dequantize_kernels (internal to core/quant). Every
// family computes the same values: float32 maths of code * scale, then round-to-nearest-even
// to bfloat16 where asked.
#include <cstdint>

namespace medlora::quant::detail {

struct SpanKernels {
  // n int8 codes of one row times its scale.
  void (*int8_span)(const int8_t* codes, float scale, int64_t n, float* out);
  // One NF4 block: 32 packed bytes -> 64 values times the block's absmax.
  void (*nf4_block)(const uint8_t* packed, float absmax, float* out);
  // float32 -> bfloat16 bits, round to nearest even.
  void (*to_bf16)(const float* in, int64_t n, uint16_t* out);
  // sum a[i] * b[i] in float32.
  float (*dot)(const float* a, const float* b, int64_t n);
};

extern const SpanKernels kPortableKernels;
extern const SpanKernels kAvx2Kernels;
extern const SpanKernels kAvx512Kernels;
extern const SpanKernels kAvx512Bf16Kernels;

}  // namespace medlora::quant::detail
