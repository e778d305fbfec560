#pragma once
// The sampler chain, one stage per function so that each can be checked on hand-made logits:
// repetition penalty -> bad words -> top-k -> top-p -> temperature -> sample (or argmax).
// Every stage takes 1-D logits [vocab] and returns new logits; filtered tokens get -inf.
#include <ATen/core/Generator.h>
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <vector>

#include "core/generate/sampling_params.h"

namespace medlora::generate {

// HF semantics: every id in `seen` (prompt included) has a positive logit divided by
// `penalty` and a negative one multiplied by it.
at::Tensor apply_repetition_penalty(const at::Tensor& logits, const std::vector<int64_t>& seen, double penalty);
// A one-token entry is always banned; a longer one bans its last token when the rest of it
// matches the tail of `seen`.
at::Tensor apply_bad_words(const at::Tensor& logits, const std::vector<int64_t>& seen,
                           const std::vector<std::vector<int64_t>>& bad_words_ids);
// Adds each bias to its token's logit (float32 CPU logits; ids outside the vocabulary are skipped).
at::Tensor apply_logit_bias(const at::Tensor& logits, const std::vector<std::pair<int64_t, double>>& bias);
// Keeps the k highest logits (ties with the k-th kept). k <= 0 or k >= vocab keeps all.
at::Tensor apply_top_k(const at::Tensor& logits, int top_k);
// Keeps the smallest set of most likely tokens whose probability reaches top_p, at least one.
at::Tensor apply_top_p(const at::Tensor& logits, double top_p);
at::Tensor apply_temperature(const at::Tensor& logits, double temperature);
int64_t argmax_token(const at::Tensor& logits);
int64_t sample_token(const at::Tensor& logits, at::Generator& generator);

class SamplerChain {
 public:
  // Validates `params`; seeds its own generator from params.seed (random when unset).
  explicit SamplerChain(const SamplingParams& params);
  // The next token after `seen` given the logits (any float dtype, any device) of the last position.
  int64_t next(const at::Tensor& logits, const std::vector<int64_t>& seen);
  uint64_t seed() const { return seed_; }

 private:
  SamplingParams params_;
  uint64_t seed_;
  at::Generator generator_;
};

}  // namespace medlora::generate
