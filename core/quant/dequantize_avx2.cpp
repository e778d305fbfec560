// AVX2 + FMA kernels (compiled for that target only; chosen at run time by cpu_isa).
#include <immintrin.h>

#include "core/quant/dequantize_span.h"
#include "core/quant/nf4_code.h"

#define MEDLORA_AVX2 __attribute__((target("avx2,fma")))

namespace medlora::quant::detail {

namespace {

MEDLORA_AVX2 void int8_span(const int8_t* codes, float scale, int64_t n, float* out) {
  const __m256 s = _mm256_set1_ps(scale);
  int64_t j = 0;
  for (; j + 8 <= n; j += 8) {
    const __m128i bytes = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(codes + j));
    _mm256_storeu_ps(out + j, _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(bytes)), s));
  }
  for (; j < n; ++j) out[j] = static_cast<float>(codes[j]) * scale;
}

// 8 indices (0..15) -> 8 code values: two 8-entry permutes, picked by bit 3.
MEDLORA_AVX2 inline __m256 lookup(__m256i index, __m256 low, __m256 high) {
  const __m256 from_low = _mm256_permutevar8x32_ps(low, index);
  const __m256 from_high = _mm256_permutevar8x32_ps(high, index);
  const __m256 upper = _mm256_castsi256_ps(_mm256_cmpgt_epi32(index, _mm256_set1_epi32(7)));
  return _mm256_blendv_ps(from_low, from_high, upper);
}

MEDLORA_AVX2 void nf4_block(const uint8_t* packed, float absmax, float* out) {
  const __m256 s = _mm256_set1_ps(absmax);
  const __m256 low = _mm256_mul_ps(_mm256_loadu_ps(kNf4Code.data()), s);
  const __m256 high = _mm256_mul_ps(_mm256_loadu_ps(kNf4Code.data() + 8), s);
  const __m256i nibble = _mm256_set1_epi32(0x0F);
  for (int k = 0; k < 32; k += 8) {
    const __m256i bytes = _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(packed + k)));
    const __m256 even = lookup(_mm256_srli_epi32(bytes, 4), low, high);  // elements 2k
    const __m256 odd = lookup(_mm256_and_si256(bytes, nibble), low, high);  // elements 2k + 1
    // Interleave: unpack works per 128-bit lane, the permutes put the lanes back in order.
    const __m256 a = _mm256_unpacklo_ps(even, odd);
    const __m256 b = _mm256_unpackhi_ps(even, odd);
    _mm256_storeu_ps(out + 2 * k, _mm256_permute2f128_ps(a, b, 0x20));
    _mm256_storeu_ps(out + 2 * k + 8, _mm256_permute2f128_ps(a, b, 0x31));
  }
}

MEDLORA_AVX2 void to_bf16(const float* in, int64_t n, uint16_t* out) {
  const __m256i one = _mm256_set1_epi32(1), bias = _mm256_set1_epi32(0x7FFF);
  int64_t j = 0;
  for (; j + 8 <= n; j += 8) {
    __m256i bits = _mm256_castps_si256(_mm256_loadu_ps(in + j));
    const __m256i odd = _mm256_and_si256(_mm256_srli_epi32(bits, 16), one);
    bits = _mm256_srli_epi32(_mm256_add_epi32(bits, _mm256_add_epi32(bias, odd)), 16);
    const __m256i packed = _mm256_permute4x64_epi64(_mm256_packus_epi32(bits, bits), 0x08);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + j), _mm256_castsi256_si128(packed));
  }
  kPortableKernels.to_bf16(in + j, n - j, out + j);
}

MEDLORA_AVX2 float dot(const float* a, const float* b, int64_t n) {
  __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
  int64_t j = 0;
  for (; j + 16 <= n; j += 16) {
    acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + j), _mm256_loadu_ps(b + j), acc0);
    acc1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + j + 8), _mm256_loadu_ps(b + j + 8), acc1);
  }
  const __m256 acc = _mm256_add_ps(acc0, acc1);
  const __m128 half = _mm_add_ps(_mm256_castps256_ps128(acc), _mm256_extractf128_ps(acc, 1));
  const __m128 pair = _mm_add_ps(half, _mm_movehl_ps(half, half));
  float sum = _mm_cvtss_f32(_mm_add_ss(pair, _mm_shuffle_ps(pair, pair, 1)));
  for (; j < n; ++j) sum += a[j] * b[j];
  return sum;
}

}  // namespace

const SpanKernels kAvx2Kernels{int8_span, nf4_block, to_bf16, dot};

}  // namespace medlora::quant::detail
