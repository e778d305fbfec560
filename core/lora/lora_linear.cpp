#include "core/lora/lora_linear.h"

#include <ATen/record_function.h>
#include <torch/torch.h>

#include <cmath>

#include "core/lora/lora_config.h"
#include "core/model/recomputed_forward.h"

namespace medlora::lora {

namespace {

// Parameter names cannot hold dots; adapter names may.
std::string param_name(const std::string& adapter, const char* which, int64_t generation) {
  std::string name = std::string("lora_") + which + "_" + adapter + (generation ? "_" + std::to_string(generation) : "");
  for (auto& ch : name)
    if (ch == '.') ch = '_';
  return name;
}

}  // namespace

LoraLinear::LoraLinear(std::shared_ptr<model::DenseLinear> base) : base_(std::move(base)) {
  base_->weight.set_requires_grad(false);
  if (base_->bias.defined()) base_->bias.set_requires_grad(false);
  register_module("base_layer", base_);
}

void LoraLinear::add_adapter(const std::string& name, int64_t r, double scaling, double dropout, uint64_t seed) {
  if (name.empty()) throw LoraError("an adapter needs a non-empty name");
  if (has_adapter(name)) throw LoraError("adapter '" + name + "' is already loaded on this layer; unload it first");
  if (merged()) throw LoraError("cannot add adapter '" + name + "' while adapter '" + merged_adapter_ + "' is merged; unmerge first");
  torch::NoGradGuard no_grad;
  const auto options = torch::TensorOptions().dtype(torch::kFloat).device(base_->weight.device());
  // kaiming_uniform_(a=sqrt(5)) on [r, in]: gain sqrt(2 / (1 + 5)), bound gain * sqrt(3 / fan_in) = 1 / sqrt(in).
  const double bound = 1.0 / std::sqrt(static_cast<double>(in_features()));
  auto generator = at::detail::createCPUGenerator(seed);
  auto a = at::empty({r, in_features()}, torch::kFloat).uniform_(-bound, bound, generator).to(options);
  LoraWeights w;
  w.A = register_parameter(param_name(name, "A", generation_), a, /*requires_grad=*/true);
  w.B = register_parameter(param_name(name, "B", generation_), torch::zeros({out_features(), r}, options), true);
  w.scaling = scaling;
  w.dropout = dropout;
  adapters_.emplace(name, std::move(w));
  ++generation_;
}

void LoraLinear::remove_adapter(const std::string& name) {
  if (!has_adapter(name)) return;
  if (merged_adapter_ == name) unmerge();
  // torch::nn::Module cannot unregister a parameter; the registered tensors are emptied so the
  // memory is released, and a generation number keeps the next adapter's names unique.
  auto& w = adapters_.at(name);
  torch::NoGradGuard no_grad;
  w.A.set_data(torch::empty({0}, w.A.options()));
  w.B.set_data(torch::empty({0}, w.B.options()));
  adapters_.erase(name);
  if (active_ == name) active_.clear();
}

std::vector<std::string> LoraLinear::adapter_names() const {
  std::vector<std::string> names;
  for (const auto& [name, w] : adapters_) names.push_back(name);
  return names;
}

LoraWeights& LoraLinear::adapter(const std::string& name) {
  auto it = adapters_.find(name);
  if (it == adapters_.end()) throw LoraError("no adapter named '" + name + "' on this layer");
  return it->second;
}

void LoraLinear::set_active(const std::string& name) {
  if (merged() && name != merged_adapter_)
    throw LoraError("adapter '" + merged_adapter_ + "' is merged into the weights; unmerge it before switching");
  active_ = name;
}

torch::Tensor LoraLinear::forward(const torch::Tensor& x) {
  // A quantised base dequantises on the fly inside its own forward.
  auto out = base_->quantized ? base_->forward(x) : torch::linear(x, base_->weight, base_->bias);
  if (active_.empty() || merged()) return out;
  auto it = adapters_.find(active_);
  if (it == adapters_.end()) return out;
  const LoraWeights& w = it->second;
  RECORD_FUNCTION("medlora::lora", std::vector<c10::IValue>());  // for the benchmarks' profile
  // A and B are cast to x's dtype (as PyTorch autocast does): in bfloat16 the two thin matmuls
  // run on the fast bf16 kernels and only the tiny A/B are copied, not the activations; the
  // gradient still reaches the float32 master weights through the cast. In float32 the casts
  // are no-ops.
  if (w.dropout <= 0.0 || !is_training()) {
    auto lora = torch::linear(torch::linear(x, w.A.to(x.scalar_type())), w.B.to(x.scalar_type()));
    return out.add_(lora, w.scaling);
  }
  // Dropout as torch::dropout draws it on the CPU (a 0/1 tensor like x from bernoulli_(1 - p),
  // scaled by 1 / (1 - p)), but only its keep mask is saved for backward, as bool, and the
  // dropped input is recomputed: otherwise every LoRA layer keeps both the scaled noise and
  // x * noise (TinyLlama shape, bf16: 2 MiB a layer where x, often shared by q/k/v, and
  // 0.5 MiB remain). The values and gradients are those of torch::dropout.
  const double p = w.dropout;
  const auto keep = at::empty_like(x, at::MemoryFormat::Contiguous).bernoulli_(1 - p).to(torch::kBool);
  auto lora = model::recomputed_forward(
      [p](const std::vector<at::Tensor>& in) {
        const auto& input = in[0];
        auto noise = in[1].to(input.scalar_type()).div_(1 - p);
        auto dropped = input * noise;
        return torch::linear(torch::linear(dropped, in[2].to(input.scalar_type())), in[3].to(input.scalar_type()));
      },
      {x, keep, w.A, w.B});
  return out.add_(lora, w.scaling);
}

void LoraLinear::fold(const LoraWeights& w, double sign) {
  if (base_->quantized)
    throw LoraError("cannot merge an adapter into a quantised base layer; merge into the float weights instead "
                    "(medlora export reads the base model folder again)");
  torch::NoGradGuard no_grad;
  auto& weight = base_->weight;
  auto delta = torch::matmul(w.B.to(torch::kFloat), w.A.to(torch::kFloat)).mul_(sign * w.scaling);
  if (weight.scalar_type() == torch::kFloat) {
    weight.add_(delta.to(weight.device()));
  } else {
    weight.copy_(weight.to(torch::kFloat).add_(delta.to(weight.device())));
  }
}

void LoraLinear::merge() {
  if (merged() || active_.empty()) return;
  auto it = adapters_.find(active_);
  if (it == adapters_.end()) return;
  fold(it->second, +1.0);
  merged_adapter_ = active_;
}

void LoraLinear::unmerge() {
  if (!merged()) return;
  fold(adapters_.at(merged_adapter_), -1.0);
  merged_adapter_.clear();
}

}  // namespace medlora::lora
