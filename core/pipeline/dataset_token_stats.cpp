#include "core/pipeline/dataset_token_stats.h"

#include "core/tokenizer/prompt_template.h"
#include "core/tokenizer/tokenizer.h"

namespace medlora::pipeline {

data::TokenStats dataset_token_stats(const std::vector<data::RecordText>& records,
                                     const std::filesystem::path& tokenizer_path, const std::string& template_name,
                                     int64_t max_length, int bins) {
  const auto tokenizer = tokenizer::Tokenizer::load(tokenizer_path);
  const auto& prompt_template = tokenizer::find_template(template_name);
  auto count_tokens = [&](const data::RecordText& record) {
    const auto text = prompt_template.render_full(record.input, record.output, record.instruction);
    return static_cast<int64_t>(tokenizer->encode(text, /*add_bos=*/true, /*add_eos=*/true).size());
  };
  return data::token_statistics(records, count_tokens, max_length, bins);
}

}  // namespace medlora::pipeline
