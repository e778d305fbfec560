#pragma once
// Next-token cross-entropy over the target positions only. Hidden states are projected to the
// vocabulary only where a label counts (prompt and padding positions never reach lm_head), and
// the logits are float32.
#include <ATen/core/Tensor.h>

#include "core/model/llama_model.h"

namespace medlora::train {

// The logits that predict each counted label, and those labels.
struct TargetLogits {
  at::Tensor logits;   // float32 [N, V]: position t predicts label[t+1]
  at::Tensor targets;  // int64 [N]
};

// Runs the model on input_ids and keeps the positions whose next label is not kIgnoreIndex
// (the same positions for every model given the same batch, so teacher and student line up).
TargetLogits target_logits(model::LlamaForCausalLM& model, const at::Tensor& input_ids, const at::Tensor& labels);

// Sum (not mean) of -log p(label[t+1] | tokens[..t]) over labels != kIgnoreIndex: the caller
// divides by the target-token count of the whole accumulated batch, as HF does. The logits are
// computed rows_per_chunk target positions at a time (0: as many as make 1 Mi logits) and
// recomputed in backward, so memory holds one chunk's float32 logits, not all of them; lm_head's
// matmul runs once more in backward for that (with 1.1B parameters and seq 256, ~2 % of a step).
at::Tensor causal_lm_loss_sum(model::LlamaForCausalLM& model, const at::Tensor& input_ids, const at::Tensor& labels,
                              int64_t rows_per_chunk);
at::Tensor causal_lm_loss_sum(model::LlamaForCausalLM& model, const at::Tensor& input_ids, const at::Tensor& labels);

}  // namespace medlora::train
