#include "core/quant/nf4_code.h"

namespace medlora::quant {

uint8_t nearest_nf4(float x) {
  // Sixteen codes: a linear scan over the fifteen midpoints is as fast as a tree here and
  // cannot disagree with the table.
  uint8_t index = 0;
  for (int i = 0; i < 15; ++i) {
    const float midpoint = 0.5f * (kNf4Code[i] + kNf4Code[i + 1]);
    if (x > midpoint) index = static_cast<uint8_t>(i + 1);
  }
  return index;
}

}  // namespace medlora::quant
