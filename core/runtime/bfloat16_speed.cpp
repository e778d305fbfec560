#include "core/runtime/bfloat16_speed.h"

#include "core/runtime/compute_options.h"

namespace medlora::runtime {

bool bfloat16_is_slow_on(const c10::Device& device, bool cpu_has_avx512_bf16) {
  return !device.is_cuda() && !cpu_has_avx512_bf16;
}

bool bfloat16_is_slow_on(const c10::Device& device) { return bfloat16_is_slow_on(device, cpu_supports_avx512_bf16()); }

std::string slow_bfloat16_warning() {
  return "this CPU has no avx512_bf16: bfloat16 matmuls run about 20 times slower than float32 here "
         "(compute dtype auto picks float32 on it); choose auto or float32 unless bfloat16 is needed for memory";
}

}  // namespace medlora::runtime
