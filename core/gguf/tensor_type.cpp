#include "core/gguf/tensor_type.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include "core/gguf/gguf_value.h"

namespace medlora::gguf {

std::string tensor_type_name(TensorType type) {
  switch (type) {
    case TensorType::F32: return "f32";
    case TensorType::F16: return "f16";
    case TensorType::Q8_0: return "q8_0";
    case TensorType::BF16: return "bf16";
  }
  return "unknown";
}

std::optional<TensorType> parse_tensor_type(std::string_view name) {
  for (auto type : {TensorType::F32, TensorType::F16, TensorType::Q8_0, TensorType::BF16})
    if (name == tensor_type_name(type)) return type;
  return std::nullopt;
}

std::optional<TensorType> tensor_type_from_id(uint32_t id) {
  for (auto type : {TensorType::F32, TensorType::F16, TensorType::Q8_0, TensorType::BF16})
    if (static_cast<uint32_t>(type) == id) return type;
  return std::nullopt;
}

int64_t block_elements(TensorType type) { return type == TensorType::Q8_0 ? kQ8_0BlockSize : 1; }

int64_t block_bytes(TensorType type) {
  switch (type) {
    case TensorType::F32: return 4;
    case TensorType::F16: case TensorType::BF16: return 2;
    case TensorType::Q8_0: return 2 + kQ8_0BlockSize;  // ggml_half d; int8_t qs[32]
  }
  return 0;
}

uint64_t tensor_bytes(TensorType type, int64_t elements) {
  if (elements < 0 || elements % block_elements(type) != 0)
    throw GgufError(std::to_string(elements) + " elements are not a whole number of " + tensor_type_name(type) + " blocks");
  return static_cast<uint64_t>(elements / block_elements(type)) * static_cast<uint64_t>(block_bytes(type));
}

uint16_t fp32_to_fp16(float value) {
  const uint32_t x = std::bit_cast<uint32_t>(value);
  const uint16_t sign = static_cast<uint16_t>((x >> 16) & 0x8000u);
  const uint32_t abs = x & 0x7fffffffu;
  if (abs > 0x7f800000u) return sign | 0x7e00u | static_cast<uint16_t>((abs >> 13) & 0x3ffu);  // quiet NaN
  if (abs >= 0x47800000u) return sign | 0x7c00u;  // 65536 and above (and inf): inf
  if (abs < 0x38800000u) {
    // Below 2^-14 the result is subnormal: a multiple of 2^-24, rounded to nearest even
    // (the default floating-point rounding mode; the scaling by 2^24 is exact).
    const float scaled = std::bit_cast<float>(abs) * 16777216.0f;
    return sign | static_cast<uint16_t>(std::nearbyint(scaled));
  }
  uint32_t half = ((((abs >> 23) - 127 + 15) << 10) | ((abs & 0x7fffffu) >> 13));
  const uint32_t rest = abs & 0x1fffu;
  if (rest > 0x1000u || (rest == 0x1000u && (half & 1u))) ++half;  // may carry into inf: correct
  return sign | static_cast<uint16_t>(half);
}

float fp16_to_fp32(uint16_t bits) {
  const uint32_t sign = static_cast<uint32_t>(bits & 0x8000u) << 16;
  const uint32_t exponent = (bits >> 10) & 0x1fu;
  const uint32_t mantissa = bits & 0x3ffu;
  if (exponent == 0) {
    const float magnitude = static_cast<float>(mantissa) / 16777216.0f;  // mantissa * 2^-24
    return std::bit_cast<float>(std::bit_cast<uint32_t>(magnitude) | sign);
  }
  if (exponent == 31) return std::bit_cast<float>(sign | 0x7f800000u | (mantissa << 13));
  return std::bit_cast<float>(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
}

// ggml_compute_fp32_to_bf16.
uint16_t fp32_to_bf16(float value) {
  const uint32_t u = std::bit_cast<uint32_t>(value);
  if ((u & 0x7fffffffu) > 0x7f800000u) return static_cast<uint16_t>((u >> 16) | 64u);  // quiet NaN
  return static_cast<uint16_t>((u + (0x7fffu + ((u >> 16) & 1u))) >> 16);
}

float bf16_to_fp32(uint16_t bits) { return std::bit_cast<float>(static_cast<uint32_t>(bits) << 16); }

namespace {

void put_u16(std::string& out, size_t at, uint16_t v) {
  out[at] = static_cast<char>(v & 0xff);
  out[at + 1] = static_cast<char>(v >> 8);
}

uint16_t get_u16(std::string_view in, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(in[at]) | (static_cast<unsigned char>(in[at + 1]) << 8));
}

// quantize_row_q8_0_ref: d = max|x| / 127 and q = roundf(x * (1/d)), d stored as fp16.
void quantize_q8_0_block(const float* x, char* out) {
  float amax = 0.0f;
  for (int64_t j = 0; j < kQ8_0BlockSize; ++j) amax = std::max(amax, std::fabs(x[j]));
  const float d = amax / 127.0f;
  const float id = d != 0.0f ? 1.0f / d : 0.0f;
  const uint16_t d16 = fp32_to_fp16(d);
  out[0] = static_cast<char>(d16 & 0xff);
  out[1] = static_cast<char>(d16 >> 8);
  for (int64_t j = 0; j < kQ8_0BlockSize; ++j)
    out[2 + j] = static_cast<char>(static_cast<int8_t>(std::roundf(x[j] * id)));
}

}  // namespace

std::string encode_tensor(TensorType type, const float* values, int64_t count) {
  std::string out(tensor_bytes(type, count), '\0');
  switch (type) {
    case TensorType::F32:
      for (int64_t i = 0; i < count; ++i) {
        const uint32_t bits = std::bit_cast<uint32_t>(values[i]);
        for (int b = 0; b < 4; ++b) out[4 * i + b] = static_cast<char>((bits >> (8 * b)) & 0xff);
      }
      break;
    case TensorType::F16:
      for (int64_t i = 0; i < count; ++i) put_u16(out, 2 * i, fp32_to_fp16(values[i]));
      break;
    case TensorType::BF16:
      for (int64_t i = 0; i < count; ++i) put_u16(out, 2 * i, fp32_to_bf16(values[i]));
      break;
    case TensorType::Q8_0:
      for (int64_t block = 0; block < count / kQ8_0BlockSize; ++block)
        quantize_q8_0_block(values + block * kQ8_0BlockSize, out.data() + block * block_bytes(type));
      break;
  }
  return out;
}

std::vector<float> decode_tensor(TensorType type, std::string_view bytes, int64_t count) {
  if (bytes.size() != tensor_bytes(type, count))
    throw GgufError("a " + tensor_type_name(type) + " tensor of " + std::to_string(count) + " elements needs " +
                    std::to_string(tensor_bytes(type, count)) + " bytes, not " + std::to_string(bytes.size()));
  std::vector<float> out(static_cast<size_t>(count));
  switch (type) {
    case TensorType::F32:
      for (int64_t i = 0; i < count; ++i) {
        uint32_t bits = 0;
        for (int b = 0; b < 4; ++b) bits |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[4 * i + b])) << (8 * b);
        out[i] = std::bit_cast<float>(bits);
      }
      break;
    case TensorType::F16:
      for (int64_t i = 0; i < count; ++i) out[i] = fp16_to_fp32(get_u16(bytes, 2 * i));
      break;
    case TensorType::BF16:
      for (int64_t i = 0; i < count; ++i) out[i] = bf16_to_fp32(get_u16(bytes, 2 * i));
      break;
    case TensorType::Q8_0:
      for (int64_t block = 0; block < count / kQ8_0BlockSize; ++block) {
        const size_t at = static_cast<size_t>(block * block_bytes(type));
        const float d = fp16_to_fp32(get_u16(bytes, at));
        for (int64_t j = 0; j < kQ8_0BlockSize; ++j)
          out[block * kQ8_0BlockSize + j] = static_cast<float>(static_cast<int8_t>(bytes[at + 2 + j])) * d;
      }
      break;
  }
  return out;
}

}  // namespace medlora::gguf
