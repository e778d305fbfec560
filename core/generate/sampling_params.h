#pragma once
// How the next token is chosen and when generation stops. Defaults are the clinic's.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace medlora::generate {

struct SamplingParams {
  double temperature = 0.7;          // <= 1e-5 means greedy (argmax, no sampling)
  int top_k = 50;                    // <= 0 disables
  double top_p = 0.9;                // 1 disables; must be in (0, 1]
  double repetition_penalty = 1.2;   // 1 disables; must be positive
  int max_new_tokens = 200;
  std::optional<uint64_t> seed;      // unset: a fresh random seed per call
  std::vector<std::vector<int64_t>> bad_words_ids;
  // Added to a token's logit before sampling (OpenAI's logit_bias): -100 all but bans it.
  std::vector<std::pair<int64_t, double>> logit_bias;
  std::vector<std::string> stop_strings;
  bool use_cache = true;             // false recomputes the whole sequence each step

  bool greedy() const { return temperature <= 1e-5; }
  // Throws std::invalid_argument naming the setting and its accepted range.
  void validate() const;
};

}  // namespace medlora::generate
