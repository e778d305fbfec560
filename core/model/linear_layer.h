#pragma once
// The projections of a LLaMA layer (q/k/v/o, gate/up/down, lm_head) are held through this
// interface so that LoRA can wrap one in place (core/lora) without the model knowing.
#include <torch/nn/module.h>

#include <memory>

namespace medlora::quant {
struct QuantizedWeight;
}

namespace medlora::model {

class DenseLinear;

class LinearLayer : public torch::nn::Module {
 public:
  virtual torch::Tensor forward(const torch::Tensor& x) = 0;
  virtual int64_t in_features() const = 0;
  virtual int64_t out_features() const = 0;
  // The frozen dense layer underneath (itself for a plain layer).
  virtual std::shared_ptr<DenseLinear> dense() = 0;
};

// y = x W^T + b, W [out, in] as in HF.
class DenseLinear : public LinearLayer {
 public:
  DenseLinear(int64_t in_features, int64_t out_features, bool bias);
  torch::Tensor forward(const torch::Tensor& x) override;
  int64_t in_features() const override { return in_features_; }
  int64_t out_features() const override { return out_features_; }
  std::shared_ptr<DenseLinear> dense() override;

  torch::Tensor weight;
  torch::Tensor bias;  // undefined when the layer has none

  // Set when the frozen weight is held quantised (core/quant): forward then dequantises tile
  // by tile, and `weight` is only a placeholder of the right shape, dtype and device: one NaN
  // element broadcast (stride 0), so code that reads it by mistake sees NaN, not numbers.
  std::shared_ptr<const quant::QuantizedWeight> quantized;
  void set_quantized(std::shared_ptr<const quant::QuantizedWeight> q);

 private:
  int64_t in_features_;
  int64_t out_features_;
};

}  // namespace medlora::model
