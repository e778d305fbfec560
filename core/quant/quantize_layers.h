#pragma once
// Putting a model's frozen projections into quantised form. Quantised: q/k/v/o and
// gate/up/down of every layer. Kept in the compute dtype: embeddings, norms and lm_head (as
// bitsandbytes leaves the output layer alone: its errors go straight into the logits).
#include <ATen/core/Tensor.h>

#include <string>

#include "core/quant/quant_format.h"

namespace medlora::model {
class DenseLinear;
class LlamaForCausalLM;
}  // namespace medlora::model

namespace medlora::quant {

// Whether a base weight name ("model.layers.3.mlp.up_proj.weight") is one that is quantised.
bool is_quantized_projection(const std::string& weight_name);

// Quantises `weight` (any float dtype, read a block of rows at a time) into `layer`, whose own
// float weight storage is released. The weight is CPU-only once quantised.
void quantize_into(model::DenseLinear& layer, const at::Tensor& weight, const BaseQuantization& quantization);

// Quantises every such projection of a model already in memory, one weight at a time.
void quantize_model(model::LlamaForCausalLM& model, const BaseQuantization& quantization);

// Bytes of the quantised projections' storage (0 when none is quantised).
int64_t quantized_bytes(model::LlamaForCausalLM& model);

}  // namespace medlora::quant
