#include <gtest/gtest.h>

#include <torch/torch.h>

#include "core/quant/dequantize_kernels.h"
#include "core/quant/quantized_matmul.h"
#include "tests/core/quant/quant_test_support.h"

namespace medlora::quant {
namespace {

using testing::random_weight;

struct KernelCase {
  Isa isa;
  QuantFormat format;
  bool double_quant;
};

std::string case_name(const ::testing::TestParamInfo<KernelCase>& info) {
  const auto& c = info.param;
  return isa_name(c.isa) + "_" + (c.format == QuantFormat::Int8 ? "int8" : c.double_quant ? "nf4dq" : "nf4");
}

class KernelTest : public ::testing::TestWithParam<KernelCase> {
 protected:
  void SetUp() override {
    if (!isa_supported(GetParam().isa)) GTEST_SKIP() << "this CPU lacks " << isa_name(GetParam().isa);
  }
  QuantizedWeight make(int64_t rows, int64_t cols, uint64_t seed) {
    return quantize_weight(random_weight(rows, cols, seed), GetParam().format, QuantizeOptions{GetParam().double_quant});
  }
};

TEST_P(KernelTest, RowsMatchPortableBitForBit) {
  auto q = make(40, 320, 11);  // 320: the vector loops and their scalar tails both run
  for (auto dtype : {torch::kFloat, torch::kBFloat16}) {
    auto expected = torch::empty({27, 320}, dtype), got = torch::empty({27, 320}, dtype);
    dequantize_rows(q, 9, 36, expected.data_ptr(), dtype, Isa::Portable);
    dequantize_rows(q, 9, 36, got.data_ptr(), dtype, GetParam().isa);
    EXPECT_TRUE(torch::equal(expected, got)) << c10::toString(dtype);
  }
  // bfloat16 output is the float32 value rounded to nearest even, as torch's cast.
  auto as_float = torch::empty({40, 320}), as_bf16 = torch::empty({40, 320}, torch::kBFloat16);
  dequantize_rows(q, 0, 40, as_float.data_ptr(), torch::kFloat, GetParam().isa);
  dequantize_rows(q, 0, 40, as_bf16.data_ptr(), torch::kBFloat16, GetParam().isa);
  EXPECT_TRUE(torch::equal(as_float.to(torch::kBFloat16), as_bf16));
}

TEST_P(KernelTest, GemvMatchesDequantiseThenMv) {
  auto q = make(70, 192, 12);
  auto x = random_weight(1, 192, 13, 1.0).reshape({192});
  auto expected = torch::mv(dequantize_weight(q), x);
  auto y = torch::empty({70});
  quantized_gemv(q, x.data_ptr<float>(), y.data_ptr<float>(), GetParam().isa);
  EXPECT_TRUE(torch::allclose(y, expected, 1e-4, 1e-5));
}

TEST_P(KernelTest, MatmulAndInputGradMatchDequantiseThenMatmul) {
  // More rows than one tile holds (tile_rows(3000, 512) = 2048), so tiles are stitched.
  auto q = make(3000, 512, 14);
  ASSERT_LT(tile_rows(q.rows, q.cols), q.rows);
  auto w = dequantize_weight(q);
  auto x = random_weight(6, 512, 15, 1.0).reshape({2, 3, 512});
  auto y = quantized_matmul(x, q, GetParam().isa);
  ASSERT_EQ(y.sizes(), (std::vector<int64_t>{2, 3, 3000}));
  EXPECT_TRUE(torch::allclose(y, torch::matmul(x, w.t()), 1e-4, 1e-4));
  auto g = random_weight(6, 3000, 16, 1.0).reshape({2, 3, 3000});
  auto gx = quantized_matmul_input_grad(g, q, GetParam().isa);
  ASSERT_EQ(gx.sizes(), (std::vector<int64_t>{2, 3, 512}));
  EXPECT_TRUE(torch::allclose(gx, torch::matmul(g, w), 1e-4, 1e-3));
}

TEST_P(KernelTest, Bfloat16MatmulCloseToFloat) {
  auto q = make(300, 256, 17);
  auto x = random_weight(5, 256, 18, 1.0);
  auto reference = torch::matmul(x, dequantize_weight(q).t());
  auto y = quantized_matmul(x.to(torch::kBFloat16), q, GetParam().isa);
  EXPECT_EQ(y.scalar_type(), torch::kBFloat16);
  const double scale = reference.abs().max().item<double>();
  EXPECT_LT((y.to(torch::kFloat) - reference).abs().max().item<double>(), 0.02 * scale);
}

std::vector<KernelCase> all_cases() {
  std::vector<KernelCase> cases;
  for (Isa isa : testing::all_isas())
    for (auto [format, dq] : {std::pair{QuantFormat::Int8, false}, std::pair{QuantFormat::Nf4, false}, std::pair{QuantFormat::Nf4, true}})
      cases.push_back({isa, format, dq});
  return cases;
}

INSTANTIATE_TEST_SUITE_P(AllIsas, KernelTest, ::testing::ValuesIn(all_cases()), case_name);

TEST(Dequantize, RejectsBadRanges) {
  auto q = quantize_weight(random_weight(4, 64, 1), QuantFormat::Int8);
  auto out = torch::empty({4, 64});
  EXPECT_THROW(dequantize_rows(q, 2, 5, out.data_ptr(), torch::kFloat, Isa::Portable), std::out_of_range);
  EXPECT_THROW(dequantize_rows(q, 0, 1, out.data_ptr(), torch::kHalf, Isa::Portable), std::invalid_argument);
}

TEST(Dequantize, BestIsaIsSupported) { EXPECT_TRUE(isa_supported(best_isa())); }

}  // namespace
}  // namespace medlora::quant
