#include "core/train/batch_sampler.h"

#include <torch/torch.h>

#include <algorithm>
#include <random>

namespace medlora::train {

std::vector<std::vector<int64_t>> plan_epoch(const std::vector<int64_t>& lengths, int64_t micro_batch_size, uint64_t seed,
                                             int64_t epoch, bool group_by_length) {
  const auto n = static_cast<int64_t>(lengths.size());
  std::vector<int64_t> order(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) order[static_cast<size_t>(i)] = i;
  std::mt19937_64 rng(seed * 1000003ULL + static_cast<uint64_t>(epoch) + 1);
  std::shuffle(order.begin(), order.end(), rng);

  std::vector<std::vector<int64_t>> batches;
  // As HF's LengthGroupedSampler: sort within mega-batches of 50 micro-batches, so batches are
  // length-homogeneous while the epoch stays shuffled.
  const int64_t mega = group_by_length ? micro_batch_size * 50 : micro_batch_size;
  for (int64_t start = 0; start < n; start += mega) {
    const int64_t end = std::min(n, start + mega);
    if (group_by_length) {
      std::stable_sort(order.begin() + start, order.begin() + end,
                       [&](int64_t a, int64_t b) { return lengths[static_cast<size_t>(a)] > lengths[static_cast<size_t>(b)]; });
    }
    for (int64_t b = start; b < end; b += micro_batch_size)
      batches.emplace_back(order.begin() + b, order.begin() + std::min(end, b + micro_batch_size));
  }
  if (group_by_length && batches.size() > 1) {
    std::shuffle(batches.begin(), batches.end(), rng);
    auto longest = std::max_element(batches.begin(), batches.end(), [&](const auto& a, const auto& b) {
      return lengths[static_cast<size_t>(a.front())] < lengths[static_cast<size_t>(b.front())];
    });
    std::iter_swap(batches.begin(), longest);
  }
  return batches;
}

Batch collate(const std::vector<EncodedExample>& examples, const std::vector<int64_t>& indices, int64_t pad_id,
              const c10::Device& device) {
  int64_t longest = 0;
  for (auto i : indices) longest = std::max(longest, examples[static_cast<size_t>(i)].length());
  const auto rows = static_cast<int64_t>(indices.size());
  auto ids = torch::full({rows, longest}, pad_id, torch::kLong);
  auto labels = torch::full({rows, longest}, kIgnoreIndex, torch::kLong);
  auto* ids_data = ids.data_ptr<int64_t>();
  auto* label_data = labels.data_ptr<int64_t>();
  Batch batch;
  for (int64_t r = 0; r < rows; ++r) {
    const auto& ex = examples[static_cast<size_t>(indices[static_cast<size_t>(r)])];
    std::copy(ex.input_ids.begin(), ex.input_ids.end(), ids_data + r * longest);
    std::copy(ex.labels.begin(), ex.labels.end(), label_data + r * longest);
    batch.tokens += ex.length();
  }
  batch.target_tokens = count_target_tokens(examples, indices);
  batch.input_ids = device.is_cpu() ? ids : ids.to(device, /*non_blocking=*/true);
  batch.labels = device.is_cpu() ? labels : labels.to(device, /*non_blocking=*/true);
  return batch;
}

int64_t count_target_tokens(const std::vector<EncodedExample>& examples, const std::vector<int64_t>& indices) {
  int64_t count = 0;
  for (auto i : indices) {
    const auto& labels = examples[static_cast<size_t>(i)].labels;
    count += std::count_if(labels.begin() + std::min<size_t>(1, labels.size()), labels.end(),
                           [](int64_t l) { return l != kIgnoreIndex; });
  }
  return count;
}

}  // namespace medlora::train
