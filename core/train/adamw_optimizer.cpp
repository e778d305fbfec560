#include "core/train/adamw_optimizer.h"

#include <torch/torch.h>

#include <cmath>
#include <map>

#include "core/train/train_error.h"

namespace medlora::train {

AdamWOptimizer::AdamWOptimizer(std::vector<std::pair<std::string, at::Tensor>> parameters, std::vector<bool> decay,
                               AdamWSettings settings)
    : AdamWOptimizer(std::move(parameters), std::move(decay), settings, {}) {}

AdamWOptimizer::AdamWOptimizer(std::vector<std::pair<std::string, at::Tensor>> parameters, std::vector<bool> decay,
                               AdamWSettings settings, const std::vector<bool>& float_moments)
    : params_(std::move(parameters)), decay_(std::move(decay)), settings_(settings) {
  if (decay_.size() != params_.size()) decay_.assign(params_.size(), true);
  for (size_t i = 0; i < params_.size(); ++i) {
    const auto& p = params_[i].second;
    const bool allocate = float_moments.empty() || float_moments[i];
    exp_avg_.push_back(allocate ? torch::zeros_like(p, torch::MemoryFormat::Preserve) : at::Tensor());
    exp_avg_sq_.push_back(allocate ? torch::zeros_like(p, torch::MemoryFormat::Preserve) : at::Tensor());
    steps_.push_back(0);
  }
}

void AdamWOptimizer::step_float(size_t i, double lr) {
  auto& p = params_[i].second;
  const auto& grad = p.grad();
  const int64_t step = ++steps_[i];
  if (decay_[i] && settings_.weight_decay != 0) p.mul_(1.0 - lr * settings_.weight_decay);
  exp_avg_[i].lerp_(grad, 1.0 - settings_.beta1);
  exp_avg_sq_[i].mul_(settings_.beta2).addcmul_(grad, grad, 1.0 - settings_.beta2);
  const double bias1 = 1.0 - std::pow(settings_.beta1, static_cast<double>(step));
  const double bias2 = 1.0 - std::pow(settings_.beta2, static_cast<double>(step));
  auto denom = (exp_avg_sq_[i].sqrt() / std::sqrt(bias2)).add_(settings_.eps);
  p.addcdiv_(exp_avg_[i], denom, -lr / bias1);
}

void AdamWOptimizer::step(double lr) {
  torch::NoGradGuard no_grad;
  for (size_t i = 0; i < params_.size(); ++i)
    if (params_[i].second.grad().defined()) step_float(i, lr);
}

int64_t AdamWOptimizer::state_bytes() const {
  int64_t total = extra_state_bytes_;
  for (size_t i = 0; i < params_.size(); ++i) {
    if (exp_avg_[i].defined()) total += static_cast<int64_t>(exp_avg_[i].nbytes());
    if (exp_avg_sq_[i].defined()) total += static_cast<int64_t>(exp_avg_sq_[i].nbytes());
  }
  return total;
}

void AdamWOptimizer::zero_grad() {
  for (auto& [name, p] : params_) {
    if (p.grad().defined()) p.mutable_grad() = at::Tensor();
  }
}

std::vector<std::pair<std::string, at::Tensor>> AdamWOptimizer::state_tensors() const {
  std::vector<std::pair<std::string, at::Tensor>> out;
  for (size_t i = 0; i < params_.size(); ++i) {
    const auto& name = params_[i].first;
    out.emplace_back(name + ".exp_avg", exp_avg_[i]);
    out.emplace_back(name + ".exp_avg_sq", exp_avg_sq_[i]);
    out.emplace_back(name + ".step", torch::tensor({steps_[i]}, torch::kLong));
  }
  return out;
}

void AdamWOptimizer::load_state_tensors(const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                                        const std::string& source) {
  std::map<std::string, at::Tensor> by_name(tensors.begin(), tensors.end());
  auto get = [&](const std::string& key, const at::Tensor& like) {
    auto it = by_name.find(key);
    if (it == by_name.end())
      throw TrainingError(source + ": optimizer state \"" + key + "\" is missing (the checkpoint is from another setup)");
    if (like.defined() && it->second.sizes() != like.sizes())
      throw TrainingError(source + ": optimizer state \"" + key + "\" has the wrong shape");
    return it->second;
  };
  torch::NoGradGuard no_grad;
  for (size_t i = 0; i < params_.size(); ++i) {
    const auto& name = params_[i].first;
    exp_avg_[i].copy_(get(name + ".exp_avg", exp_avg_[i]));
    exp_avg_sq_[i].copy_(get(name + ".exp_avg_sq", exp_avg_sq_[i]));
    steps_[i] = get(name + ".step", at::Tensor()).to(torch::kLong).item<int64_t>();
  }
}

double clip_grad_norm(const std::vector<std::pair<std::string, at::Tensor>>& parameters, double max_norm) {
  torch::NoGradGuard no_grad;
  std::vector<at::Tensor> norms;
  for (const auto& [name, p] : parameters) {
    if (p.grad().defined()) norms.push_back(p.grad().to(torch::kFloat).norm(2));
  }
  if (norms.empty()) return 0.0;
  const double total = torch::stack(norms).norm(2).item<double>();
  if (max_norm > 0 && std::isfinite(total) && total > max_norm) {
    const double coef = max_norm / (total + 1e-6);
    for (const auto& [name, p] : parameters) {
      if (p.grad().defined()) p.mutable_grad().mul_(coef);
    }
  }
  return total;
}

std::vector<bool> default_weight_decay_mask(const std::vector<std::pair<std::string, at::Tensor>>& parameters) {
  std::vector<bool> mask;
  for (const auto& [name, p] : parameters) {
    const bool is_bias = name.size() >= 5 && name.compare(name.size() - 5, 5, ".bias") == 0;
    const bool is_norm = name.find("norm") != std::string::npos;
    mask.push_back(!is_bias && !is_norm);
  }
  return mask;
}

}  // namespace medlora::train
