#pragma once
// Which of the prompts joining the batch in one scheduler step share one prefill forward pass.
// Prompts are right-padded to the longest of their pass, so a pass only takes prompts of similar
// length (the padding stays a bounded share of the real tokens), and the tokens of a pass are
// capped so that its activations (the attention scores grow with batch x length^2) stay within
// what one long prompt alone needs.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace medlora::serve {

struct PrefillLimits {
  int64_t max_tokens = 2048;  // batch x padded length of one pass (a longer prompt goes alone)
  double max_padding = 0.25;  // padding tokens per real token in one pass
};

// Groups indices into `lengths` (prompt token counts, each >= 1): every index exactly once, each
// group's indices in ascending order of length (ties in index order), groups shortest first.
std::vector<std::vector<size_t>> plan_prefill_passes(const std::vector<int64_t>& lengths,
                                                     const PrefillLimits& limits = {});

}  // namespace medlora::serve
