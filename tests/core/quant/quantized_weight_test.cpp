#include <gtest/gtest.h>

#include <torch/torch.h>

#include "core/quant/blockwise_8bit.h"
#include "core/quant/nf4_code.h"
#include "core/quant/quantized_weight.h"
#include "tests/core/quant/quant_test_support.h"

namespace medlora::quant {
namespace {

using testing::random_weight;

TEST(Int8Rowwise, RoundTripWithinHalfAStepPerRow) {
  auto w = random_weight(37, 100, 1);
  w[5].mul_(50.0);  // one loud row must not coarsen the others
  auto q = quantize_weight(w, QuantFormat::Int8);
  ASSERT_EQ(q.codes.scalar_type(), torch::kChar);
  auto back = dequantize_weight(q);
  auto absmax = std::get<0>(w.abs().max(1, true));
  auto bound = absmax / 254.0 * (1 + 1e-5);
  EXPECT_TRUE(((w - back).abs() <= bound).all().item<bool>());
  // The absmax element of each row is exact: it is +-127 * scale.
  EXPECT_TRUE(torch::allclose(std::get<0>(back.abs().max(1, true)), absmax, 1e-6, 0));
  EXPECT_LT(q.bytes(), w.numel() * 2);
}

TEST(Int8Rowwise, ZeroRowStaysZero) {
  auto w = random_weight(4, 16, 2);
  w[1].zero_();
  auto back = dequantize_weight(quantize_weight(w, QuantFormat::Int8));
  EXPECT_TRUE(back[1].eq(0).all().item<bool>());
}

TEST(Nf4Blockwise, PacksHighNibbleFirstWithBlockAbsmax) {
  auto w = torch::zeros({1, 64});
  w[0][0] = 2.0;    // absmax -> code 15
  w[0][1] = -2.0;   // code 0
  w[0][2] = 0.0;    // code 7
  w[0][3] = 0.16093020141124725 * 2.0;  // code 9
  auto q = quantize_weight(w, QuantFormat::Nf4);
  ASSERT_EQ(q.codes.numel(), 32);
  EXPECT_EQ(q.codes[0].item<uint8_t>(), 0xF0);
  EXPECT_EQ(q.codes[1].item<uint8_t>(), 0x79);
  EXPECT_FLOAT_EQ(q.absmax[0].item<float>(), 2.0f);
  auto back = dequantize_weight(q);
  EXPECT_FLOAT_EQ(back[0][3].item<float>(), kNf4Code[9] * 2.0f);
}

TEST(Nf4Blockwise, RoundTripWithinHalfTheWidestGap) {
  auto w = random_weight(48, 256, 3);
  auto q = quantize_weight(w, QuantFormat::Nf4);
  auto back = dequantize_weight(q);
  // Per element: at most half the widest gap between NF4 codes (-1 .. -0.6962) times the
  // absmax of its 64-element block.
  auto block_absmax = std::get<0>(w.reshape({-1, 64}).abs().max(1, true));
  auto bound = block_absmax * (0.5 * (kNf4Code[1] - kNf4Code[0])) * (1 + 1e-5);
  EXPECT_TRUE(((w - back).reshape({-1, 64}).abs() <= bound).all().item<bool>());
  // And on normal weights, as QLoRA reports, a small mean error: about a tenth of the spread.
  EXPECT_LT(((w - back).pow(2).mean().sqrt() / w.std()).item<double>(), 0.1);
  EXPECT_EQ(q.bytes(), w.numel() / 2 + (w.numel() / 64) * 4);
}

TEST(Nf4Blockwise, ColumnsNotAMultipleOfTheBlock) {
  auto w = random_weight(7, 45, 4);  // 315 elements: blocks straddle rows, an odd tail
  auto q = quantize_weight(w, QuantFormat::Nf4);
  EXPECT_EQ(q.blocks(), 5);
  auto back = dequantize_weight(q);
  auto flat_w = w.reshape({-1}), flat_back = back.reshape({-1});
  for (int64_t b = 0; b < 5; ++b) {
    const int64_t n = std::min<int64_t>(64, 315 - b * 64);
    auto part = flat_w.narrow(0, b * 64, n);
    const double bound = part.abs().max().item<double>() * 0.5 * (kNf4Code[1] - kNf4Code[0]) * (1 + 1e-5);
    EXPECT_LE((part - flat_back.narrow(0, b * 64, n)).abs().max().item<double>(), bound) << b;
  }
}

TEST(Nf4DoubleQuant, ScalesCompressedAndCloseToPlainNf4) {
  auto w = random_weight(64, 1024, 5);  // 1024 blocks -> 4 scale blocks of 256
  auto plain = quantize_weight(w, QuantFormat::Nf4);
  auto dq = quantize_weight(w, QuantFormat::Nf4, QuantizeOptions{true});
  ASSERT_TRUE(dq.double_quant);
  EXPECT_FALSE(dq.absmax.defined());
  EXPECT_EQ(dq.absmax_codes.numel(), 1024);
  EXPECT_EQ(dq.absmax_scale.numel(), 4);
  EXPECT_TRUE(torch::equal(plain.codes, dq.codes));  // the 4-bit codes use the exact absmax
  // Each decoded absmax within half a step of the signed map around its value (coarsest
  // step 0.0140625 of the scale block's range), and the weights barely move.
  const auto range = std::get<0>((plain.absmax - plain.absmax.mean()).reshape({4, 256}).abs().max(1, true));
  for (int64_t b = 0; b < 1024; ++b) {
    const double error = std::abs(dq.block_absmax(b) - plain.absmax[b].item<float>());
    EXPECT_LE(error, range[b / 256].item<double>() * 0.0071 + 1e-7) << b;
  }
  auto back_plain = dequantize_weight(plain), back_dq = dequantize_weight(dq);
  EXPECT_LT((back_plain - back_dq).abs().max().item<double>(), 0.01 * w.abs().max().item<double>());
  EXPECT_LT(dq.bytes(), plain.bytes());
}

TEST(Blockwise8bit, RoundTripPerBlock) {
  auto x = random_weight(3, 3000, 6, 1.0).reshape({-1});
  auto q = quantize_blockwise(x, signed_dynamic_map(), 2048);
  EXPECT_EQ(q.absmax.numel(), 5);
  auto back = dequantize_blockwise(q, signed_dynamic_map());
  // The dynamic map's relative steps are at most ~1.4 % of the block absmax near 1, finer below.
  for (int64_t b = 0; b < 5; ++b) {
    const int64_t n = std::min<int64_t>(2048, x.numel() - b * 2048);
    auto part = x.narrow(0, b * 2048, n);
    EXPECT_LE((part - back.narrow(0, b * 2048, n)).abs().max().item<double>(), part.abs().max().item<double>() * 0.0071);
  }
}

TEST(QuantizeWeight, RejectsNoneAndNon2d) {
  EXPECT_THROW(quantize_weight(torch::zeros({4, 4}), QuantFormat::None), std::invalid_argument);
  EXPECT_THROW(quantize_weight(torch::zeros({4}), QuantFormat::Int8), std::invalid_argument);
}

TEST(QuantizeWeight, Bfloat16InputMatchesItsFloatValue) {
  auto w = random_weight(16, 128, 7).to(torch::kBFloat16);
  auto from_bf16 = quantize_weight(w, QuantFormat::Nf4);
  auto from_float = quantize_weight(w.to(torch::kFloat), QuantFormat::Nf4);
  EXPECT_TRUE(torch::equal(from_bf16.codes, from_float.codes));
  EXPECT_TRUE(torch::equal(from_bf16.absmax, from_float.absmax));
}

}  // namespace
}  // namespace medlora::quant
