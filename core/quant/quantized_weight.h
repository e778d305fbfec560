#pragma once
// A frozen [rows, cols] linear weight held quantised (row-major, as W [out, in] in HF):
//   int8: codes int8 [rows, cols], w = code * row_scale[row]  (row_scale = absmax / 127)
//   nf4:  codes uint8 [ceil(rows * cols / 2)], two 4-bit NF4 indices per byte (the first
//         element of a pair in the high nibble, as bitsandbytes packs them), one absmax per
//         block of 64 consecutive elements of the flattened weight; w = kNf4Code[index] * absmax.
//         With double quantisation the absmax values are stored as the signed dynamic map's
//         8-bit codes (block 256) of absmax - mean, as bitsandbytes' compress_statistics.
#include <ATen/core/Tensor.h>

#include <cstdint>

#include "core/quant/quant_format.h"

namespace medlora::quant {

inline constexpr int64_t kNf4Block = 64;
inline constexpr int64_t kNf4ScaleBlock = 256;  // double quantisation of the NF4 absmax values

struct QuantizedWeight {
  QuantFormat format = QuantFormat::None;
  int64_t rows = 0, cols = 0;
  at::Tensor codes;
  at::Tensor row_scale;        // int8: float32 [rows]
  at::Tensor absmax;           // nf4 without double quantisation: float32 [blocks]
  bool double_quant = false;   // nf4: absmax held as the three fields below
  at::Tensor absmax_codes;     // uint8 [blocks]
  at::Tensor absmax_scale;     // float32 [ceil(blocks / 256)]
  float absmax_offset = 0.0f;  // mean of the absmax values, subtracted before quantising

  int64_t blocks() const { return (rows * cols + kNf4Block - 1) / kNf4Block; }
  // Bytes held by all the tensors above.
  int64_t bytes() const;
  // The absmax of NF4 block b (decoded when double-quantised).
  float block_absmax(int64_t b) const;
};

struct QuantizeOptions {
  bool double_quant = false;  // nf4 only
};

// Quantises a 2-D weight of any floating dtype (read a block of rows at a time, so a bfloat16
// weight never exists as a whole float32 copy). format None is an error.
QuantizedWeight quantize_weight(const at::Tensor& weight, QuantFormat format, const QuantizeOptions& options = {});

// The whole weight as float32 [rows, cols] (tests and references; the kernels never do this).
at::Tensor dequantize_weight(const QuantizedWeight& q);

}  // namespace medlora::quant
