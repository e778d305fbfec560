#pragma once
// Token-length statistics of records as the trainer will see them: each record rendered through
// a prompt template (prompt + answer) and encoded by a model's tokenizer with BOS and EOS.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/data/dataset_record.h"
#include "core/data/token_stats.h"

namespace medlora::pipeline {

// `tokenizer_path`: a tokenizer.model file or a model folder holding one. Throws what
// Tokenizer::load and find_template throw (naming the file or the known templates).
data::TokenStats dataset_token_stats(const std::vector<data::RecordText>& records,
                                     const std::filesystem::path& tokenizer_path, const std::string& template_name,
                                     int64_t max_length, int bins = 20);

}  // namespace medlora::pipeline
