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

// piece(inputs), with only `inputs` saved for backward when gradients are recorded and one of
// them requires grad; a plain call otherwise. The piece must be deterministic (no dropout) and
// may use trainable tensors only through `inputs`.
at::Tensor recomputed_forward(const RecomputedPiece& piece, const std::vector<at::Tensor>& inputs);

// While one lives on this thread, recomputed_forward() records the piece's whole graph as a
// plain call would (tests compare the two).
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
