#pragma once
// Activation (gradient) checkpointing for one block: the forward pass keeps only the block's
// input; backward recomputes the block with gradients enabled and backpropagates through it.
// Cuts activation memory to about one layer's worth at the cost of a second forward.
#include <ATen/core/Tensor.h>

#include <functional>

namespace medlora::model {

using BlockFunction = std::function<at::Tensor(const at::Tensor&)>;

// Runs block(input) without recording the graph. In backward, restores the CPU random-number
// state that forward saw (so dropout masks repeat), recomputes block(input) and backpropagates
// into `input` and into every trainable parameter the block uses (their .grad accumulates).
// The output requires grad if `input` does.
at::Tensor checkpointed_forward(const BlockFunction& block, const at::Tensor& input);

}  // namespace medlora::model
