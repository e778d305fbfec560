#pragma once
// How an HF LLaMA-family model is laid out in GGUF for llama.cpp, as convert_hf_to_gguf.py
// does it: the architecture name and hyperparameter keys of each model type, the tensor names
// (gguf-py tensor_mapping.py), llama.cpp's q/k row permutation for the "llama" architecture
// (LlamaModel.permute: HF's rotate_half RoPE pairs dims i and i + d/2, llama.cpp's pairs 2i
// and 2i+1), which tensors stay float32, and Llama 3's rope_freqs factors.
#include <torch/types.h>

#include <optional>
#include <string>

#include "core/gguf/gguf_writer.h"
#include "core/model/llama_config.h"

namespace medlora::lora {

// "llama" for llama and mistral, "qwen2", "qwen3". Throws LoraError for other types.
std::string gguf_architecture(const model::LlamaConfig& config);

// general.* and the {arch}.* hyperparameters (file_type is the caller's). Returns warnings
// about what llama.cpp cannot represent (a sliding window on the llama architecture).
std::vector<std::string> add_architecture_metadata(gguf::GgufWriter& writer, const model::LlamaConfig& config,
                                                   const std::string& name);

// The GGUF name of an HF parameter or module path ("model.layers.3.self_attn.q_proj.weight" ->
// "blk.3.attn_q.weight", "model.layers.3.self_attn.q_proj" -> "blk.3.attn_q"); nullopt for
// names llama.cpp has no tensor for.
std::optional<std::string> gguf_tensor_name(const std::string& hf_name);

// The row permutation llama.cpp expects for a q_proj/k_proj weight, bias or LoRA B of the
// llama architecture, `heads` being the query or the key/value head count.
torch::Tensor permute_rows_for_llama_rope(const torch::Tensor& rows, int64_t heads);
// Heads to permute `hf_name` with on this model, or nullopt when it is not permuted (qwen2,
// qwen3, and every tensor but q/k projections).
std::optional<int64_t> rope_permutation_heads(const model::LlamaConfig& config, const std::string& hf_name);

// The stored type of a tensor under a file type: 1-D tensors, norms and biases stay f32; q8_0
// needs rows that are a multiple of 32 and falls back to f16 otherwise (as convert does).
gguf::TensorType stored_tensor_type(const std::string& gguf_name, const std::vector<int64_t>& shape, gguf::TensorType file_type);
// general.file_type (llama_ftype) of a file type: 0 f32, 1 f16, 7 q8_0, 32 bf16.
uint32_t llama_file_type(gguf::TensorType file_type);

// rope_freqs.weight for rope_scaling.type "llama3" (head_dim / 2 float32 factors), else nullopt.
std::optional<torch::Tensor> llama3_rope_factors(const model::LlamaConfig& config);

// Encodes a float tensor as `type` and adds it under `name` with its torch shape.
void add_float_tensor(gguf::GgufWriter& writer, const std::string& name, const torch::Tensor& tensor, gguf::TensorType type);

}  // namespace medlora::lora
