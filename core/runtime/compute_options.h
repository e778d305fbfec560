#pragma once
// Where and in which precision tensors are computed, and how many CPU threads torch uses.
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include <string>

namespace medlora::runtime {

enum class DeviceChoice { Auto, Cpu, Cuda };
enum class DTypeChoice { Auto, Float32, BFloat16, Float16 };

// Parse "auto|cpu|cuda" and "auto|float32|bfloat16|float16" (also fp32/bf16/fp16);
// throw std::invalid_argument naming the accepted values.
DeviceChoice parse_device_choice(const std::string& text);
DTypeChoice parse_dtype_choice(const std::string& text);
std::string to_string(DeviceChoice choice);
std::string to_string(DTypeChoice choice);
std::string dtype_name(c10::ScalarType dtype);  // "float32", "bfloat16", "float16"

// Auto picks CUDA when torch::cuda::is_available(). Asking for CUDA without it is an error.
c10::Device resolve_device(DeviceChoice choice);
// Auto: bfloat16 on CUDA or on a CPU with avx512_bf16 (measured ~2x float32 there, far
// slower without it), else float32. float16 on CPU is refused (no fast kernels).
c10::ScalarType resolve_dtype(DTypeChoice choice, const c10::Device& device);

bool cpu_supports_avx512_bf16();

// torch::get_num_threads() is 1 here by default. 0 means all cores (std::thread::hardware_concurrency),
// MEDLORA_THREADS in the environment overrides 0. Returns the count in force.
int configure_threads(int requested = 0);

// Everything a command needs to place a model: resolved device, dtype and thread count.
struct ComputeOptions {
  c10::Device device = c10::Device(c10::kCPU);
  c10::ScalarType dtype = c10::kFloat;
  int threads = 1;
};
ComputeOptions resolve_compute(DeviceChoice device, DTypeChoice dtype, int threads = 0);
ComputeOptions resolve_compute(const std::string& device, const std::string& dtype, int threads = 0);

}  // namespace medlora::runtime
