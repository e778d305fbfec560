#include "core/generate/generator.h"

#include <torch/torch.h>

#include <algorithm>
#include <stdexcept>

#include "core/generate/decoding_sequence.h"
#include "core/model/llama_model.h"
#include "core/tokenizer/tokenizer.h"

namespace medlora::generate {

Generator::Generator(std::shared_ptr<model::LlamaForCausalLM> model, std::shared_ptr<const tokenizer::Tokenizer> tokenizer)
    : model_(std::move(model)), tokenizer_(std::move(tokenizer)) {
  if (!model_) throw std::invalid_argument("Generator needs a model");
  eos_ids_ = model_->config().eos_token_ids;
  if (tokenizer_) {
    for (const int64_t id : tokenizer_->eos_ids())
      if (std::find(eos_ids_.begin(), eos_ids_.end(), id) == eos_ids_.end()) eos_ids_.push_back(id);
  }
}

SamplingParams fit_to_context(SamplingParams params, int64_t prompt_tokens, int64_t context_length) {
  const int64_t room = std::max<int64_t>(0, context_length - prompt_tokens);
  params.max_new_tokens = static_cast<int>(std::min<int64_t>(params.max_new_tokens, room));
  return params;
}

GenerationResult Generator::generate(const std::string& prompt_text, const SamplingParams& params,
                                     const TokenCallback& on_token, const std::atomic<bool>* cancel) {
  if (!tokenizer_) throw std::invalid_argument("Generator::generate needs a tokenizer; use generate_ids");
  return generate_ids(tokenizer_->encode(prompt_text, /*add_special_tokens=*/true), params, on_token, cancel);
}

GenerationResult Generator::generate_ids(const std::vector<int64_t>& prompt_ids, const SamplingParams& params,
                                         const TokenCallback& on_token, const std::atomic<bool>* cancel) {
  const auto& config = model_->config();
  const int64_t prompt_tokens = std::max<int64_t>(1, static_cast<int64_t>(prompt_ids.size()));  // [] means [BOS]
  const SamplingParams fitted = fit_to_context(params, prompt_tokens, config.max_position_embeddings);
  DecodingSequence sequence(prompt_ids, fitted, tokenizer_, eos_ids_, config.vocab_size, config.bos_token_id);

  // NoGradGuard rather than InferenceMode: tensors the model caches during generation (the
  // RoPE table) would otherwise be inference tensors that a later training step cannot use.
  torch::NoGradGuard no_grad;
  const auto device = model_->device();
  auto as_input = [&](const std::vector<int64_t>& v) {
    return torch::tensor(v, torch::kLong).view({1, static_cast<int64_t>(v.size())}).to(device);
  };
  auto last_logits = [&](const torch::Tensor& hidden) {
    return model_->logits(hidden.narrow(1, hidden.size(1) - 1, 1)).view({-1});
  };

  std::unique_ptr<model::KVCache> cache;
  if (fitted.use_cache)
    cache = std::make_unique<model::KVCache>(
        model_->make_cache(1, static_cast<int64_t>(sequence.ids().size()) + fitted.max_new_tokens));

  torch::Tensor logits;
  if (sequence.wants_tokens()) logits = last_logits(model_->hidden_states(as_input(sequence.ids()), cache.get()));
  while (!sequence.done()) {
    if (cancel && cancel->load()) {
      sequence.cancel();
      break;
    }
    if (!sequence.advance(logits, on_token)) break;
    logits = cache ? last_logits(model_->hidden_states(as_input({sequence.last_token()}), cache.get()))
                   : last_logits(model_->hidden_states(as_input(sequence.ids())));
  }
  return sequence.finish(on_token);
}

}  // namespace medlora::generate
