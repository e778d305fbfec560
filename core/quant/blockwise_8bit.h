#pragma once
// Blockwise 8-bit quantisation with a dynamic map (bitsandbytes' quantize_blockwise): the
// flattened tensor is cut into blocks, each block keeps its absmax in float32 and every value
// becomes the index of the nearest map entry to value / absmax.
#include <ATen/core/Tensor.h>

#include <cstdint>

#include "core/quant/dynamic_map.h"

namespace medlora::quant {

struct Blockwise8bit {
  at::Tensor codes;   // uint8, one per element, the input's shape
  at::Tensor absmax;  // float32 [ceil(numel / block)]
  int64_t block = 0;
};

// Quantises a float32 tensor (any shape, contiguous or not).
Blockwise8bit quantize_blockwise(const at::Tensor& values, const DynamicMap& map, int64_t block);
// Into existing storage (same shape and block): the 8-bit optimiser re-quantises in place.
void quantize_blockwise_into(const float* values, int64_t count, const DynamicMap& map, int64_t block, uint8_t* codes,
                             float* absmax);
// float32 values of the input's shape.
at::Tensor dequantize_blockwise(const Blockwise8bit& q, const DynamicMap& map);
void dequantize_blockwise_into(const uint8_t* codes, const float* absmax, int64_t count, const DynamicMap& map,
                               int64_t block, float* out);

}  // namespace medlora::quant
