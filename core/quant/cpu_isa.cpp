#include "core/quant/cpu_isa.h"

namespace medlora::quant {

bool isa_supported(Isa isa) {
  switch (isa) {
    case Isa::Portable: return true;
    case Isa::Avx2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case Isa::Avx512: return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
    case Isa::Avx512Bf16:
      return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
             __builtin_cpu_supports("avx512bf16");
  }
  return false;
}

Isa best_isa() {
  static const Isa best = [] {
    for (Isa isa : {Isa::Avx512Bf16, Isa::Avx512, Isa::Avx2})
      if (isa_supported(isa)) return isa;
    return Isa::Portable;
  }();
  return best;
}

std::string isa_name(Isa isa) {
  switch (isa) {
    case Isa::Portable: return "portable";
    case Isa::Avx2: return "avx2";
    case Isa::Avx512: return "avx512";
    case Isa::Avx512Bf16: return "avx512_bf16";
  }
  return "portable";
}

}  // namespace medlora::quant
