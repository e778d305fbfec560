#include "core/quant/blockwise_8bit.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace medlora::quant {

void quantize_blockwise_into(const float* values, int64_t count, const DynamicMap& map, int64_t block, uint8_t* codes,
                             float* absmax) {
  const int64_t blocks = (count + block - 1) / block;
  at::parallel_for(0, blocks, 1, [&](int64_t first, int64_t last) {
    for (int64_t b = first; b < last; ++b) {
      const int64_t begin = b * block, end = std::min(count, begin + block);
      float peak = 0.0f;
      for (int64_t i = begin; i < end; ++i) peak = std::max(peak, std::fabs(values[i]));
      absmax[b] = peak;
      // An all-zero block: every value is exactly the map's zero.
      const float inverse = peak > 0.0f ? 1.0f / peak : 0.0f;
      for (int64_t i = begin; i < end; ++i) codes[i] = nearest_code(map, values[i] * inverse);
    }
  });
}

void dequantize_blockwise_into(const uint8_t* codes, const float* absmax, int64_t count, const DynamicMap& map,
                               int64_t block, float* out) {
  at::parallel_for(0, count, block, [&](int64_t first, int64_t last) {
    for (int64_t i = first; i < last; ++i) out[i] = map[codes[i]] * absmax[i / block];
  });
}

Blockwise8bit quantize_blockwise(const at::Tensor& values, const DynamicMap& map, int64_t block) {
  TORCH_CHECK(block > 0, "quantize_blockwise: block must be positive");
  const auto input = values.detach().to(torch::kFloat).contiguous();
  const int64_t count = input.numel();
  Blockwise8bit q;
  q.block = block;
  q.codes = torch::empty(input.sizes(), torch::kByte);
  q.absmax = torch::empty({(count + block - 1) / block}, torch::kFloat);
  quantize_blockwise_into(input.data_ptr<float>(), count, map, block, q.codes.data_ptr<uint8_t>(),
                          q.absmax.data_ptr<float>());
  return q;
}

at::Tensor dequantize_blockwise(const Blockwise8bit& q, const DynamicMap& map) {
  auto out = torch::empty(q.codes.sizes(), torch::kFloat);
  const auto codes = q.codes.contiguous();
  dequantize_blockwise_into(codes.data_ptr<uint8_t>(), q.absmax.data_ptr<float>(), codes.numel(), map, q.block,
                            out.data_ptr<float>());
  return out;
}

}  // namespace medlora::quant
