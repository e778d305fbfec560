#include "core/model/single_row_linear.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <cstdint>
#include <cstring>
#include <immintrin.h>

namespace medlora::model {
namespace {

inline float bfloat16_to_float(uint16_t bits) {
  const uint32_t widened = static_cast<uint32_t>(bits) << 16;
  float value;
  std::memcpy(&value, &widened, sizeof value);
  return value;
}

// Rows [begin, end) of W x with x already widened to float32. Sixteen independent
// accumulators let the compiler vectorise the dot product without reassociating one sum; the
// clones pick AVX-512 or AVX2 when the process loads.
__attribute__((target_clones("avx512f", "avx2", "default"))) void gemv_rows_portable(
    const uint16_t* weight, const float* x, float* out, int64_t in, int64_t begin, int64_t end) {
  constexpr int kLanes = 16;
  const int64_t vector_end = in - in % kLanes;
  for (int64_t row = begin; row < end; ++row) {
    const uint16_t* w = weight + row * in;
    float lanes[kLanes] = {};
    for (int64_t j = 0; j < vector_end; j += kLanes)
      for (int lane = 0; lane < kLanes; ++lane) lanes[lane] += bfloat16_to_float(w[j + lane]) * x[j + lane];
    float sum = 0.0f;
    for (int lane = 0; lane < kLanes; ++lane) sum += lanes[lane];
    for (int64_t j = vector_end; j < in; ++j) sum += bfloat16_to_float(w[j]) * x[j];
    out[row] = sum;
  }
}

// The same on CPUs with AVX512-BF16: one instruction multiplies 32 bfloat16 pairs and adds
// them into 16 float32 lanes.
__attribute__((target("avx512f,avx512bf16"))) void gemv_rows_avx512_bf16(const uint16_t* weight,
                                                                          const uint16_t* x, float* out,
                                                                          int64_t in, int64_t begin, int64_t end) {
  constexpr int kPairs = 32;
  const int64_t vector_end = in - in % kPairs;
  for (int64_t row = begin; row < end; ++row) {
    const uint16_t* w = weight + row * in;
    __m512 acc = _mm512_setzero_ps();
    for (int64_t j = 0; j < vector_end; j += kPairs) {
      const __m512i wv = _mm512_loadu_si512(w + j);
      const __m512i xv = _mm512_loadu_si512(x + j);
      acc = _mm512_dpbf16_ps(acc, reinterpret_cast<__m512bh>(wv), reinterpret_cast<__m512bh>(xv));
    }
    float sum = _mm512_reduce_add_ps(acc);
    for (int64_t j = vector_end; j < in; ++j) sum += bfloat16_to_float(w[j]) * bfloat16_to_float(x[j]);
    out[row] = sum;
  }
}

bool cpu_has_avx512_bf16() {
  static const bool has = __builtin_cpu_supports("avx512bf16");
  return has;
}

bool gradient_needed(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias) {
  if (!torch::GradMode::is_enabled()) return false;
  return x.requires_grad() || weight.requires_grad() || (bias.defined() && bias.requires_grad());
}

}  // namespace

torch::Tensor bfloat16_gemv(const torch::Tensor& weight, const torch::Tensor& x) {
  TORCH_CHECK(weight.dim() == 2 && weight.scalar_type() == torch::kBFloat16 && weight.is_contiguous(),
              "bfloat16_gemv: weight must be a contiguous 2-D bfloat16 tensor");
  TORCH_CHECK(x.numel() == weight.size(1) && x.scalar_type() == torch::kBFloat16,
              "bfloat16_gemv: x must hold in_features bfloat16 values");
  const auto input = x.contiguous();
  const int64_t out_features = weight.size(0), in_features = weight.size(1);
  auto result = torch::empty({out_features}, torch::kFloat);
  const auto* w = reinterpret_cast<const uint16_t*>(weight.data_ptr<at::BFloat16>());
  const auto* v = reinterpret_cast<const uint16_t*>(input.data_ptr<at::BFloat16>());
  float* out = result.data_ptr<float>();
  // Grain: enough rows that a thread's share outweighs waking it (~256 K multiply-adds).
  const int64_t grain = std::max<int64_t>(1, (1 << 18) / std::max<int64_t>(in_features, 1));
  if (cpu_has_avx512_bf16()) {
    at::parallel_for(0, out_features, grain,
                     [&](int64_t begin, int64_t end) { gemv_rows_avx512_bf16(w, v, out, in_features, begin, end); });
  } else {
    const auto widened = input.to(torch::kFloat);
    const float* xf = widened.data_ptr<float>();
    at::parallel_for(0, out_features, grain,
                     [&](int64_t begin, int64_t end) { gemv_rows_portable(w, xf, out, in_features, begin, end); });
  }
  return result.to(torch::kBFloat16);
}

std::optional<torch::Tensor> single_row_linear(const torch::Tensor& x, const torch::Tensor& weight,
                                               const torch::Tensor& bias) {
  if (!x.device().is_cpu() || !weight.device().is_cpu() || weight.dim() != 2 || !weight.is_contiguous())
    return std::nullopt;
  if (x.numel() != weight.size(1) || x.scalar_type() != weight.scalar_type()) return std::nullopt;
  if (gradient_needed(x, weight, bias)) return std::nullopt;
  auto sizes = x.sizes().vec();
  sizes.back() = weight.size(0);
  torch::Tensor y;
  if (weight.scalar_type() == torch::kFloat) {
    y = torch::mv(weight, x.reshape({-1}));
  } else if (weight.scalar_type() == torch::kBFloat16) {
    y = bfloat16_gemv(weight, x.reshape({-1}));
  } else {
    return std::nullopt;
  }
  if (bias.defined()) y.add_(bias.to(y.scalar_type()));
  return y.view(sizes);
}

}  // namespace medlora::model
