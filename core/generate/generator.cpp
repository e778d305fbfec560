#include "core/generate/generator.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <stdexcept>

#include "core/generate/sampler_chain.h"
#include "core/model/llama_model.h"
#include "core/tokenizer/token_stream_decoder.h"
#include "core/tokenizer/tokenizer.h"

namespace medlora::generate {

namespace {

// Length of the longest tail of `text` that is a proper prefix of some stop string: text
// that might still turn into a stop string is held back from the stream.
size_t possible_stop_tail(const std::string& text, const std::vector<std::string>& stops) {
  size_t longest = 0;
  for (const auto& stop : stops) {
    for (size_t n = std::min(stop.size() - 1, text.size()); n > longest; --n) {
      if (text.compare(text.size() - n, n, stop, 0, n) == 0) {
        longest = n;
        break;
      }
    }
  }
  return longest;
}

// Earliest position of any stop string at or after `from`, or npos.
size_t find_stop(const std::string& text, const std::vector<std::string>& stops, size_t from) {
  size_t best = std::string::npos;
  for (const auto& stop : stops) {
    const size_t at = text.find(stop, from);
    if (at != std::string::npos) best = std::min(best, at);
  }
  return best;
}

}  // namespace

Generator::Generator(std::shared_ptr<model::LlamaForCausalLM> model, std::shared_ptr<const tokenizer::Tokenizer> tokenizer)
    : model_(std::move(model)), tokenizer_(std::move(tokenizer)) {
  if (!model_) throw std::invalid_argument("Generator needs a model");
  eos_ids_ = model_->config().eos_token_ids;
  if (tokenizer_) {
    for (const int64_t id : tokenizer_->eos_ids())
      if (std::find(eos_ids_.begin(), eos_ids_.end(), id) == eos_ids_.end()) eos_ids_.push_back(id);
  }
}

GenerationResult Generator::generate(const std::string& prompt_text, const SamplingParams& params,
                                     const TokenCallback& on_token, const std::atomic<bool>* cancel) {
  if (!tokenizer_) throw std::invalid_argument("Generator::generate needs a tokenizer; use generate_ids");
  return generate_ids(tokenizer_->encode(prompt_text, /*add_special_tokens=*/true), params, on_token, cancel);
}

GenerationResult Generator::generate_ids(const std::vector<int64_t>& prompt_ids, const SamplingParams& params,
                                         const TokenCallback& on_token, const std::atomic<bool>* cancel) {
  SamplerChain sampler(params);  // validates params
  if (!params.stop_strings.empty() && !tokenizer_)
    throw std::invalid_argument("stop strings need a tokenizer to decode the generated text");
  const auto& config = model_->config();
  std::vector<int64_t> ids = prompt_ids;
  if (ids.empty()) ids.push_back(tokenizer_ && tokenizer_->bos_id() >= 0 ? tokenizer_->bos_id() : config.bos_token_id);
  for (auto id : ids)
    if (id < 0 || id >= config.vocab_size)
      throw std::invalid_argument("prompt token id " + std::to_string(id) + " is outside the model's vocabulary (" +
                                  std::to_string(config.vocab_size) + "); does the tokenizer belong to this model?");

  // NoGradGuard rather than InferenceMode: tensors the model caches during generation (the
  // RoPE table) would otherwise be inference tensors that a later training step cannot use.
  torch::NoGradGuard no_grad;
  const auto start = std::chrono::steady_clock::now();
  GenerationResult result;
  result.prompt_tokens = static_cast<int64_t>(ids.size());
  const auto device = model_->device();
  auto as_input = [&](const std::vector<int64_t>& v) {
    return torch::tensor(v, torch::kLong).view({1, static_cast<int64_t>(v.size())}).to(device);
  };
  auto last_logits = [&](const torch::Tensor& hidden) {
    return model_->logits(hidden.narrow(1, hidden.size(1) - 1, 1)).view({-1});
  };

  std::unique_ptr<model::KVCache> cache;
  if (params.use_cache)
    cache = std::make_unique<model::KVCache>(model_->make_cache(1, static_cast<int64_t>(ids.size()) + params.max_new_tokens));
  std::unique_ptr<tokenizer::TokenStreamDecoder> stream;
  if (tokenizer_) stream = std::make_unique<tokenizer::TokenStreamDecoder>(tokenizer_);

  std::string text;     // decoded so far
  size_t emitted = 0;   // bytes of `text` already passed to on_token
  bool stopped = false;
  auto pass_on = [&](size_t upto, int64_t token) {
    upto = std::max(upto, emitted);
    if (on_token) on_token(text.substr(emitted, upto - emitted), token);
    emitted = upto;
  };

  torch::Tensor logits;
  if (params.max_new_tokens > 0) logits = last_logits(model_->hidden_states(as_input(ids), cache.get()));
  result.finish_reason = "max_new_tokens";
  while (static_cast<int>(result.tokens.size()) < params.max_new_tokens) {
    if (cancel && cancel->load()) {
      result.finish_reason = "cancelled";
      break;
    }
    // Rows of a vocabulary padded beyond the tokenizer's have no text: never pick them.
    if (tokenizer_ && tokenizer_->vocab_size() < logits.size(0))
      logits.narrow(0, tokenizer_->vocab_size(), logits.size(0) - tokenizer_->vocab_size())
          .fill_(-std::numeric_limits<float>::infinity());
    const int64_t token = sampler.next(logits, ids);
    ids.push_back(token);
    if (std::find(eos_ids_.begin(), eos_ids_.end(), token) != eos_ids_.end()) {
      result.finish_reason = "eos";
      break;
    }
    result.tokens.push_back(token);
    if (stream) {
      text += stream->push(token);
      // Everything before `emitted` was checked already and holds no start of a stop string.
      const size_t at = find_stop(text, params.stop_strings, emitted);
      if (at != std::string::npos) {
        text.resize(at);
        pass_on(at, token);
        result.finish_reason = "stop_string";
        stopped = true;
        break;
      }
      pass_on(text.size() - possible_stop_tail(text, params.stop_strings), token);
    } else if (on_token) {
      on_token(std::string(), token);
    }
    if (static_cast<int>(result.tokens.size()) >= params.max_new_tokens) break;
    logits = cache ? last_logits(model_->hidden_states(as_input({token}), cache.get()))
                   : last_logits(model_->hidden_states(as_input(ids)));
  }

  if (stream && !stopped) {
    text += stream->finish();
    const size_t at = find_stop(text, params.stop_strings, emitted);
    if (at != std::string::npos) {
      text.resize(at);
      result.finish_reason = "stop_string";
    }
    if (on_token && text.size() > emitted) on_token(text.substr(emitted), -1);
  }
  result.text = std::move(text);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.tokens_per_second = result.seconds > 0 ? static_cast<double>(result.tokens.size()) / result.seconds : 0;
  return result;
}

}  // namespace medlora::generate
