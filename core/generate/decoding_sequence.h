#pragma once
// One sequence being decoded, without the model: its sampler, the ids so far, the text streamed
// so far (held back inside a UTF-8 character or a possible stop string) and why it finished.
// The Generator drives one through a KV cache; the server's continuous batch drives many, each
// fed the logits of its own last position, so both stop and stream exactly alike.
#include <ATen/core/Tensor.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/generate/generator.h"
#include "core/generate/sampler_chain.h"
#include "core/generate/sampling_params.h"

namespace medlora::tokenizer {
class Tokenizer;
class TokenStreamDecoder;
}  // namespace medlora::tokenizer

namespace medlora::generate {

class DecodingSequence {
 public:
  // An empty prompt means [BOS]. Validates `params` and the prompt ids against vocab_size;
  // without a tokenizer there is no text and stop strings are refused.
  DecodingSequence(std::vector<int64_t> prompt_ids, const SamplingParams& params,
                   std::shared_ptr<const tokenizer::Tokenizer> tokenizer, std::vector<int64_t> eos_ids,
                   int64_t vocab_size, int64_t model_bos_id);
  ~DecodingSequence();
  DecodingSequence(DecodingSequence&&) noexcept;
  DecodingSequence& operator=(DecodingSequence&&) noexcept;

  // Picks the next token from `logits` (1-D, the last position; modified in place) and streams
  // its text through on_token. True while the sequence wants another token: the caller then
  // computes the logits after last_token().
  bool advance(at::Tensor logits, const TokenCallback& on_token);
  // Ends the sequence early (finish_reason "cancelled").
  void cancel();
  // Flushes held-back text through on_token (once, when done) and returns the result.
  GenerationResult finish(const TokenCallback& on_token);

  bool done() const { return done_; }
  bool wants_tokens() const { return params_.max_new_tokens > 0; }
  int64_t last_token() const { return ids_.back(); }
  const std::vector<int64_t>& ids() const { return ids_; }  // prompt + generated (EOS included once picked)
  int64_t prompt_tokens() const { return prompt_tokens_; }
  size_t generated_tokens() const { return result_.tokens.size(); }
  uint64_t seed() const { return sampler_.seed(); }
  const SamplingParams& params() const { return params_; }

 private:
  void pass_on(size_t upto, int64_t token, const TokenCallback& on_token);

  SamplingParams params_;
  SamplerChain sampler_;
  std::shared_ptr<const tokenizer::Tokenizer> tokenizer_;
  std::unique_ptr<tokenizer::TokenStreamDecoder> stream_;
  std::vector<int64_t> eos_ids_;
  std::vector<int64_t> ids_;
  int64_t prompt_tokens_ = 0;
  std::chrono::steady_clock::time_point start_;
  GenerationResult result_;
  size_t emitted_ = 0;   // bytes of result_.text already passed to on_token
  bool stopped_ = false;  // a stop string cut the text (nothing held back any more)
  bool done_ = false;
};

}  // namespace medlora::generate
