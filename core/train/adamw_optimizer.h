#pragma once
// AdamW over named float32 tensors, with PyTorch's update rule (decoupled weight decay,
// bias-corrected moments) and its state kept by parameter name, so checkpoints are plain
// safetensors (name.exp_avg, name.exp_avg_sq, name.step) that outlive pointer identities.
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace medlora::train {

struct AdamWSettings {
  double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  double weight_decay = 0.01;
};

class AdamWOptimizer {
 public:
  // `decay` says which parameters get weight decay (HF: none on biases and norm weights).
  AdamWOptimizer(std::vector<std::pair<std::string, at::Tensor>> parameters, std::vector<bool> decay, AdamWSettings settings);
  virtual ~AdamWOptimizer() = default;

  virtual void step(double lr);
  void zero_grad();
  const std::vector<std::pair<std::string, at::Tensor>>& parameters() const { return params_; }

  virtual std::vector<std::pair<std::string, at::Tensor>> state_tensors() const;
  // Restores the state written by state_tensors(); missing or misshapen entries throw.
  virtual void load_state_tensors(const std::vector<std::pair<std::string, at::Tensor>>& tensors, const std::string& source);
  // Bytes of optimiser state held in memory (the moments; the step counters are negligible).
  int64_t state_bytes() const;

 protected:
  // For variants that keep some moments in another form (core/train/adamw_8bit): float32
  // moments are allocated only for the parameters `float_moments` marks.
  AdamWOptimizer(std::vector<std::pair<std::string, at::Tensor>> parameters, std::vector<bool> decay, AdamWSettings settings,
                 const std::vector<bool>& float_moments);
  // One float32 AdamW update of parameter i (moments exp_avg_[i], exp_avg_sq_[i]).
  void step_float(size_t i, double lr);

  std::vector<std::pair<std::string, at::Tensor>> params_;
  std::vector<bool> decay_;
  AdamWSettings settings_;
  std::vector<at::Tensor> exp_avg_, exp_avg_sq_;
  std::vector<int64_t> steps_;
  int64_t extra_state_bytes_ = 0;  // state a variant holds outside exp_avg_ / exp_avg_sq_
};

// Total L2 norm of the gradients (float32, on CPU as a double); clips them in place to max_norm
// when max_norm > 0 and the norm is finite. Returns the norm before clipping.
double clip_grad_norm(const std::vector<std::pair<std::string, at::Tensor>>& parameters, double max_norm);

// Weight decay everywhere except biases and normalisation weights (as HF's decay parameter names).
std::vector<bool> default_weight_decay_mask(const std::vector<std::pair<std::string, at::Tensor>>& parameters);

}  // namespace medlora::train
