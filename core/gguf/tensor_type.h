#pragma once
// The ggml tensor types this program writes and reads (ggml.h enum ggml_type), their block
// layout, and conversion between float32 and their bytes, bit for bit as ggml's reference
// code: fp16 and bf16 round to nearest even, q8_0 is quantize_row_q8_0_ref.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medlora::gguf {

enum class TensorType : uint32_t { F32 = 0, F16 = 1, Q8_0 = 8, BF16 = 30 };

// "f32", "f16", "q8_0", "bf16" (the names ggml_type_name gives).
std::string tensor_type_name(TensorType type);
std::optional<TensorType> parse_tensor_type(std::string_view name);
std::optional<TensorType> tensor_type_from_id(uint32_t id);

// Elements per block (32 for q8_0, else 1) and bytes per block (34 for q8_0).
int64_t block_elements(TensorType type);
int64_t block_bytes(TensorType type);
// Bytes of `elements` values; a GgufError when elements is not a whole number of blocks.
uint64_t tensor_bytes(TensorType type, int64_t elements);

// float32 <-> binary16 / bfloat16 bits, round to nearest even (NaN stays NaN).
uint16_t fp32_to_fp16(float value);
float fp16_to_fp32(uint16_t bits);
uint16_t fp32_to_bf16(float value);
float bf16_to_fp32(uint16_t bits);

inline constexpr int64_t kQ8_0BlockSize = 32;

// The bytes of `count` float32 values in `type` (count a multiple of the block size).
std::string encode_tensor(TensorType type, const float* values, int64_t count);
// The float32 values of those bytes (q8_0: d * q per element).
std::vector<float> decode_tensor(TensorType type, std::string_view bytes, int64_t count);

}  // namespace medlora::gguf
