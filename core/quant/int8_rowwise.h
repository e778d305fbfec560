#pragma once
// int8 weight-only quantisation with one absmax scale per output row (LLM.int8()'s row-wise
// absmax): code = round(127 * w / absmax_row), w ~ code * absmax_row / 127.
#include <cstdint>

namespace medlora::quant {

// rows x cols float32 values (row-major) -> codes (same layout) and scale[row] = absmax / 127.
void quantize_int8_rows(const float* values, int64_t rows, int64_t cols, int8_t* codes, float* scale);

}  // namespace medlora::quant
