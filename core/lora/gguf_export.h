#pragma once
// `medlora export --gguf` and `--gguf-lora`: a model (base, or base + PEFT adapter merged) as
// one GGUF file llama.cpp loads, and a PEFT adapter alone as a GGUF LoRA adapter
// (llama.cpp --lora), laid out as convert_hf_to_gguf.py / convert_lora_to_gguf.py write them.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/gguf/tensor_type.h"

namespace medlora::lora {

struct GgufExportOptions {
  gguf::TensorType type = gguf::TensorType::F16;  // 2-D weights; norms, biases and 1-D stay f32
  bool allow_identity = false;                    // write a merge that changes no weight
  // Called after each tensor is encoded (done, total); may be called from the caller's thread only.
  std::function<void(int64_t done, int64_t total)> progress;
};

struct GgufExportReport {
  std::string architecture;     // general.architecture
  std::string tokenizer_model;  // "llama" or "gpt2" (empty for an adapter)
  std::string tokenizer_pre;
  std::string type;             // "f16", ...
  int64_t tensors = 0;
  int64_t merged_layers = 0;    // LoRA projections merged, or exported for an adapter
  uint64_t bytes = 0;
  std::vector<std::string> warnings;  // what llama.cpp will compute differently
};

// Parses "f32", "f16", "bf16", "q8_0"; LoraError listing them otherwise.
gguf::TensorType parse_gguf_type(const std::string& name);

// The base model, with the adapter merged when given, as `out_file` (written atomically).
// Refuses (LoraError) a missing base, a bad or identity adapter (unless allow_identity), an
// out_file that is a folder, and tokenizers llama.cpp could not be told about (GgufError).
GgufExportReport export_gguf_model(const std::filesystem::path& base_dir, const std::optional<std::filesystem::path>& adapter_dir,
                                   const std::filesystem::path& out_file, const GgufExportOptions& options = {});

// The adapter (checked against the base) as a GGUF LoRA: general.type "adapter", adapter.type
// "lora", adapter.lora.alpha such that llama.cpp's alpha / r is the adapter's scaling (rsLoRA
// included), blk.N.<tensor>.weight.lora_a [r, in] and .lora_b [out, r], lora_b row-permuted for
// q/k on the llama architecture as the merged weight is. modules_to_save cannot be expressed as a
// GGUF LoRA and are refused. options.type applies to lora_a/lora_b (the CLI's default for an
// adapter is f32, as convert_lora_to_gguf.py's).
GgufExportReport export_gguf_lora(const std::filesystem::path& base_dir, const std::filesystem::path& adapter_dir,
                                  const std::filesystem::path& out_file, const GgufExportOptions& options = {});

}  // namespace medlora::lora
