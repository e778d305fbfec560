#pragma once
// Reading and writing HF LLaMA model folders: config.json + model.safetensors (or shards).
#include <filesystem>
#include <memory>

#include "core/model/llama_model.h"
#include "core/quant/quant_format.h"
#include "core/runtime/compute_options.h"

namespace medlora::model {

// Loads config.json and the weights of an HF folder onto compute.device in compute.dtype.
// Missing or misshapen tensors are errors naming the tensor; unexpected tensors too (except
// rotary inv_freq buffers some exporters write). Tied embeddings: lm_head.weight may be absent.
// With a base quantization (CPU only), each q/k/v/o/gate/up/down weight is quantised straight
// from the mapped shard, a block of rows at a time, so the float model is never in memory;
// file pages are released once each tensor is read.
std::shared_ptr<LlamaForCausalLM> load_llama(const std::filesystem::path& model_dir,
                                             const runtime::ComputeOptions& compute,
                                             const quant::BaseQuantization& quantization = {});

// Writes config.json and the weights (as `save_dtype`, sharded above max_shard_bytes) into
// model_dir, each file atomically. Tokenizer files are the caller's; a caller that needs the
// whole folder to appear at once writes into an io::StagingDirectory and commits it.
void save_llama(LlamaForCausalLM& model, const std::filesystem::path& model_dir, c10::ScalarType save_dtype,
                uint64_t max_shard_bytes = 2ull << 30);

// True when the folder has a config.json and safetensors weights.
bool looks_like_model_dir(const std::filesystem::path& dir);

}  // namespace medlora::model
