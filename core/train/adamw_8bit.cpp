#include "core/train/adamw_8bit.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <cmath>
#include <map>

#include "core/quant/blockwise_8bit.h"
#include "core/quant/dynamic_map.h"
#include "core/train/train_error.h"

namespace medlora::train {

namespace {

std::vector<bool> small_tensors(const std::vector<std::pair<std::string, at::Tensor>>& parameters) {
  std::vector<bool> small;
  for (const auto& [name, p] : parameters) small.push_back(p.numel() < kAdam8bitMinSize);
  return small;
}

int64_t blocks_of(int64_t numel) { return (numel + kAdam8bitBlock - 1) / kAdam8bitBlock; }

}  // namespace

AdamW8bitOptimizer::AdamW8bitOptimizer(std::vector<std::pair<std::string, at::Tensor>> parameters, std::vector<bool> decay,
                                       AdamWSettings settings)
    : AdamWOptimizer(parameters, std::move(decay), settings, small_tensors(parameters)) {
  for (const auto& [name, p] : params_) {
    const bool quantize = p.numel() >= kAdam8bitMinSize;
    quantized_.push_back(quantize);
    QuantizedMoments q;
    if (quantize) {
      if (p.scalar_type() != torch::kFloat || !p.is_contiguous())
        throw TrainingError("adamw_8bit: parameter \"" + name + "\" must be a contiguous float32 tensor");
      // Zero moments: code of 0.0 in each map with absmax 0 (decodes to exactly zero).
      const auto& signed_map = quant::signed_dynamic_map();
      const uint8_t zero_m = quant::nearest_code(signed_map, 0.0f);
      q.m_codes = torch::full({p.numel()}, zero_m, torch::kByte);
      q.v_codes = torch::zeros({p.numel()}, torch::kByte);
      q.m_absmax = torch::zeros({blocks_of(p.numel())}, torch::kFloat);
      q.v_absmax = torch::zeros({blocks_of(p.numel())}, torch::kFloat);
      extra_state_bytes_ += static_cast<int64_t>(q.m_codes.nbytes() + q.v_codes.nbytes() + q.m_absmax.nbytes() +
                                                 q.v_absmax.nbytes());
    }
    moments_.push_back(std::move(q));
  }
}

void AdamW8bitOptimizer::step_quantized(size_t i, double lr) {
  auto& p = params_[i].second;
  const auto grad = p.grad().to(torch::kFloat).contiguous();
  const int64_t step = ++steps_[i];
  const float beta1 = static_cast<float>(settings_.beta1), beta2 = static_cast<float>(settings_.beta2);
  const float bias1 = static_cast<float>(1.0 - std::pow(settings_.beta1, static_cast<double>(step)));
  const float bias2_sqrt = static_cast<float>(std::sqrt(1.0 - std::pow(settings_.beta2, static_cast<double>(step))));
  const float eps = static_cast<float>(settings_.eps);
  const float step_size = static_cast<float>(lr) / bias1;
  const float decay = (decay_[i] && settings_.weight_decay != 0) ? static_cast<float>(1.0 - lr * settings_.weight_decay) : 1.0f;
  auto& q = moments_[i];
  const auto& signed_map = quant::signed_dynamic_map();
  const auto& unsigned_map = quant::unsigned_dynamic_map();
  float* w = p.data_ptr<float>();
  const float* g = grad.data_ptr<float>();
  uint8_t* m_codes = q.m_codes.data_ptr<uint8_t>();
  uint8_t* v_codes = q.v_codes.data_ptr<uint8_t>();
  float* m_absmax = q.m_absmax.data_ptr<float>();
  float* v_absmax = q.v_absmax.data_ptr<float>();
  const int64_t numel = p.numel();
  at::parallel_for(0, blocks_of(numel), 1, [&](int64_t first, int64_t last) {
    float m[kAdam8bitBlock], v[kAdam8bitBlock];
    for (int64_t b = first; b < last; ++b) {
      const int64_t begin = b * kAdam8bitBlock, count = std::min(kAdam8bitBlock, numel - begin);
      quant::dequantize_blockwise_into(m_codes + begin, m_absmax + b, count, signed_map, kAdam8bitBlock, m);
      quant::dequantize_blockwise_into(v_codes + begin, v_absmax + b, count, unsigned_map, kAdam8bitBlock, v);
      for (int64_t k = 0; k < count; ++k) {
        const float grad_k = g[begin + k];
        m[k] += (1.0f - beta1) * (grad_k - m[k]);
        v[k] = beta2 * v[k] + (1.0f - beta2) * grad_k * grad_k;
        float& weight = w[begin + k];
        weight *= decay;
        weight -= step_size * m[k] / (std::sqrt(v[k]) / bias2_sqrt + eps);
      }
      quant::quantize_blockwise_into(m, count, signed_map, kAdam8bitBlock, m_codes + begin, m_absmax + b);
      quant::quantize_blockwise_into(v, count, unsigned_map, kAdam8bitBlock, v_codes + begin, v_absmax + b);
    }
  });
}

void AdamW8bitOptimizer::step(double lr) {
  torch::NoGradGuard no_grad;
  for (size_t i = 0; i < params_.size(); ++i) {
    if (!params_[i].second.grad().defined()) continue;
    if (quantized_[i]) {
      step_quantized(i, lr);
    } else {
      step_float(i, lr);
    }
  }
}

std::vector<std::pair<std::string, at::Tensor>> AdamW8bitOptimizer::state_tensors() const {
  std::vector<std::pair<std::string, at::Tensor>> out;
  for (size_t i = 0; i < params_.size(); ++i) {
    const auto& name = params_[i].first;
    if (quantized_[i]) {
      const auto& q = moments_[i];
      out.emplace_back(name + ".exp_avg.codes", q.m_codes);
      out.emplace_back(name + ".exp_avg.absmax", q.m_absmax);
      out.emplace_back(name + ".exp_avg_sq.codes", q.v_codes);
      out.emplace_back(name + ".exp_avg_sq.absmax", q.v_absmax);
    } else {
      out.emplace_back(name + ".exp_avg", exp_avg_[i]);
      out.emplace_back(name + ".exp_avg_sq", exp_avg_sq_[i]);
    }
    out.emplace_back(name + ".step", torch::tensor({steps_[i]}, torch::kLong));
  }
  return out;
}

void AdamW8bitOptimizer::load_state_tensors(const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                                            const std::string& source) {
  std::map<std::string, at::Tensor> by_name(tensors.begin(), tensors.end());
  auto restore = [&](const std::string& key, at::Tensor& into) {
    auto it = by_name.find(key);
    if (it == by_name.end())
      throw TrainingError(source + ": optimizer state \"" + key +
                          "\" is missing (the checkpoint is from another setup, e.g. another training.optimizer)");
    if (it->second.sizes() != into.sizes() || it->second.scalar_type() != into.scalar_type())
      throw TrainingError(source + ": optimizer state \"" + key + "\" has the wrong shape or type");
    into.copy_(it->second);
  };
  torch::NoGradGuard no_grad;
  for (size_t i = 0; i < params_.size(); ++i) {
    const auto& name = params_[i].first;
    if (quantized_[i]) {
      auto& q = moments_[i];
      restore(name + ".exp_avg.codes", q.m_codes);
      restore(name + ".exp_avg.absmax", q.m_absmax);
      restore(name + ".exp_avg_sq.codes", q.v_codes);
      restore(name + ".exp_avg_sq.absmax", q.v_absmax);
    } else {
      restore(name + ".exp_avg", exp_avg_[i]);
      restore(name + ".exp_avg_sq", exp_avg_sq_[i]);
    }
    auto step = torch::zeros({1}, torch::kLong);
    restore(name + ".step", step);
    steps_[i] = step.item<int64_t>();
  }
}

}  // namespace medlora::train
