#pragma once
// Shared pieces of the quant tests: random weights and the instruction sets this CPU runs.
#include <torch/torch.h>

#include <vector>

#include "core/quant/cpu_isa.h"

namespace medlora::quant::testing {

inline at::Tensor random_weight(int64_t rows, int64_t cols, uint64_t seed, double std = 0.05) {
  auto gen = at::detail::createCPUGenerator(seed);
  return at::randn({rows, cols}, gen, torch::kFloat) * std;
}

inline std::vector<Isa> all_isas() { return {Isa::Portable, Isa::Avx2, Isa::Avx512, Isa::Avx512Bf16}; }

}  // namespace medlora::quant::testing
