#include "core/train/causal_lm_loss.h"

#include <torch/torch.h>

#include <algorithm>

#include "core/model/recomputed_forward.h"
#include "core/train/example_encoder.h"

namespace medlora::train {

namespace {

// The hidden states that predict each counted label ([N, D]), and those labels ([N]).
std::pair<at::Tensor, at::Tensor> target_hidden(model::LlamaForCausalLM& model, const at::Tensor& input_ids,
                                                const at::Tensor& labels) {
  auto hidden = model.hidden_states(input_ids);  // [B, T, D]
  const int64_t dim = hidden.size(-1);
  auto shifted = labels.slice(1, 1).reshape({-1});
  auto positions = shifted.ne(kIgnoreIndex).nonzero().squeeze(1);
  auto selected = hidden.slice(1, 0, hidden.size(1) - 1).reshape({-1, dim}).index_select(0, positions);
  return {selected, shifted.index_select(0, positions)};
}

at::Tensor cross_entropy_sum(const at::Tensor& logits, const at::Tensor& targets) {
  return torch::nn::functional::cross_entropy(logits, targets,
                                              torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
}

}  // namespace

TargetLogits target_logits(model::LlamaForCausalLM& model, const at::Tensor& input_ids, const at::Tensor& labels) {
  auto [selected, targets] = target_hidden(model, input_ids, labels);
  return {model.logits(selected), targets};  // logits: float32 [N, V]
}

at::Tensor causal_lm_loss_sum(model::LlamaForCausalLM& model, const at::Tensor& input_ids, const at::Tensor& labels,
                              int64_t rows_per_chunk) {
  auto [selected, targets] = target_hidden(model, input_ids, labels);
  const int64_t rows = selected.size(0);
  if (rows_per_chunk <= 0) rows_per_chunk = std::max<int64_t>(1, (int64_t{1} << 20) / model.config().vocab_size);
  if (rows <= rows_per_chunk) return cross_entropy_sum(model.logits(selected), targets);
  // A chunk of rows at a time, each chunk's logits recomputed in backward: the whole [N, V]
  // float32 logits, their log-softmax and its gradient are never held at once (TinyLlama shape,
  // 255 targets: ~100 MiB at the start of backward, while every activation is still alive).
  at::Tensor total;
  for (int64_t start = 0; start < rows; start += rows_per_chunk) {
    const int64_t count = std::min(rows_per_chunk, rows - start);
    const auto chunk_targets = targets.narrow(0, start, count);
    auto part = model::recomputed_forward(
        [&model, chunk_targets](const std::vector<at::Tensor>& in) {
          return cross_entropy_sum(model.logits(in[0]), chunk_targets);
        },
        {selected.narrow(0, start, count)});
    total = total.defined() ? total + part : part;
  }
  return total;
}

at::Tensor causal_lm_loss_sum(model::LlamaForCausalLM& model, const at::Tensor& input_ids, const at::Tensor& labels) {
  return causal_lm_loss_sum(model, input_ids, labels, 0);
}

}  // namespace medlora::train
