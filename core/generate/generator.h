#pragma once
// Text generation with a KV cache: prefill the prompt, then decode one token at a time through
// the sampler chain, streaming each token's new text and stopping at EOS, a stop string,
// max_new_tokens or a cancel request (an atomic flag another thread may set). Decoding never
// runs past the model's context (config max_position_embeddings): max_new_tokens is cut to the
// positions the prompt leaves, as HF generate's max_length does (a prompt that fills the
// context gets no new tokens; the server refuses such a request with a 400 instead).
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/generate/sampling_params.h"

namespace medlora::model {
class LlamaForCausalLM;
}
namespace medlora::tokenizer {
class Tokenizer;
}

namespace medlora::generate {

struct GenerationResult {
  std::string text;                 // the completion only, cut before a stop string
  std::vector<int64_t> tokens;      // generated ids, EOS excluded
  int64_t prompt_tokens = 0;
  double seconds = 0;               // prefill + decode
  double tokens_per_second = 0;     // generated tokens / seconds
  // eos | stop_string | max_new_tokens | cancelled. "max_new_tokens" also when the context's
  // last position was reached first (max_new_tokens was cut to fit): a length limit either way.
  std::string finish_reason;
};

// `params` with max_new_tokens cut to the positions a prompt of `prompt_tokens` leaves in a
// context of `context_length`: 0 when the prompt fills it already (nothing is generated).
SamplingParams fit_to_context(SamplingParams params, int64_t prompt_tokens, int64_t context_length);

// Called once per generated token (EOS excluded) with the text that became final with it,
// possibly empty (held back inside a UTF-8 character or a possible stop string). Text still
// held back at the end comes in one last call with token_id -1. The pieces concatenate to
// GenerationResult::text.
using TokenCallback = std::function<void(const std::string& text_piece, int64_t token_id)>;

class Generator {
 public:
  // Without a tokenizer (tests, benchmarks) the result has ids but no text, and stop
  // strings are refused.
  Generator(std::shared_ptr<model::LlamaForCausalLM> model, std::shared_ptr<const tokenizer::Tokenizer> tokenizer);

  // `prompt_text` is already templated; the tokenizer adds its special tokens (BOS) and
  // special-token text in it stays text. "" starts from BOS alone.
  GenerationResult generate(const std::string& prompt_text, const SamplingParams& params,
                            const TokenCallback& on_token = {}, const std::atomic<bool>* cancel = nullptr);
  // An empty prompt means [BOS].
  GenerationResult generate_ids(const std::vector<int64_t>& prompt_ids, const SamplingParams& params,
                                const TokenCallback& on_token = {}, const std::atomic<bool>* cancel = nullptr);

  // EOS ids of the model config and every EOS id of the tokenizer.
  const std::vector<int64_t>& eos_ids() const { return eos_ids_; }

 private:
  std::shared_ptr<model::LlamaForCausalLM> model_;
  std::shared_ptr<const tokenizer::Tokenizer> tokenizer_;
  std::vector<int64_t> eos_ids_;
};

}  // namespace medlora::generate
