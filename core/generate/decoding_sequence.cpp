#include "core/generate/decoding_sequence.h"

#include <torch/torch.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

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

DecodingSequence::DecodingSequence(std::vector<int64_t> prompt_ids, const SamplingParams& params,
                                   std::shared_ptr<const tokenizer::Tokenizer> tokenizer,
                                   std::vector<int64_t> eos_ids, int64_t vocab_size, int64_t model_bos_id)
    : params_(params),
      sampler_(params),  // validates params
      tokenizer_(std::move(tokenizer)),
      eos_ids_(std::move(eos_ids)),
      ids_(std::move(prompt_ids)) {
  if (!params_.stop_strings.empty() && !tokenizer_)
    throw std::invalid_argument("stop strings need a tokenizer to decode the generated text");
  if (ids_.empty()) ids_.push_back(tokenizer_ && tokenizer_->bos_id() >= 0 ? tokenizer_->bos_id() : model_bos_id);
  for (auto id : ids_)
    if (id < 0 || id >= vocab_size)
      throw std::invalid_argument("prompt token id " + std::to_string(id) + " is outside the model's vocabulary (" +
                                  std::to_string(vocab_size) + "); does the tokenizer belong to this model?");
  if (tokenizer_) stream_ = std::make_unique<tokenizer::TokenStreamDecoder>(tokenizer_);
  prompt_tokens_ = static_cast<int64_t>(ids_.size());
  result_.prompt_tokens = prompt_tokens_;
  result_.finish_reason = "max_new_tokens";
  start_ = std::chrono::steady_clock::now();
  done_ = params_.max_new_tokens <= 0;
}

DecodingSequence::~DecodingSequence() = default;
DecodingSequence::DecodingSequence(DecodingSequence&&) noexcept = default;
DecodingSequence& DecodingSequence::operator=(DecodingSequence&&) noexcept = default;

void DecodingSequence::pass_on(size_t upto, int64_t token, const TokenCallback& on_token) {
  upto = std::max(upto, emitted_);
  if (on_token) on_token(result_.text.substr(emitted_, upto - emitted_), token);
  emitted_ = upto;
}

bool DecodingSequence::advance(at::Tensor logits, const TokenCallback& on_token) {
  if (done_) return false;
  // Rows of a vocabulary padded beyond the tokenizer's have no text: never pick them.
  if (tokenizer_ && tokenizer_->vocab_size() < logits.size(0))
    logits.narrow(0, tokenizer_->vocab_size(), logits.size(0) - tokenizer_->vocab_size())
        .fill_(-std::numeric_limits<float>::infinity());
  const int64_t token = sampler_.next(logits, ids_);
  ids_.push_back(token);
  if (std::find(eos_ids_.begin(), eos_ids_.end(), token) != eos_ids_.end()) {
    result_.finish_reason = "eos";
    done_ = true;
    return false;
  }
  result_.tokens.push_back(token);
  auto& text = result_.text;
  if (stream_) {
    text += stream_->push(token);
    // Everything before emitted_ was checked already and holds no start of a stop string.
    const size_t at = find_stop(text, params_.stop_strings, emitted_);
    if (at != std::string::npos) {
      text.resize(at);
      pass_on(at, token, on_token);
      result_.finish_reason = "stop_string";
      stopped_ = true;
      done_ = true;
      return false;
    }
    pass_on(text.size() - possible_stop_tail(text, params_.stop_strings), token, on_token);
  } else if (on_token) {
    on_token(std::string(), token);
  }
  if (static_cast<int>(result_.tokens.size()) >= params_.max_new_tokens) done_ = true;
  return !done_;
}

void DecodingSequence::cancel() {
  if (done_) return;
  result_.finish_reason = "cancelled";
  done_ = true;
}

GenerationResult DecodingSequence::finish(const TokenCallback& on_token) {
  done_ = true;
  auto& text = result_.text;
  if (stream_ && !stopped_) {
    text += stream_->finish();
    const size_t at = find_stop(text, params_.stop_strings, emitted_);
    if (at != std::string::npos) {
      text.resize(at);
      result_.finish_reason = "stop_string";
    }
    if (on_token && text.size() > emitted_) on_token(text.substr(emitted_), -1);
    emitted_ = text.size();
    stopped_ = true;  // finish() flushes once
  }
  result_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  result_.tokens_per_second =
      result_.seconds > 0 ? static_cast<double>(result_.tokens.size()) / result_.seconds : 0;
  return result_;
}

}  // namespace medlora::generate
