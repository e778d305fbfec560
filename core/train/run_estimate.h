#pragma once
// Before a run starts: a rough memory and time-per-step estimate from the model's shape and
// the run config, and warnings about settings that are legal but probably not what the user
// meant. Pure arithmetic (no torch), so the GUI can call it on every keystroke.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/llama_config.h"
#include "core/train/run_config.h"

namespace medlora::train {

struct RunEstimate {
  int64_t base_parameters = 0;       // the frozen (LoRA) or trained (full) model
  int64_t trainable_parameters = 0;  // LoRA A/B (+ modules_to_save) or every weight
  int64_t tokens_per_step = 0;       // micro × accumulation × max_length (padding included)
  uint64_t weight_bytes = 0;         // base weights in the compute dtype (LoRA: as base_quantization stores them)
  uint64_t optimizer_bytes = 0;      // float32 master copy + gradient + two AdamW moments (8-bit with adamw_8bit)
  uint64_t activation_bytes = 0;     // one micro-batch kept for backward
  // A distillation run's online teacher (all 0 with "precompute_top_k": the teacher is not
  // loaded while training then, and its top-k rows per step are negligible).
  uint64_t teacher_weight_bytes = 0;      // in the compute dtype, or int8 / NF4 as "teacher.quantization"
  uint64_t teacher_activation_bytes = 0;  // no-grad forward: one layer at a time + its float32 logits
  double teacher_flops_per_step = 0;      // its forward over the step's tokens (in flops_per_step too)
  bool teacher_unknown = false;           // distill with an online teacher, but no teacher shape given
  uint64_t total_bytes = 0;
  double flops_per_step = 0;
  double seconds_per_step = 0;       // at `flops_per_second` sustained
};

// Bytes per element of the compute dtype ("auto" counts as float32, the safe upper bound on CPU).
int dtype_bytes(const std::string& dtype);

// Parameters LoRA adds for `config.lora` on a model of this shape ("all-linear" = all seven
// projections), plus full copies of modules_to_save.
int64_t lora_parameter_count(const LoraSettings& lora, const model::LlamaConfig& model);

// `flops_per_second`: what the device sustains on this workload (measure it; the GUI offers
// a default). The estimate ignores padding savings and kernel overheads: it is a rough guide.
// `teacher`: the shape of a distillation run's teacher (its config.json); without it the
// teacher's share is 0 and teacher_unknown says so.
RunEstimate estimate_run(const RunConfig& config, const model::LlamaConfig& model, double flops_per_second,
                         const model::LlamaConfig* teacher = nullptr);

// Bytes of a frozen model's weights at `dtype_bytes` per element, with the seven projections
// of each layer held as `quantization` says ("none" | "int8" | "nf4" | "nf4-dq", as
// core/quant/quantized_weight.h stores them); embeddings, norms and lm_head stay unquantised.
uint64_t frozen_weight_bytes(const model::LlamaConfig& model, int dtype_bytes, const std::string& quantization);

struct ConfigWarning {
  std::string key;      // the setting it is about ("training.micro_batch_size")
  std::string message;  // a sentence a user understands, with what to do
};

struct WarningContext {
  std::optional<model::LlamaConfig> model;  // the base model's shape, when known
  std::optional<model::LlamaConfig> teacher;  // a distillation run's teacher's shape, when known
  std::optional<int64_t> train_records;     // examples in the training data, when known
  int64_t desired_effective_batch = 0;      // what the user asked for (0: not given)
  std::optional<uint64_t> memory_available;  // bytes the device has, when known
  double flops_per_second = 0;               // for the memory check's estimate (0: skip)
  bool bfloat16_slow = false;                // the run's device computes bfloat16 far slower than float32
};

// Settings that run but are probably wrong: effective batch ≠ micro × accumulation, rank far
// from √hidden / 2, no evaluation data (the eval curve stays empty), logging or saving less
// often than the run has steps, max_length beyond the model's positions, a learning rate far
// outside the usual range, an estimate larger than the available memory, bfloat16 asked for
// where it is slow.
std::vector<ConfigWarning> check_run_config(const RunConfig& config, const WarningContext& context);

// Optimiser steps a run of `records` examples takes (max_steps when set).
int64_t planned_steps(const TrainingOptions& options, int64_t records);

}  // namespace medlora::train
