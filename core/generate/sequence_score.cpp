#include "core/generate/sequence_score.h"

#include <torch/torch.h>

#include <stdexcept>

#include "core/model/llama_model.h"

namespace medlora::generate {

SequenceScore score_sequence(model::LlamaForCausalLM& model, const std::vector<int64_t>& ids) {
  if (ids.size() < 2)
    throw std::invalid_argument("scoring needs at least two tokens (BOS and one more); the text is empty");
  const int64_t vocab = model.config().vocab_size;
  for (auto id : ids)
    if (id < 0 || id >= vocab)
      throw std::invalid_argument("token id " + std::to_string(id) + " is outside the model's vocabulary (" +
                                  std::to_string(vocab) + "); does the tokenizer belong to this model?");
  torch::NoGradGuard no_grad;
  const int64_t n = static_cast<int64_t>(ids.size());
  auto input = torch::tensor(ids, torch::kLong).view({1, n}).to(model.device());
  auto hidden = model.hidden_states(input.narrow(1, 0, n - 1));
  auto logprobs = torch::log_softmax(model.logits(hidden).to(torch::kFloat), -1);  // [1, n-1, V] float32
  auto targets = input.narrow(1, 1, n - 1).unsqueeze(-1);
  auto picked = logprobs.gather(-1, targets).view({n - 1}).to(torch::kCPU, torch::kDouble).contiguous();

  SequenceScore score;
  score.tokens = ids;
  score.logprobs.assign(picked.data_ptr<double>(), picked.data_ptr<double>() + (n - 1));
  double sum = 0;
  for (double lp : score.logprobs) sum += lp;
  score.mean_nll = -sum / static_cast<double>(n - 1);
  return score;
}

}  // namespace medlora::generate
