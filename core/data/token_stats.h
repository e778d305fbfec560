#pragma once
// Token-length statistics of a dataset against a tokenizer: how many records would be cut at
// max_length, and the length distribution for the panel's histogram.
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "core/data/dataset_record.h"

namespace medlora::data {

struct TokenStats {
  int64_t records = 0;
  int64_t max_length = 0;
  int64_t over_max = 0;          // records longer than max_length tokens
  double share_over_max = 0.0;   // over_max / records (0 when empty)
  std::vector<int64_t> lengths;  // per record, in input order
  std::vector<std::pair<int64_t, int64_t>> histogram;  // (bin start, count), equal-width bins
  int64_t p50 = 0, p95 = 0, max = 0;  // nearest-rank percentiles
};

// count_tokens is supplied by the caller (the CLI wires the real tokenizer on the formatted
// prompt + answer). `bins` >= 1 equal-width bins from 0 to the longest length. Throws
// std::invalid_argument for max_length < 1 or bins < 1.
TokenStats token_statistics(const std::vector<RecordText>& records,
                            const std::function<int64_t(const RecordText&)>& count_tokens, int64_t max_length,
                            int bins = 20);

}  // namespace medlora::data
