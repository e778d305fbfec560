#pragma once
// Train / validation / test split, stratified by category so that every department is
// represented in each part in proportion, and reproducible from a seed.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/data/dataset_record.h"

namespace medlora::data {

struct SplitSpec {
  double validation = 0.1;  // fraction of each category, in [0, 1)
  double test = 0.0;        // fraction of each category; validation + test < 1
  uint64_t seed = 42;
};

// Indices into the input, each part in ascending order.
struct SplitAssignment {
  std::vector<size_t> train, validation, test;
};

// Per category (untagged records form their own stratum): shuffled with a generator seeded
// from `seed` and the category name, then the largest-remainder share of the total validation
// and test sizes is taken from the front. The same records and seed give the same split on any
// machine. A category with >= 2 records keeps at least one train record. Throws
// std::invalid_argument for fractions outside [0, 1) or summing to >= 1.
SplitAssignment split_stratified(const std::vector<RecordText>& records, const SplitSpec& spec);

}  // namespace medlora::data
