#pragma once
// Replaces synonyms by their standard term, with a preview of every replacement.
// Matching: longest match first (then leftmost), no overlaps; a term whose first (last)
// character is an ASCII letter or digit must start (end) on a word boundary and matches
// case-insensitively; CJK terms match as substrings. Replacements are not re-scanned.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/data/dataset_record.h"
#include "core/data/record_change.h"

namespace medlora::data {

struct TermChange {
  size_t record = 0;
  std::string field;     // "instruction", "input", "output" or a turn, "messages[N]"
  std::string synonym;   // the text as found in the record
  std::string standard;
  size_t offset = 0;     // bytes into the original field text
};

struct TermPlan {
  std::vector<TermChange> changes;
  std::vector<RecordChange> changed;  // rules = {"term"}
};

// Throws std::invalid_argument for an empty synonym or standard, or a synonym listed with two
// different standards. Pairs whose synonym equals the standard are ignored.
TermPlan plan_term_standardisation(const std::vector<RecordText>& records,
                                   const std::vector<std::pair<std::string, std::string>>& synonym_to_standard);

}  // namespace medlora::data
