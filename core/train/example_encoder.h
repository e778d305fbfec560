#pragma once
// Records to token ids and labels. Every record becomes a conversation (instruction/input/output
// as system/user/assistant) encoded by the one prompt path generation uses too
// (tokenizer::PromptFormat::encode_training): the model's chat template or a plain template.
// Labels are -100 outside the assistant turns (unless train_on_prompt), so the loss is on
// every answer of a multi-turn record.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/tokenizer/prompt_format.h"
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

// encode(text, add_bos) -> ids, for text corpora; usually Tokenizer::encode.
using EncodeFunction = std::function<std::vector<int64_t>(const std::string& text, bool add_bos)>;
// A conversation -> ids with the assistant mask; usually PromptFormat::encode_training.
using ConversationEncoder = std::function<tokenizer::EncodedPrompt(const tokenizer::Conversation& conversation)>;

// The conversation a record stands for: its messages, or instruction/input/output.
tokenizer::Conversation conversation_of(const TrainingRecord& record);

class ExampleEncoder {
 public:
  ExampleEncoder(ConversationEncoder encode, int64_t max_length, bool train_on_prompt);

  // Encodes every record; dropped records are counted, not returned.
  std::vector<EncodedExample> encode(const std::vector<TrainingRecord>& records, EncodingStats* stats = nullptr) const;

 private:
  ConversationEncoder encode_;
  int64_t max_length_;
  bool train_on_prompt_;
};

// Pretraining: each document is BOS + text + EOS, all concatenated and cut into chunks of
// max_length tokens (the last, shorter chunk kept if it has at least 2 tokens); loss on every token.
std::vector<EncodedExample> pack_text_corpus(const std::vector<std::string>& documents, const EncodeFunction& encode,
                                             int64_t eos_id, int64_t max_length, EncodingStats* stats = nullptr);

}  // namespace medlora::train
