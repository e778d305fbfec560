#pragma once
// Teacher-forced log-probabilities of a token sequence under a model.
#include <cstdint>
#include <vector>

namespace medlora::model {
class LlamaForCausalLM;
}

namespace medlora::generate {

struct SequenceScore {
  std::vector<int64_t> tokens;    // as given, BOS first
  std::vector<double> logprobs;   // log p(tokens[i + 1] | tokens[0..i]): tokens.size() - 1 values
  double mean_nll = 0;            // -mean(logprobs)
};

// Needs at least two tokens (throws std::invalid_argument otherwise) and ids inside the vocabulary.
SequenceScore score_sequence(model::LlamaForCausalLM& model, const std::vector<int64_t>& ids);

}  // namespace medlora::generate
