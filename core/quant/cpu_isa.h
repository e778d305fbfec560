#pragma once
// Which vector instructions the dequantisation kernels may use, chosen when the process runs
// (the binary is built for plain x86-64; each kernel is compiled with its own target attribute).
#include <string>

namespace medlora::quant {

enum class Isa { Portable, Avx2, Avx512, Avx512Bf16 };

bool isa_supported(Isa isa);
// The fastest supported: AVX-512 with BF16 > AVX-512 (F + BW) > AVX2 (+ FMA) > portable.
Isa best_isa();
std::string isa_name(Isa isa);

}  // namespace medlora::quant
