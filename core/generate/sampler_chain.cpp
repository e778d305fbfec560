#include "core/generate/sampler_chain.h"

#include <torch/torch.h>

#include <limits>
#include <random>

namespace medlora::generate {

namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

at::Tensor as_vocab_row(const at::Tensor& logits) {
  if (logits.dim() != 1) throw std::invalid_argument("sampler: logits must be 1-D [vocab]");
  return logits;
}

}  // namespace

at::Tensor apply_repetition_penalty(const at::Tensor& logits, const std::vector<int64_t>& seen, double penalty) {
  as_vocab_row(logits);
  if (penalty == 1.0 || seen.empty()) return logits;
  const int64_t vocab = logits.size(0);
  std::vector<int64_t> ids;
  for (auto id : seen)
    if (id >= 0 && id < vocab) ids.push_back(id);
  if (ids.empty()) return logits;
  auto index = torch::tensor(ids, torch::kLong).to(logits.device());
  auto picked = logits.index_select(0, index);
  auto penalised = torch::where(picked < 0, picked * penalty, picked / penalty);
  // Duplicate ids carry the same value, so scattering them is harmless.
  return logits.scatter(0, index, penalised);
}

at::Tensor apply_bad_words(const at::Tensor& logits, const std::vector<int64_t>& seen,
                           const std::vector<std::vector<int64_t>>& bad_words_ids) {
  as_vocab_row(logits);
  const int64_t vocab = logits.size(0);
  std::vector<int64_t> banned;
  for (const auto& words : bad_words_ids) {
    if (words.empty() || words.back() < 0 || words.back() >= vocab) continue;
    const size_t prefix = words.size() - 1;
    if (prefix > seen.size()) continue;
    if (std::equal(words.begin(), words.end() - 1, seen.end() - static_cast<std::ptrdiff_t>(prefix)))
      banned.push_back(words.back());
  }
  if (banned.empty()) return logits;
  auto out = logits.clone();
  out.index_fill_(0, torch::tensor(banned, torch::kLong).to(logits.device()), kNegInf);
  return out;
}

at::Tensor apply_logit_bias(const at::Tensor& logits, const std::vector<std::pair<int64_t, double>>& bias) {
  as_vocab_row(logits);
  if (bias.empty()) return logits;
  auto out = logits.clone();
  auto values = out.accessor<float, 1>();
  for (const auto& [id, amount] : bias)
    if (id >= 0 && id < out.size(0)) values[id] += static_cast<float>(amount);
  return out;
}

at::Tensor apply_top_k(const at::Tensor& logits, int top_k) {
  as_vocab_row(logits);
  if (top_k <= 0 || top_k >= logits.size(0)) return logits;
  auto kth = std::get<0>(logits.topk(top_k)).min();
  return logits.masked_fill(logits < kth, kNegInf);
}

at::Tensor apply_top_p(const at::Tensor& logits, double top_p) {
  as_vocab_row(logits);
  if (top_p >= 1.0) return logits;
  auto [sorted, order] = logits.to(torch::kDouble).sort(/*dim=*/0, /*descending=*/true);
  auto probs = sorted.softmax(0);
  // A token stays when the tokens more likely than it have not yet reached top_p.
  auto before = probs.cumsum(0) - probs;
  auto drop_sorted = before >= top_p;
  drop_sorted.index_put_({0}, false);
  auto drop = torch::zeros_like(drop_sorted).scatter(0, order, drop_sorted);
  return logits.masked_fill(drop, kNegInf);
}

at::Tensor apply_temperature(const at::Tensor& logits, double temperature) {
  as_vocab_row(logits);
  if (temperature <= 0) throw std::invalid_argument("sampler: temperature must be positive to scale logits");
  if (temperature == 1.0) return logits;
  return logits / temperature;
}

int64_t argmax_token(const at::Tensor& logits) { return as_vocab_row(logits).argmax().item<int64_t>(); }

int64_t sample_token(const at::Tensor& logits, at::Generator& generator) {
  auto probs = as_vocab_row(logits).to(torch::kCPU, torch::kDouble).softmax(0);
  return at::multinomial(probs, 1, /*replacement=*/false, generator).item<int64_t>();
}

SamplerChain::SamplerChain(const SamplingParams& params) : params_(params) {
  params_.validate();
  seed_ = params_.seed ? *params_.seed : (static_cast<uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}();
  generator_ = at::detail::createCPUGenerator(seed_);
}

int64_t SamplerChain::next(const at::Tensor& raw_logits, const std::vector<int64_t>& seen) {
  auto logits = raw_logits.reshape({-1}).to(torch::kCPU, torch::kFloat);
  logits = apply_repetition_penalty(logits, seen, params_.repetition_penalty);
  logits = apply_logit_bias(logits, params_.logit_bias);
  logits = apply_bad_words(logits, seen, params_.bad_words_ids);
  if (params_.greedy()) return argmax_token(logits);
  logits = apply_top_k(logits, params_.top_k);
  logits = apply_top_p(logits, params_.top_p);
  logits = apply_temperature(logits, params_.temperature);
  return sample_token(logits, generator_);
}

}  // namespace medlora::generate
