#include "core/generate/sampling_params.h"

#include <cmath>
#include <stdexcept>

namespace medlora::generate {

void SamplingParams::validate() const {
  auto bad = [](const std::string& message) { throw std::invalid_argument("sampling settings: " + message); };
  if (!std::isfinite(temperature) || temperature < 0)
    bad("temperature must be 0 (greedy) or positive, got " + std::to_string(temperature));
  if (!std::isfinite(top_p) || top_p <= 0 || top_p > 1)
    bad("top_p must be in (0, 1] (1 disables it), got " + std::to_string(top_p));
  if (!std::isfinite(repetition_penalty) || repetition_penalty <= 0)
    bad("repetition_penalty must be positive (1 disables it), got " + std::to_string(repetition_penalty));
  if (max_new_tokens < 0) bad("max_new_tokens must not be negative, got " + std::to_string(max_new_tokens));
  for (const auto& words : bad_words_ids) {
    if (words.empty()) bad("bad_words_ids holds an empty entry");
    for (auto id : words)
      if (id < 0) bad("bad_words_ids holds a negative token id " + std::to_string(id));
  }
  for (const auto& [id, bias] : logit_bias) {
    if (id < 0) bad("logit_bias holds a negative token id " + std::to_string(id));
    if (!std::isfinite(bias) || bias < -100 || bias > 100)
      bad("logit_bias values must be from -100 to 100, got " + std::to_string(bias));
  }
  for (const auto& stop : stop_strings)
    if (stop.empty()) bad("a stop string must not be empty");
}

}  // namespace medlora::generate
