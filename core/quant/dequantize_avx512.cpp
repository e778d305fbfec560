// AVX-512 (F + BW) kernels, and the same with AVX512-BF16's float32 -> bfloat16 conversion.
// Compiled for those targets only; chosen at run time by cpu_isa.
#include <immintrin.h>

#include "core/quant/dequantize_span.h"
#include "core/quant/nf4_code.h"

#define MEDLORA_AVX512 __attribute__((target("avx512f,avx512bw")))
#define MEDLORA_AVX512_BF16 __attribute__((target("avx512f,avx512bw,avx512bf16")))

namespace medlora::quant::detail {

namespace {

MEDLORA_AVX512 void int8_span(const int8_t* codes, float scale, int64_t n, float* out) {
  const __m512 s = _mm512_set1_ps(scale);
  int64_t j = 0;
  for (; j + 16 <= n; j += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(codes + j));
    _mm512_storeu_ps(out + j, _mm512_mul_ps(_mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(bytes)), s));
  }
  for (; j < n; ++j) out[j] = static_cast<float>(codes[j]) * scale;
}

MEDLORA_AVX512 void nf4_block(const uint8_t* packed, float absmax, float* out) {
  // The 16 code values times absmax fill one register: a lookup is one permute.
  const __m512 table = _mm512_mul_ps(_mm512_loadu_ps(kNf4Code.data()), _mm512_set1_ps(absmax));
  const __m512i nibble = _mm512_set1_epi32(0x0F);
  const __m512i first_half = _mm512_setr_epi32(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
  const __m512i second_half = _mm512_setr_epi32(8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
  for (int k = 0; k < 32; k += 16) {
    const __m512i bytes = _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(packed + k)));
    const __m512 even = _mm512_permutexvar_ps(_mm512_srli_epi32(bytes, 4), table);
    const __m512 odd = _mm512_permutexvar_ps(_mm512_and_si512(bytes, nibble), table);
    _mm512_storeu_ps(out + 2 * k, _mm512_permutex2var_ps(even, first_half, odd));
    _mm512_storeu_ps(out + 2 * k + 16, _mm512_permutex2var_ps(even, second_half, odd));
  }
}

MEDLORA_AVX512 void to_bf16(const float* in, int64_t n, uint16_t* out) {
  const __m512i one = _mm512_set1_epi32(1), bias = _mm512_set1_epi32(0x7FFF);
  int64_t j = 0;
  for (; j + 16 <= n; j += 16) {
    __m512i bits = _mm512_castps_si512(_mm512_loadu_ps(in + j));
    const __m512i odd = _mm512_and_si512(_mm512_srli_epi32(bits, 16), one);
    bits = _mm512_srli_epi32(_mm512_add_epi32(bits, _mm512_add_epi32(bias, odd)), 16);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + j), _mm512_cvtepi32_epi16(bits));
  }
  kPortableKernels.to_bf16(in + j, n - j, out + j);
}

MEDLORA_AVX512_BF16 void to_bf16_native(const float* in, int64_t n, uint16_t* out) {
  int64_t j = 0;
  for (; j + 16 <= n; j += 16) {
    const __m256bh converted = _mm512_cvtneps_pbh(_mm512_loadu_ps(in + j));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + j), reinterpret_cast<const __m256i&>(converted));
  }
  kPortableKernels.to_bf16(in + j, n - j, out + j);
}

MEDLORA_AVX512 float dot(const float* a, const float* b, int64_t n) {
  __m512 acc0 = _mm512_setzero_ps(), acc1 = _mm512_setzero_ps();
  int64_t j = 0;
  for (; j + 32 <= n; j += 32) {
    acc0 = _mm512_fmadd_ps(_mm512_loadu_ps(a + j), _mm512_loadu_ps(b + j), acc0);
    acc1 = _mm512_fmadd_ps(_mm512_loadu_ps(a + j + 16), _mm512_loadu_ps(b + j + 16), acc1);
  }
  float sum = _mm512_reduce_add_ps(_mm512_add_ps(acc0, acc1));
  for (; j < n; ++j) sum += a[j] * b[j];
  return sum;
}

}  // namespace

const SpanKernels kAvx512Kernels{int8_span, nf4_block, to_bf16, dot};
const SpanKernels kAvx512Bf16Kernels{int8_span, nf4_block, to_bf16_native, dot};

}  // namespace medlora::quant::detail
