#pragma once
// NF4 quantisation of a flattened weight (bitsandbytes' quantize_4bit, quant_type "nf4",
// blocksize 64): each block of 64 elements is divided by its absmax and every value becomes
// the index of the nearest NF4 code; two indices per byte, the even element in the high nibble.
#include <cstdint>

namespace medlora::quant {

// Quantises `count` float32 values that are elements [first, first + count) of the flattened
// weight. `first` must be a multiple of the block size (64); writes their nibbles into
// `packed` (indexed by element / 2) and their blocks' absmax into absmax[first / 64 ...].
void quantize_nf4_elements(const float* values, int64_t first, int64_t count, uint8_t* packed, float* absmax);

}  // namespace medlora::quant
