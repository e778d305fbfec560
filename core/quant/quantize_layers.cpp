#include "core/quant/quantize_layers.h"

#include <torch/torch.h>

#include <stdexcept>

#include "core/model/llama_model.h"
#include "core/quant/quantized_weight.h"

namespace medlora::quant {

namespace {

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

bool is_quantized_projection(const std::string& weight_name) {
  if (weight_name.rfind("model.layers.", 0) != 0) return false;
  for (const char* name : {"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"})
    if (ends_with(weight_name, std::string(".") + name + ".weight")) return true;
  return false;
}

void quantize_into(model::DenseLinear& layer, const at::Tensor& weight, const BaseQuantization& quantization) {
  if (!quantization.enabled()) throw std::invalid_argument("quantize_into: no quantization format given");
  if (weight.size(0) != layer.out_features() || weight.size(1) != layer.in_features())
    throw std::invalid_argument("quantize_into: weight shape does not match the layer");
  auto q = std::make_shared<QuantizedWeight>(
      quantize_weight(weight, quantization.format, QuantizeOptions{quantization.double_quant}));
  layer.set_quantized(std::move(q));
}

void quantize_model(model::LlamaForCausalLM& model, const BaseQuantization& quantization) {
  torch::NoGradGuard no_grad;
  for (const auto& slot : model.projection_slots()) {
    if (!is_quantized_projection(slot.path + ".weight")) continue;
    auto dense = (*slot.holder)->dense();
    if (dense->quantized) continue;
    const auto weight = dense->weight;
    quantize_into(*dense, weight, quantization);
  }
}

int64_t quantized_bytes(model::LlamaForCausalLM& model) {
  int64_t total = 0;
  for (const auto& slot : model.projection_slots())
    if (auto dense = (*slot.holder)->dense(); dense->quantized) total += dense->quantized->bytes();
  return total;
}

}  // namespace medlora::quant
