#pragma once
// The 256-value dynamic (tree) quantisation maps of the 8-bit optimisers paper, built exactly as
// bitsandbytes' create_dynamic_map(signed, max_exponent_bits=7, total_bits=8): for each
// exponent 10^-6 .. 10^0, the midpoints of a linspace(0.1, 1) fraction grid, mirrored when
// signed, plus 0 and 1, sorted. Signed: [-1, 1] (first Adam moment, double-quantised NF4
// scales); unsigned: [0, 1] (second moment).
#include <array>
#include <cstdint>

namespace medlora::quant {

using DynamicMap = std::array<float, 256>;

const DynamicMap& signed_dynamic_map();
const DynamicMap& unsigned_dynamic_map();

// The map built from the recipe (exposed for tests; the accessors above cache it).
DynamicMap create_dynamic_map(bool is_signed);

// Index of the map value nearest to x (x in the map's range after division by the absmax).
uint8_t nearest_code(const DynamicMap& map, float x);

}  // namespace medlora::quant
