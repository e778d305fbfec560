#pragma once
// Token-length statistics of records as the trainer will see them: each record encoded through
// the same prompt path as training (tokenizer::PromptFormat::encode_training).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/data/dataset_record.h"
#include "core/data/token_stats.h"

namespace medlora::pipeline {

// `model_dir`: a model folder (or one holding only the tokenizer files). `template_name` as
// PromptFormat::resolve takes it ("" = the model's default). Throws what Tokenizer::load and
// PromptFormat::resolve throw (naming the folder or the known templates).
// `on_record(done, total)` is called before each record; when it returns false the remaining
// records count 0 tokens (a cancelled count).
using TokenCountProgress = std::function<bool(int64_t done, int64_t total)>;
data::TokenStats dataset_token_stats(const std::vector<data::RecordText>& records, const std::filesystem::path& model_dir,
                                     const std::string& template_name, int64_t max_length, int bins = 20,
                                     const TokenCountProgress& on_record = {});

}  // namespace medlora::pipeline
