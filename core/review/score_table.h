#pragma once
// The ratings a study's analysis works on, independent of where they came from (the workspace,
// or any CSV with the header item,reviewer,axis,score). An "item" is one question; a unit of
// agreement is one answer, i.e. one (item, system) pair.
#include <optional>
#include <string>
#include <vector>

namespace medlora::review {

struct Rating {
  std::string item;      // question id: the bootstrap resamples these (clustered by question)
  std::string system;    // system name (or code before reveal); "" when there is only one
  std::string reviewer;
  std::string axis;      // accuracy | safety | completeness | readability, or any CSV axis
  std::optional<double> score;  // empty: the reviewer gave no score (missing)
};

struct HarmfulFlag {
  std::string item;
  std::string system;
  std::string reviewer;
  bool harmful = false;
  int severity = 0;      // 0 when not harmful; 1 minor, 2 moderate, 3 severe
};

// A reviewer's free comment on one answer (kept beside the scores: the raw-scores CSV has a
// comment column).
struct ReviewComment {
  std::string item;
  std::string system;
  std::string reviewer;
  std::string comment;
};

struct ScoreTable {
  std::vector<Rating> ratings;
  std::vector<HarmfulFlag> flags;  // one per reviewer x answer that the reviewer submitted
};

}  // namespace medlora::review
