#pragma once
// Micro-batches for one epoch: a seeded shuffle, then length grouping (examples of similar length
// share a micro-batch) and dynamic right padding to the longest example of each micro-batch
// (never to max_length). The plan is a pure function of (lengths, size, seed, epoch), so a
// resumed run rebuilds it and continues at the saved position.
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <cstdint>
#include <vector>

#include "core/train/example_encoder.h"

namespace medlora::train {

// Indices of each micro-batch, in the order they are used. The longest micro-batch comes first
// so that an out-of-memory shows up at the start.
std::vector<std::vector<int64_t>> plan_epoch(const std::vector<int64_t>& lengths, int64_t micro_batch_size, uint64_t seed,
                                             int64_t epoch, bool group_by_length = true);

struct Batch {
  at::Tensor input_ids;  // [B, T] int64, right-padded with pad_id
  at::Tensor labels;     // [B, T] int64, kIgnoreIndex on padding (and prompt)
  int64_t tokens = 0;          // real (non-pad) tokens
  int64_t target_tokens = 0;   // labels that count in the loss after the shift
};

Batch collate(const std::vector<EncodedExample>& examples, const std::vector<int64_t>& indices, int64_t pad_id,
              const c10::Device& device);

// Target tokens (after the causal shift) of the given examples.
int64_t count_target_tokens(const std::vector<EncodedExample>& examples, const std::vector<int64_t>& indices);

}  // namespace medlora::train
