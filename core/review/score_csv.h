#pragma once
// Scores as CSV (RFC 4180: quoted fields, "" inside quotes, CRLF or LF, a UTF-8 BOM is skipped).
// Reading: the header must name item, reviewer, axis and score (in any order); a blank score is a
// missing score and any numeric scale is accepted. Optional columns: system (blank or absent ->
// ""), harmful (1/0, true/false, yes/no; one decision per reviewer x answer), severity (0-3),
// comment. Errors name the source and line. Writing: the raw-scores CSV of a study report, one
// row per reviewer x answer x axis.
#include <string>
#include <string_view>
#include <vector>

#include "core/review/score_table.h"

namespace medlora::review {

struct ScoreCsvContent {
  ScoreTable table;
  std::vector<ReviewComment> comments;  // non-empty comments, one per reviewer x answer
};

// std::runtime_error "<source> line N: ..." for a malformed file.
ScoreCsvContent parse_score_csv(std::string_view text, const std::string& source = "scores CSV");
ScoreCsvContent read_score_csv(const std::string& path);  // also throws when the file cannot be read

// Header item,system,reviewer,axis,score,harmful,severity,comment; rows in the order of
// table.ratings; harmful/severity from the matching flag (blank when the reviewer gave none);
// a missing score is blank. Fields are quoted when they need it.
std::string format_raw_scores_csv(const ScoreTable& table, const std::vector<ReviewComment>& comments = {});
// Written atomically (temporary file renamed into place).
void write_raw_scores_csv(const std::string& path, const ScoreTable& table,
                          const std::vector<ReviewComment>& comments = {});

}  // namespace medlora::review
