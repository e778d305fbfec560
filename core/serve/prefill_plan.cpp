#include "core/serve/prefill_plan.h"

#include <algorithm>
#include <numeric>

namespace medlora::serve {

std::vector<std::vector<size_t>> plan_prefill_passes(const std::vector<int64_t>& lengths,
                                                     const PrefillLimits& limits) {
  std::vector<size_t> order(lengths.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return lengths[a] < lengths[b]; });

  std::vector<std::vector<size_t>> passes;
  int64_t real = 0;  // real tokens of the last pass
  for (size_t index : order) {
    const int64_t length = lengths[index];
    if (!passes.empty()) {
      // Sorted, so this prompt is the pass's longest: everything pads to its length.
      const auto count = static_cast<int64_t>(passes.back().size()) + 1;
      const int64_t padded = count * length;
      const int64_t with = real + length;
      if (padded <= limits.max_tokens && static_cast<double>(padded - with) <= limits.max_padding * static_cast<double>(with)) {
        passes.back().push_back(index);
        real = with;
        continue;
      }
    }
    passes.push_back({index});
    real = length;
  }
  return passes;
}

}  // namespace medlora::serve
