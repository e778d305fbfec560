#include "core/train/causal_lm_loss.h"

#include <torch/torch.h>

#include "core/train/example_encoder.h"

namespace medlora::train {

TargetLogits target_logits(model::LlamaForCausalLM& model, const at::Tensor& input_ids, const at::Tensor& labels) {
  auto hidden = model.hidden_states(input_ids);  // [B, T, D]
  const int64_t dim = hidden.size(-1);
  auto shifted = labels.slice(1, 1).reshape({-1});
  auto positions = shifted.ne(kIgnoreIndex).nonzero().squeeze(1);
  auto selected = hidden.slice(1, 0, hidden.size(1) - 1).reshape({-1, dim}).index_select(0, positions);
  return {model.logits(selected), shifted.index_select(0, positions)};  // logits: float32 [N, V]
}

at::Tensor causal_lm_loss_sum(model::LlamaForCausalLM& model, const at::Tensor& input_ids, const at::Tensor& labels) {
  auto [logits, targets] = target_logits(model, input_ids, labels);
  return torch::nn::functional::cross_entropy(logits, targets,
                                              torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
}

}  // namespace medlora::train
