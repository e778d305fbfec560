#include "core/runtime/compute_options.h"

#include "core/runtime/bfloat16_speed.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace medlora::runtime {

namespace {
std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}
}  // namespace

DeviceChoice parse_device_choice(const std::string& text) {
  const auto t = lower(text);
  if (t == "auto") return DeviceChoice::Auto;
  if (t == "cpu") return DeviceChoice::Cpu;
  if (t == "cuda" || t == "gpu") return DeviceChoice::Cuda;
  throw std::invalid_argument("unknown device '" + text + "' (use auto, cpu or cuda)");
}

DTypeChoice parse_dtype_choice(const std::string& text) {
  const auto t = lower(text);
  if (t == "auto") return DTypeChoice::Auto;
  if (t == "float32" || t == "fp32" || t == "f32") return DTypeChoice::Float32;
  if (t == "bfloat16" || t == "bf16") return DTypeChoice::BFloat16;
  if (t == "float16" || t == "fp16" || t == "f16" || t == "half") return DTypeChoice::Float16;
  throw std::invalid_argument("unknown dtype '" + text + "' (use auto, float32, bfloat16 or float16)");
}

std::string to_string(DeviceChoice choice) {
  switch (choice) {
    case DeviceChoice::Auto: return "auto";
    case DeviceChoice::Cpu: return "cpu";
    case DeviceChoice::Cuda: return "cuda";
  }
  return "auto";
}

std::string to_string(DTypeChoice choice) {
  switch (choice) {
    case DTypeChoice::Auto: return "auto";
    case DTypeChoice::Float32: return "float32";
    case DTypeChoice::BFloat16: return "bfloat16";
    case DTypeChoice::Float16: return "float16";
  }
  return "auto";
}

std::string dtype_name(c10::ScalarType dtype) {
  switch (dtype) {
    case c10::kFloat: return "float32";
    case c10::kBFloat16: return "bfloat16";
    case c10::kHalf: return "float16";
    case c10::kDouble: return "float64";
    default: return c10::toString(dtype);
  }
}

c10::Device resolve_device(DeviceChoice choice) {
  const bool cuda = torch::cuda::is_available();
  if (choice == DeviceChoice::Cuda && !cuda)
    throw std::invalid_argument("--device cuda was asked for, but no CUDA device is available (use --device cpu or auto)");
  if (choice == DeviceChoice::Cuda || (choice == DeviceChoice::Auto && cuda)) return c10::Device(c10::kCUDA, 0);
  return c10::Device(c10::kCPU);
}

bool cpu_supports_avx512_bf16() {
  static const bool supported = [] {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line)) {
      if (line.rfind("flags", 0) == 0) return line.find(" avx512_bf16") != std::string::npos;
    }
    return false;
  }();
  return supported;
}

c10::ScalarType resolve_dtype(DTypeChoice choice, const c10::Device& device) {
  switch (choice) {
    case DTypeChoice::Float32: return c10::kFloat;
    case DTypeChoice::BFloat16: return c10::kBFloat16;
    case DTypeChoice::Float16:
      if (!device.is_cuda())
        throw std::invalid_argument("float16 is only supported on CUDA; on the CPU use bfloat16 or float32");
      return c10::kHalf;
    case DTypeChoice::Auto: break;
  }
  if (!bfloat16_is_slow_on(device)) return c10::kBFloat16;
  return c10::kFloat;
}

int configure_threads(int requested) {
  int threads = requested;
  if (threads <= 0) {
    if (const char* env = std::getenv("MEDLORA_THREADS")) threads = std::atoi(env);
  }
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (torch::get_num_threads() != threads) torch::set_num_threads(threads);
  return threads;
}

ComputeOptions resolve_compute(DeviceChoice device, DTypeChoice dtype, int threads) {
  ComputeOptions options;
  options.device = resolve_device(device);
  options.dtype = resolve_dtype(dtype, options.device);
  options.threads = configure_threads(threads);
  return options;
}

ComputeOptions resolve_compute(const std::string& device, const std::string& dtype, int threads) {
  return resolve_compute(parse_device_choice(device), parse_dtype_choice(dtype), threads);
}

}  // namespace medlora::runtime
