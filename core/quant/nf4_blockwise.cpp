#include "core/quant/nf4_blockwise.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/quant/nf4_code.h"
#include "core/quant/quantized_weight.h"

namespace medlora::quant {

void quantize_nf4_elements(const float* values, int64_t first, int64_t count, uint8_t* packed, float* absmax) {
  if (first % kNf4Block != 0) throw std::invalid_argument("quantize_nf4_elements: first must be block-aligned");
  const int64_t blocks = (count + kNf4Block - 1) / kNf4Block;
  at::parallel_for(0, blocks, 16, [&](int64_t begin_block, int64_t end_block) {
    for (int64_t b = begin_block; b < end_block; ++b) {
      const int64_t begin = b * kNf4Block, end = std::min(count, begin + kNf4Block);
      float peak = 0.0f;
      for (int64_t i = begin; i < end; ++i) peak = std::max(peak, std::fabs(values[i]));
      absmax[(first + begin) / kNf4Block] = peak;
      const float inverse = peak > 0.0f ? 1.0f / peak : 0.0f;
      // Blocks hold an even number of elements, so a byte never straddles two threads.
      for (int64_t i = begin; i < end; ++i) {
        const int64_t element = first + i;
        const uint8_t index = nearest_nf4(values[i] * inverse);
        uint8_t& byte = packed[element / 2];
        byte = (element % 2 == 0) ? static_cast<uint8_t>((byte & 0x0F) | (index << 4))
                                  : static_cast<uint8_t>((byte & 0xF0) | index);
      }
    }
  });
}

}  // namespace medlora::quant
