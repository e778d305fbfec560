#pragma once
// A frozen linear layer with named low-rank adapters: y = W x + scaling * B (A dropout(x)).
// A [r, in] and B [out, r] are float32 parameters whatever the base dtype, so the optimiser
// state stays float32; one adapter (or none) is active at a time.
#include <ATen/core/Tensor.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/model/linear_layer.h"

namespace medlora::lora {

struct LoraWeights {
  torch::Tensor A;  // [r, in] float32, requires_grad
  torch::Tensor B;  // [out, r] float32, requires_grad
  double scaling = 1.0;
  double dropout = 0.0;
};

class LoraLinear : public model::LinearLayer {
 public:
  explicit LoraLinear(std::shared_ptr<model::DenseLinear> base);

  torch::Tensor forward(const torch::Tensor& x) override;
  int64_t in_features() const override { return base_->in_features(); }
  int64_t out_features() const override { return base_->out_features(); }
  std::shared_ptr<model::DenseLinear> dense() override { return base_; }

  // A Kaiming-uniform (a = sqrt(5), as nn.Linear and PEFT), B zeros; on the base's device.
  void add_adapter(const std::string& name, int64_t r, double scaling, double dropout, uint64_t seed);
  void remove_adapter(const std::string& name);
  bool has_adapter(const std::string& name) const { return adapters_.count(name) != 0; }
  std::vector<std::string> adapter_names() const;
  LoraWeights& adapter(const std::string& name);

  // "" = none (plain base output). A name this layer lacks also gives the plain base output:
  // layers_to_transform may leave some layers without a given adapter.
  void set_active(const std::string& name);
  const std::string& active() const { return active_; }

  // Folds scaling * B A of the active adapter into W (computed in float32, cast back).
  void merge();
  void unmerge();
  bool merged() const { return !merged_adapter_.empty(); }

 private:
  void fold(const LoraWeights& w, double sign);

  std::shared_ptr<model::DenseLinear> base_;
  std::map<std::string, LoraWeights> adapters_;
  std::string active_;
  std::string merged_adapter_;
  int64_t generation_ = 0;
};

}  // namespace medlora::lora
