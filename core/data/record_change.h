#pragma once
// A planned edit of one record, shown to the user before it is applied (cleaning, PII
// masking, term standardisation all preview their work this way).
#include <cstddef>
#include <string>
#include <vector>

#include "core/data/dataset_record.h"

namespace medlora::data {

struct RecordChange {
  size_t index = 0;                // position in the vector the plan was made from
  RecordText before;
  RecordText after;
  std::vector<std::string> rules;  // what changed it: "html", "whitespace", "phone", "term", ...
};

}  // namespace medlora::data
