#pragma once
// Synthetic records by synonym replacement: each occurrence of a standard term (found with the
// term standardiser's matching rules) is replaced by one of its synonyms, chosen with a seeded
// generator. Outputs are marked synthetic = true, metadata["augmented_from"] = the source's
// index in `records` (the store rewrites it to the stored id) and metadata["augmentation"] =
// "synonym". Only variants that differ from the source and from each other are emitted, so a
// record yields between 0 and per_record new records. Same inputs and seed -> same outputs.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/data/dataset_record.h"

namespace medlora::data {

// Throws std::invalid_argument for per_record < 0 or a bad dictionary (see
// plan_term_standardisation).
std::vector<RecordText> augment_with_synonyms(const std::vector<RecordText>& records,
                                              const std::vector<std::pair<std::string, std::string>>& synonym_to_standard,
                                              int per_record, uint64_t seed);

}  // namespace medlora::data
