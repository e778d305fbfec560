// fp16/bf16 conversions against libtorch's (both round to nearest even), q8_0 against a
// hand-worked block and its error bound.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <bit>
#include <cmath>
#include <limits>

#include "core/gguf/gguf_value.h"
#include "core/gguf/tensor_type.h"

namespace medlora::gguf {
namespace {

torch::Tensor awkward_values() {
  auto gen = at::detail::createCPUGenerator(11);
  std::vector<torch::Tensor> parts = {
      torch::randn({4000}, gen) * 3.0,
      torch::randn({2000}, gen) * 1e-5,   // fp16 subnormals
      torch::randn({1000}, gen) * 1e-8,   // below fp16's smallest subnormal
      torch::randn({1000}, gen) * 60000,  // around fp16's largest normal and beyond
      torch::tensor({0.0f, -0.0f, 65504.0f, 65519.99f, 65520.0f, 1e30f, -1e30f, 5.96046448e-8f, 2.98023224e-8f,
                     2.98023259e-8f, 6.1035156e-5f, 6.1031e-5f, std::numeric_limits<float>::infinity(),
                     -std::numeric_limits<float>::infinity()})};
  // Exact halfway cases of fp16: odd and even mantissas with half an ulp added.
  std::vector<float> ties;
  for (uint32_t h = 0x3c00; h < 0x3c40; ++h) ties.push_back(fp16_to_fp32(h) + std::ldexp(1.0f, -11));
  parts.push_back(torch::tensor(ties));
  return torch::cat(parts).contiguous();
}

TEST(TensorType, Fp16MatchesTorchBitForBit) {
  auto x = awkward_values();
  auto expected = x.to(torch::kHalf).contiguous();
  const auto* bits = reinterpret_cast<const uint16_t*>(expected.data_ptr());
  for (int64_t i = 0; i < x.numel(); ++i) {
    const float v = x.data_ptr<float>()[i];
    ASSERT_EQ(fp32_to_fp16(v), bits[i]) << "value " << v;
    ASSERT_EQ(std::bit_cast<uint32_t>(fp16_to_fp32(bits[i])),
              std::bit_cast<uint32_t>(expected.to(torch::kFloat).data_ptr<float>()[i]));
  }
  EXPECT_TRUE(std::isnan(fp16_to_fp32(fp32_to_fp16(std::numeric_limits<float>::quiet_NaN()))));
}

TEST(TensorType, Bf16MatchesTorchBitForBit) {
  auto x = awkward_values();
  auto expected = x.to(torch::kBFloat16).contiguous();
  const auto* bits = reinterpret_cast<const uint16_t*>(expected.data_ptr());
  for (int64_t i = 0; i < x.numel(); ++i) ASSERT_EQ(fp32_to_bf16(x.data_ptr<float>()[i]), bits[i]);
  EXPECT_EQ(bf16_to_fp32(0x3f80), 1.0f);
  EXPECT_TRUE(std::isnan(bf16_to_fp32(fp32_to_bf16(std::numeric_limits<float>::quiet_NaN()))));
}

TEST(TensorType, Q8_0BlockIsGgmlsReference) {
  std::vector<float> x(32);
  for (int j = 0; j < 32; ++j) x[j] = (j - 10) * 0.25f;  // max |x| = 21 * 0.25 = 5.25
  const std::string bytes = encode_tensor(TensorType::Q8_0, x.data(), 32);
  ASSERT_EQ(bytes.size(), 34u);
  const float d = 5.25f / 127.0f;
  const uint16_t d16 = static_cast<uint16_t>(static_cast<unsigned char>(bytes[0]) | (static_cast<unsigned char>(bytes[1]) << 8));
  EXPECT_EQ(d16, fp32_to_fp16(d));
  for (int j = 0; j < 32; ++j) EXPECT_EQ(static_cast<int8_t>(bytes[2 + j]), static_cast<int8_t>(std::roundf(x[j] * (1.0f / d))));
  EXPECT_EQ(static_cast<int8_t>(bytes[2 + 31]), 127);
  // An all-zero block has d = 0 and q = 0.
  std::vector<float> zeros(32, 0.0f);
  EXPECT_EQ(encode_tensor(TensorType::Q8_0, zeros.data(), 32), std::string(34, '\0'));
}

TEST(TensorType, Q8_0RoundTripStaysWithinHalfAStep) {
  auto x = torch::randn({64 * 32}, at::detail::createCPUGenerator(3)).contiguous();
  const float* v = x.data_ptr<float>();
  const auto decoded = decode_tensor(TensorType::Q8_0, encode_tensor(TensorType::Q8_0, v, x.numel()), x.numel());
  for (int64_t block = 0; block < 64; ++block) {
    float amax = 0;
    for (int j = 0; j < 32; ++j) amax = std::max(amax, std::fabs(v[block * 32 + j]));
    const float d = amax / 127.0f;
    const float d16 = fp16_to_fp32(fp32_to_fp16(d));
    // Rounding to q costs at most d/2; storing d as fp16 moves each |q| <= 127 step by |d16 - d|.
    const float bound = 0.5f * d + 127.0f * std::fabs(d16 - d) + 1e-6f * d;
    for (int j = 0; j < 32; ++j) ASSERT_LE(std::fabs(decoded[block * 32 + j] - v[block * 32 + j]), bound);
  }
}

TEST(TensorType, SizesAndNames) {
  EXPECT_EQ(tensor_bytes(TensorType::F32, 10), 40u);
  EXPECT_EQ(tensor_bytes(TensorType::F16, 10), 20u);
  EXPECT_EQ(tensor_bytes(TensorType::BF16, 10), 20u);
  EXPECT_EQ(tensor_bytes(TensorType::Q8_0, 64), 68u);
  EXPECT_THROW(tensor_bytes(TensorType::Q8_0, 33), GgufError);
  EXPECT_EQ(parse_tensor_type("q8_0"), TensorType::Q8_0);
  EXPECT_EQ(parse_tensor_type("bf16"), TensorType::BF16);
  EXPECT_FALSE(parse_tensor_type("q4_0"));
  EXPECT_EQ(static_cast<uint32_t>(TensorType::BF16), 30u);
  EXPECT_EQ(static_cast<uint32_t>(TensorType::Q8_0), 8u);
}

}  // namespace
}  // namespace medlora::gguf
