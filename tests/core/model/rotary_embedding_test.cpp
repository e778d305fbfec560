// RoPE against the formula written out by hand, and llama3/linear frequency scaling.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

#include "core/model/rotary_embedding.h"

namespace medlora::model {
namespace {

LlamaConfig rope_config(int64_t head_dim, double theta) {
  LlamaConfig c;
  c.hidden_size = head_dim * 2;
  c.num_attention_heads = 2;
  c.num_key_value_heads = 2;
  c.head_dim = head_dim;
  c.rope_theta = theta;
  return c;
}

TEST(RotaryEmbedding, MatchesTheRotateHalfFormula) {
  const int64_t d = 8, half = d / 2, positions = 5;
  RotaryEmbedding rope(rope_config(d, 10000.0));
  auto x = torch::randn({1, 2, positions, d}, torch::kDouble);
  auto [cos, sin] = rope.cos_sin(3, positions, torch::kDouble, torch::kCPU);  // positions 3..7
  auto y = RotaryEmbedding::apply(x, cos, sin);
  auto xa = x.accessor<double, 4>();
  auto ya = y.accessor<double, 4>();
  for (int64_t h = 0; h < 2; ++h) {
    for (int64_t t = 0; t < positions; ++t) {
      const double p = 3 + t;
      for (int64_t i = 0; i < half; ++i) {
        const double angle = p / std::pow(10000.0, 2.0 * i / d);
        const double a = xa[0][h][t][i], b = xa[0][h][t][i + half];
        // inv_freq is float32 as in HF, hence the tolerance.
        EXPECT_NEAR(ya[0][h][t][i], a * std::cos(angle) - b * std::sin(angle), 1e-5);
        EXPECT_NEAR(ya[0][h][t][i + half], b * std::cos(angle) + a * std::sin(angle), 1e-5);
      }
    }
  }
}

TEST(RotaryEmbedding, PositionZeroIsIdentityAndNormsArePreserved) {
  RotaryEmbedding rope(rope_config(16, 10000.0));
  auto x = torch::randn({2, 3, 4, 16});
  auto [cos0, sin0] = rope.cos_sin(0, 1, torch::kFloat, torch::kCPU);
  auto first = x.narrow(2, 0, 1);
  EXPECT_TRUE(torch::allclose(RotaryEmbedding::apply(first, cos0, sin0), first));
  auto [cos, sin] = rope.cos_sin(100, 4, torch::kFloat, torch::kCPU);
  auto y = RotaryEmbedding::apply(x, cos, sin);
  EXPECT_TRUE(torch::allclose(y.norm(2, -1), x.norm(2, -1), 1e-4, 1e-5));
}

TEST(RotaryEmbedding, Llama3ScalingMatchesHandComputedFrequencies) {
  auto c = rope_config(128, 500000.0);
  c.rope_scaling.type = "llama3";
  c.rope_scaling.factor = 8.0;
  c.rope_scaling.low_freq_factor = 1.0;
  c.rope_scaling.high_freq_factor = 4.0;
  c.rope_scaling.original_max_position_embeddings = 8192;
  RotaryEmbedding rope(c);
  auto inv = rope.inv_freq().to(torch::kDouble);
  ASSERT_EQ(inv.numel(), 64);
  int kept = 0, divided = 0, blended = 0;
  for (int64_t i = 0; i < 64; ++i) {
    const double f = 1.0 / std::pow(500000.0, 2.0 * i / 128.0);
    const double wavelength = 2 * M_PI / f;
    double expected;
    if (wavelength < 8192.0 / 4.0) {  // high frequency: unchanged
      expected = f;
      ++kept;
    } else if (wavelength > 8192.0 / 1.0) {  // low frequency: divided by the factor
      expected = f / 8.0;
      ++divided;
    } else {  // in between: interpolated
      const double smooth = (8192.0 / wavelength - 1.0) / (4.0 - 1.0);
      expected = (1 - smooth) * f / 8.0 + smooth * f;
      ++blended;
    }
    EXPECT_NEAR(inv[i].item<double>() / expected, 1.0, 1e-5) << "frequency " << i;
  }
  // The test covers all three bands.
  EXPECT_GT(kept, 0);
  EXPECT_GT(divided, 0);
  EXPECT_GT(blended, 0);
}

TEST(RotaryEmbedding, LinearScalingDividesEveryFrequency) {
  auto plain_config = rope_config(32, 10000.0);
  auto scaled_config = plain_config;
  scaled_config.rope_scaling.type = "linear";
  scaled_config.rope_scaling.factor = 4.0;
  RotaryEmbedding plain(plain_config), scaled(scaled_config);
  EXPECT_TRUE(torch::allclose(scaled.inv_freq() * 4.0, plain.inv_freq()));
}

}  // namespace
}  // namespace medlora::model
