#include "core/quant/dynamic_map.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace medlora::quant {

DynamicMap create_dynamic_map(bool is_signed) {
  constexpr int kMaxExponentBits = 7, kTotalBits = 8;
  // bitsandbytes: non_sign_bits = total_bits - 1 for both kinds (the unsigned map spends the
  // sign bit on twice the fraction values instead).
  constexpr int kNonSignBits = kTotalBits - 1;
  std::vector<float> data;
  for (int i = 0; i < kMaxExponentBits; ++i) {
    const int64_t fraction_items = is_signed ? (int64_t{1} << (i + kNonSignBits - kMaxExponentBits)) + 1
                                             : (int64_t{1} << (i + kNonSignBits - kMaxExponentBits + 1)) + 1;
    // The same float32 torch ops as the Python recipe, so every value matches bit for bit.
    auto boundaries = torch::linspace(0.1, 1, fraction_items, torch::kFloat);
    auto means = (boundaries.narrow(0, 0, fraction_items - 1) + boundaries.narrow(0, 1, fraction_items - 1)) / 2.0;
    const double scale = std::pow(10.0, -(kMaxExponentBits - 1) + i);
    auto positive = (means * scale).contiguous();
    auto negative = (means * -scale).contiguous();
    for (int64_t k = 0; k < positive.numel(); ++k) data.push_back(positive.data_ptr<float>()[k]);
    if (is_signed)
      for (int64_t k = 0; k < negative.numel(); ++k) data.push_back(negative.data_ptr<float>()[k]);
  }
  data.push_back(0.0f);
  data.push_back(1.0f);
  data.resize(256, 0.0f);  // the recipe pads with zeros (none are needed at 8 bits)
  std::sort(data.begin(), data.end());
  DynamicMap map{};
  std::copy(data.begin(), data.end(), map.begin());
  return map;
}

const DynamicMap& signed_dynamic_map() {
  static const DynamicMap map = create_dynamic_map(true);
  return map;
}

const DynamicMap& unsigned_dynamic_map() {
  static const DynamicMap map = create_dynamic_map(false);
  return map;
}

uint8_t nearest_code(const DynamicMap& map, float x) {
  const auto upper = std::lower_bound(map.begin(), map.end(), x);
  if (upper == map.begin()) return 0;
  if (upper == map.end()) return 255;
  const auto lower = upper - 1;
  const auto index = (x - *lower) <= (*upper - x) ? lower : upper;
  return static_cast<uint8_t>(index - map.begin());
}

}  // namespace medlora::quant
