#include "core/train/example_encoder.h"

#include <algorithm>

#include "core/train/train_error.h"

namespace medlora::train {

tokenizer::Conversation conversation_of(const TrainingRecord& record) {
  if (!record.messages.empty()) return record.messages;
  return tokenizer::PromptFormat::conversation_of(record.instruction, record.input, record.output);
}

ExampleEncoder::ExampleEncoder(ConversationEncoder encode, int64_t max_length, bool train_on_prompt)
    : encode_(std::move(encode)), max_length_(max_length), train_on_prompt_(train_on_prompt) {
  if (max_length_ < 2) throw TrainingError("training.max_length must be at least 2");
}

std::vector<EncodedExample> ExampleEncoder::encode(const std::vector<TrainingRecord>& records, EncodingStats* stats) const {
  EncodingStats local;
  std::vector<EncodedExample> out;
  out.reserve(records.size());
  for (const auto& record : records) {
    auto encoded = encode_(conversation_of(record));
    // Nothing to learn when the first answer token lies beyond max_length.
    const auto first_target = std::find(encoded.assistant.begin(), encoded.assistant.end(), 1);
    if (first_target == encoded.assistant.end() || first_target - encoded.assistant.begin() >= max_length_) {
      ++local.dropped;
      continue;
    }
    EncodedExample ex;
    ex.input_ids = std::move(encoded.ids);
    if (ex.length() > max_length_) {
      ex.input_ids.resize(static_cast<size_t>(max_length_));
      encoded.assistant.resize(static_cast<size_t>(max_length_));
      ++local.truncated;
    }
    ex.labels = ex.input_ids;
    if (!train_on_prompt_) {
      for (size_t i = 0; i < ex.labels.size(); ++i)
        if (encoded.assistant[i] == 0) ex.labels[i] = kIgnoreIndex;
    }
    local.tokens += ex.length();
    // The first token is never a target (nothing predicts it).
    local.target_tokens += std::count_if(ex.labels.begin() + 1, ex.labels.end(), [](int64_t l) { return l != kIgnoreIndex; });
    out.push_back(std::move(ex));
  }
  local.examples = static_cast<int64_t>(out.size());
  if (stats) *stats = local;
  return out;
}

std::vector<EncodedExample> pack_text_corpus(const std::vector<std::string>& documents, const EncodeFunction& encode,
                                             int64_t eos_id, int64_t max_length, EncodingStats* stats) {
  if (max_length < 2) throw TrainingError("training.max_length must be at least 2");
  std::vector<int64_t> stream;
  for (const auto& doc : documents) {
    auto ids = encode(doc, /*add_bos=*/true);
    stream.insert(stream.end(), ids.begin(), ids.end());
    if (eos_id >= 0) stream.push_back(eos_id);
  }
  std::vector<EncodedExample> out;
  for (size_t start = 0; start < stream.size(); start += static_cast<size_t>(max_length)) {
    const size_t end = std::min(stream.size(), start + static_cast<size_t>(max_length));
    if (end - start < 2) break;
    EncodedExample ex;
    ex.input_ids.assign(stream.begin() + static_cast<std::ptrdiff_t>(start), stream.begin() + static_cast<std::ptrdiff_t>(end));
    ex.labels = ex.input_ids;
    out.push_back(std::move(ex));
  }
  if (stats) {
    *stats = {};
    stats->examples = static_cast<int64_t>(out.size());
    for (const auto& ex : out) {
      stats->tokens += ex.length();
      stats->target_tokens += ex.length() - 1;
    }
  }
  return out;
}

}  // namespace medlora::train
