#pragma once
// Where bfloat16 compute is far slower than float32, and the sentence that tells the user.
#include <c10/core/Device.h>

#include <string>

namespace medlora::runtime {

// bfloat16 on a CPU without avx512_bf16: libtorch's bfloat16 matmuls there run some 20-70x
// slower than float32 (measured on an AVX2-only AMD EPYC: 1024x512x1536 takes 340 ms against
// 15 ms), so a run that asks for it explicitly is warned. The overload takes the CPU's answer
// so tests can ask for either machine.
bool bfloat16_is_slow_on(const c10::Device& device);
bool bfloat16_is_slow_on(const c10::Device& device, bool cpu_has_avx512_bf16);
// The warning's sentence (one text for the CLI, the trainer's log and the Training panel).
std::string slow_bfloat16_warning();

}  // namespace medlora::runtime
