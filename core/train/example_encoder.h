#pragma once
// Records to token ids and labels. The prompt is rendered with the inference core's template and
// encoded alone (BOS first), exactly as generation encodes it; the output follows, then EOS.
// Labels are -100 on the prompt (unless train_on_prompt), so the loss is on the answer.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/train/dataset_loader.h"

namespace medlora::train {

inline constexpr int64_t kIgnoreIndex = -100;

struct EncodedExample {
  std::vector<int64_t> input_ids;
  std::vector<int64_t> labels;  // same length; kIgnoreIndex where no loss is taken
  int64_t length() const { return static_cast<int64_t>(input_ids.size()); }
};

struct EncodingStats {
  int64_t examples = 0;
  int64_t truncated = 0;  // longer than max_length: answer cut
  int64_t dropped = 0;    // the prompt alone fills max_length: no answer token left
  int64_t tokens = 0;
  int64_t target_tokens = 0;
};

// encode(text, add_bos) -> ids; usually Tokenizer::encode with add_eos = false.
using EncodeFunction = std::function<std::vector<int64_t>(const std::string& text, bool add_bos)>;
// render(instruction, input) -> prompt text; usually PromptTemplate::render_prompt.
using RenderPromptFunction = std::function<std::string(const std::string& instruction, const std::string& input)>;

class ExampleEncoder {
 public:
  ExampleEncoder(EncodeFunction encode, RenderPromptFunction render_prompt, int64_t eos_id, int64_t max_length,
                 bool train_on_prompt);

  // Encodes every record; dropped records are counted, not returned.
  std::vector<EncodedExample> encode(const std::vector<TrainingRecord>& records, EncodingStats* stats = nullptr) const;

 private:
  EncodeFunction encode_;
  RenderPromptFunction render_prompt_;
  int64_t eos_id_;
  int64_t max_length_;
  bool train_on_prompt_;
};

// Pretraining: each document is BOS + text + EOS, all concatenated and cut into chunks of
// max_length tokens (the last, shorter chunk kept if it has at least 2 tokens); loss on every token.
std::vector<EncodedExample> pack_text_corpus(const std::vector<std::string>& documents, const EncodeFunction& encode,
                                             int64_t eos_id, int64_t max_length, EncodingStats* stats = nullptr);

}  // namespace medlora::train
