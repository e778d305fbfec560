#include "core/pipeline/dataset_token_stats.h"

#include "core/tokenizer/prompt_format.h"
#include "core/tokenizer/tokenizer.h"

namespace medlora::pipeline {

data::TokenStats dataset_token_stats(const std::vector<data::RecordText>& records, const std::filesystem::path& model_dir,
                                     const std::string& template_name, int64_t max_length, int bins,
                                     const TokenCountProgress& on_record) {
  const auto format = tokenizer::PromptFormat::resolve(template_name, "", model_dir, tokenizer::Tokenizer::load(model_dir));
  const auto total = static_cast<int64_t>(records.size());
  int64_t done = 0;
  bool go_on = true;
  auto count_tokens = [&](const data::RecordText& record) -> int64_t {
    if (on_record && go_on) go_on = on_record(++done, total);
    if (!go_on) return 0;
    const auto conversation = record.is_conversation()
                                  ? record.messages
                                  : tokenizer::PromptFormat::conversation_of(record.instruction, record.input, record.output);
    return static_cast<int64_t>(format.encode_training(conversation).ids.size());
  };
  return data::token_statistics(records, count_tokens, max_length, bins);
}

}  // namespace medlora::pipeline
