#pragma once
// Recompute-in-backward for cheap pieces of a layer (attention's scores and softmax, SwiGLU,
// RMSNorm): the forward pass keeps only the piece's inputs, and backward runs the piece again
// with gradients enabled. The recomputed values are the same operations on the same inputs, so
// gradients are identical to keeping the intermediates; what is saved is memory (TinyLlama
// shape, seq 256: the float32 attention probabilities alone are 8 MiB a layer). Unlike
// gradient checkpointing (gradient_checkpoint.h) no matmul with a weight is repeated.
#include <ATen/core/Tensor.h>

#include <functional>
#include <vector>

namespace medlora::model {

using RecomputedPiece = std::function<at::Tensor(const std::vector<at::Tensor>&)>;

// Recomputation is off unless asked for (RUN.json "training.recompute_activations"): it saves
// memory (TinyLlama shape, bf16, seq 256: peak 3.46 -> 2.96 GiB) and costs time (the fixed
// benchmark config on an AMD EPYC: about 10-25 % of a training step, more in bfloat16).
// Process-wide; set it before the forward passes it should apply to.
void set_recompute_in_backward(bool on);
bool recompute_in_backward();

// piece(inputs), with only `inputs` saved for backward when recomputation is on, gradients are
// recorded and one of them requires grad; a plain call otherwise. The piece must be deterministic (no dropout) and
// may use trainable tensors only through `inputs`.
at::Tensor recomputed_forward(const RecomputedPiece& piece, const std::vector<at::Tensor>& inputs);

// While one lives, recomputation is on (tests, benchmarks); the previous setting comes back after.
class RecomputeInBackwardScope {
 public:
  RecomputeInBackwardScope();
  ~RecomputeInBackwardScope();
  RecomputeInBackwardScope(const RecomputeInBackwardScope&) = delete;
  RecomputeInBackwardScope& operator=(const RecomputeInBackwardScope&) = delete;

 private:
  bool previous_;
};

// While one lives on this thread, recomputed_forward() records the piece's whole graph as a
// plain call would, whatever the setting (tests compare the two).
class KeepIntermediatesGuard {
 public:
  KeepIntermediatesGuard();
  ~KeepIntermediatesGuard();
  KeepIntermediatesGuard(const KeepIntermediatesGuard&) = delete;
  KeepIntermediatesGuard& operator=(const KeepIntermediatesGuard&) = delete;

 private:
  bool previous_;
};

}  // namespace medlora::model
