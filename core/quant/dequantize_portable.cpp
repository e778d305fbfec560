// Scalar kernels: the reference the vector ones are tested against, and the fallback.
#include <cstring>

#include "core/quant/dequantize_span.h"
#include "core/quant/nf4_code.h"

namespace medlora::quant::detail {

namespace {

void int8_span(const int8_t* codes, float scale, int64_t n, float* out) {
  for (int64_t j = 0; j < n; ++j) out[j] = static_cast<float>(codes[j]) * scale;
}

void nf4_block(const uint8_t* packed, float absmax, float* out) {
  for (int k = 0; k < 32; ++k) {
    out[2 * k] = kNf4Code[packed[k] >> 4] * absmax;
    out[2 * k + 1] = kNf4Code[packed[k] & 0x0F] * absmax;
  }
}

void to_bf16(const float* in, int64_t n, uint16_t* out) {
  for (int64_t j = 0; j < n; ++j) {
    uint32_t bits;
    std::memcpy(&bits, &in[j], sizeof bits);
    bits += 0x7FFFu + ((bits >> 16) & 1u);  // weights are finite: no NaN case needed
    out[j] = static_cast<uint16_t>(bits >> 16);
  }
}

float dot(const float* a, const float* b, int64_t n) {
  float sum = 0.0f;
  for (int64_t j = 0; j < n; ++j) sum += a[j] * b[j];
  return sum;
}

}  // namespace

const SpanKernels kPortableKernels{int8_span, nf4_block, to_bf16, dot};

}  // namespace medlora::quant::detail
