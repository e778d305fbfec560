#include "core/quant/int8_rowwise.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>

namespace medlora::quant {

void quantize_int8_rows(const float* values, int64_t rows, int64_t cols, int8_t* codes, float* scale) {
  at::parallel_for(0, rows, 1, [&](int64_t first, int64_t last) {
    for (int64_t r = first; r < last; ++r) {
      const float* row = values + r * cols;
      float peak = 0.0f;
      for (int64_t j = 0; j < cols; ++j) peak = std::max(peak, std::fabs(row[j]));
      scale[r] = peak / 127.0f;
      const float inverse = peak > 0.0f ? 127.0f / peak : 0.0f;
      for (int64_t j = 0; j < cols; ++j)
        codes[r * cols + j] = static_cast<int8_t>(std::clamp(std::nearbyint(row[j] * inverse), -127.0f, 127.0f));
    }
  });
}

}  // namespace medlora::quant
