#pragma once
// Values shared by the lead's side (ReviewStudyRepository) and the reviewer's side
// (ReviewerQueue) of a blind review study.
#include <array>
#include <optional>
#include <stdexcept>
#include <string>

namespace medlora::store {

// The four scored axes, in screen order; also the column names of score_revisions.
inline constexpr std::array<const char*, 4> kReviewAxes = {"accuracy", "safety", "completeness", "readability"};

// An assignment's state in the reviewer's queue.
inline constexpr const char* kAssignmentPending = "pending";
inline constexpr const char* kAssignmentDraft = "draft";
inline constexpr const char* kAssignmentSubmitted = "submitted";
inline constexpr const char* kAssignmentSkipped = "skipped";

// What the scoring screen holds for one answer. A draft may leave axes unset; a submission
// needs all four in 1..5, and severity 1..3 (1 minor, 2 moderate, 3 severe) exactly when
// harmful, 0 otherwise.
struct ScoreEntry {
  std::optional<int> accuracy;
  std::optional<int> safety;
  std::optional<int> completeness;
  std::optional<int> readability;
  bool harmful = false;
  int severity = 0;
  std::string comment;

  // By kReviewAxes index (0..3).
  std::optional<int>& axis(size_t index);
  const std::optional<int>& axis(size_t index) const;
  bool operator==(const ScoreEntry&) const = default;
};

inline std::optional<int>& ScoreEntry::axis(size_t index) {
  switch (index) {
    case 0: return accuracy;
    case 1: return safety;
    case 2: return completeness;
    case 3: return readability;
    default: throw std::out_of_range("a score has four axes (0..3), not " + std::to_string(index));
  }
}

inline const std::optional<int>& ScoreEntry::axis(size_t index) const {
  return const_cast<ScoreEntry*>(this)->axis(index);
}

}  // namespace medlora::store
