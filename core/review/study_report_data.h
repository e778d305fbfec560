#pragma once
// Everything an evaluation report shows about one study, gathered from the workspace by the lead
// (store side) and turned into PDF/HTML (report/) or CSV/JSON (core/review). System names are
// filled only once the study is closed; until then `name` is empty and codes stand in.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/review/score_table.h"

namespace medlora::review {

struct StudySystemInfo {
  std::string code;  // what reviewers saw, e.g. "S1"
  std::string name;  // e.g. "base", "adapter:chronic", "reference"; empty while blinded
};

// An answer a reviewer skipped (with the reason given), or left unscored when the study closed.
struct ExcludedAnswer {
  std::string item;
  std::string system;
  std::string reviewer;
  std::string reason;  // the reviewer's words for a skip; empty for an unscored answer
  bool unscored = false;  // not submitted before the study was closed (reports say so in their language)
};

struct StudyDesign {
  std::string name;
  std::string created_at;
  std::string closed_at;  // empty while open
  std::vector<StudySystemInfo> systems;
  std::vector<std::string> reviewers;
  int reviewers_per_answer = 3;
  int questions = 0;
  int answers = 0;
  int assignments = 0;   // reviewer x answer pairs
  int submitted = 0;     // assignments with submitted scores
  uint64_t order_seed = 0;
  std::vector<ExcludedAnswer> exclusions;
};

struct FlaggedAnswerReview {
  std::string reviewer;
  std::map<std::string, std::optional<double>> scores;  // axis -> score
  bool harmful = false;
  int severity = 0;
  std::string comment;
};

// An answer at least one reviewer flagged as harmful, with every reviewer's scores and comments.
struct FlaggedAnswer {
  std::string item;
  std::string question;
  std::string system;
  std::string answer;
  std::vector<FlaggedAnswerReview> reviews;
};

struct StudyReportData {
  StudyDesign design;
  ScoreTable scores;  // systems named by StudySystemInfo::name once closed, else by code
  std::vector<FlaggedAnswer> flagged;
  std::vector<ReviewComment> comments;  // every non-empty comment of a submitted answer
};

}  // namespace medlora::review
