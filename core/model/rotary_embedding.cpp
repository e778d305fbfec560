#include "core/model/rotary_embedding.h"

#include <torch/torch.h>

#include <cmath>

namespace medlora::model {

namespace {

torch::Tensor default_inv_freq(const LlamaConfig& c) {
  auto exponents = torch::arange(0, c.head_dim, 2, torch::kLong).to(torch::kFloat) / static_cast<double>(c.head_dim);
  return 1.0 / torch::pow(torch::tensor(c.rope_theta, torch::kFloat), exponents);
}

// Llama 3.x frequency-dependent scaling: long wavelengths are divided by the factor,
// short ones kept, the band between interpolated.
torch::Tensor llama3_inv_freq(const LlamaConfig& c, torch::Tensor inv_freq) {
  const auto& s = c.rope_scaling;
  const double old_context = static_cast<double>(s.original_max_position_embeddings);
  const double low_freq_wavelen = old_context / s.low_freq_factor;
  const double high_freq_wavelen = old_context / s.high_freq_factor;
  auto wavelen = 2.0 * M_PI / inv_freq;
  auto scaled = torch::where(wavelen > low_freq_wavelen, inv_freq / s.factor, inv_freq);
  auto smooth = (old_context / wavelen - s.low_freq_factor) / (s.high_freq_factor - s.low_freq_factor);
  auto smoothed = (1 - smooth) * scaled / s.factor + smooth * scaled;
  auto is_medium = (wavelen >= high_freq_wavelen) & (wavelen <= low_freq_wavelen);
  return torch::where(is_medium, smoothed, scaled);
}

}  // namespace

RotaryEmbedding::RotaryEmbedding(const LlamaConfig& config) {
  inv_freq_ = default_inv_freq(config);
  if (config.rope_scaling.type == "linear") inv_freq_ = inv_freq_ / config.rope_scaling.factor;
  if (config.rope_scaling.type == "llama3") inv_freq_ = llama3_inv_freq(config, inv_freq_);
  const auto& type = config.rope_scaling.type;
  if (type != "default" && type != "linear" && type != "llama3")
    throw ModelError("rope_scaling type \"" + type + "\" is not supported (default, linear, llama3)");
}

void RotaryEmbedding::ensure_table(int64_t positions, c10::ScalarType dtype, const c10::Device& device) {
  if (cached_positions_ >= positions && cos_.defined() && cos_.scalar_type() == dtype && cos_.device() == device)
    return;
  int64_t size = std::max<int64_t>({positions, 2 * cached_positions_, 256});
  auto t = torch::arange(size, torch::kLong).to(torch::kFloat);
  auto freqs = torch::outer(t, inv_freq_);
  auto emb = torch::cat({freqs, freqs}, -1);
  cos_ = emb.cos().to(device, dtype);
  sin_ = emb.sin().to(device, dtype);
  cached_positions_ = size;
}

std::pair<at::Tensor, at::Tensor> RotaryEmbedding::cos_sin(int64_t start, int64_t length, c10::ScalarType dtype,
                                                           const c10::Device& device) {
  ensure_table(start + length, dtype, device);
  return {cos_.narrow(0, start, length), sin_.narrow(0, start, length)};
}

at::Tensor RotaryEmbedding::apply(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin) {
  const int64_t half = x.size(-1) / 2;
  auto x1 = x.narrow(-1, 0, half);
  auto x2 = x.narrow(-1, half, half);
  auto rotated = torch::cat({-x2, x1}, -1);
  return x * cos + rotated * sin;
}

}  // namespace medlora::model
