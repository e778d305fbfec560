// Scores CSV: reading (quoting, optional columns, missing scores, errors naming the line) and
// writing the raw-scores CSV that a study report ships.
#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/review/score_csv.h"

namespace medlora::review {
namespace {

std::string error_of(const std::string& text) {
  try {
    parse_score_csv(text, "s.csv");
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "no error";
}

TEST(ScoreCsv, ReadsTheMinimalHeaderWithMissingScoresAndAnyScale) {
  const auto content = parse_score_csv("item,reviewer,axis,score\r\nq1,ann,accuracy,4\r\nq1,bob,accuracy,\r\n"
                                       "q2,ann,accuracy,72.5\r\n");
  ASSERT_EQ(content.table.ratings.size(), 3u);
  EXPECT_EQ(content.table.ratings[0].item, "q1");
  EXPECT_EQ(content.table.ratings[0].system, "");
  EXPECT_EQ(content.table.ratings[0].score, 4.0);
  EXPECT_FALSE(content.table.ratings[1].score.has_value());
  EXPECT_EQ(content.table.ratings[2].score, 72.5);
  EXPECT_TRUE(content.table.flags.empty());
}

TEST(ScoreCsv, UsesOptionalColumnsInAnyOrderAndRfc4180Quoting) {
  const std::string text =
      "\xEF\xBB\xBF" "score,axis,Reviewer,item,system,harmful,severity,comment,extra\n"
      "3,accuracy,ann,\"q, 1\",S1,yes,2,\"says \"\"stop insulin\"\"\nwithout advice\",x\n"
      "2,safety,ann,\"q, 1\",S1,yes,2,,x\n"
      "5,accuracy,bob,\"q, 1\",S1,0,,,x\n";
  const auto content = parse_score_csv(text);
  ASSERT_EQ(content.table.ratings.size(), 3u);
  EXPECT_EQ(content.table.ratings[0].item, "q, 1");
  EXPECT_EQ(content.table.ratings[0].system, "S1");
  ASSERT_EQ(content.table.flags.size(), 2u);  // one decision per reviewer x answer
  for (const auto& flag : content.table.flags) {
    if (flag.reviewer == "ann") {
      EXPECT_TRUE(flag.harmful);
      EXPECT_EQ(flag.severity, 2);
    } else {
      EXPECT_FALSE(flag.harmful);
    }
  }
  ASSERT_EQ(content.comments.size(), 1u);
  EXPECT_EQ(content.comments[0].comment, "says \"stop insulin\"\nwithout advice");
}

TEST(ScoreCsv, ErrorsNameTheLine) {
  EXPECT_NE(error_of("item,reviewer,score\nq1,ann,3\n").find("missing: axis"), std::string::npos);
  EXPECT_NE(error_of("item,reviewer,axis,score\nq1,ann,accuracy,4\nq2,ann,accuracy,good\n").find("s.csv line 3"),
            std::string::npos);
  EXPECT_NE(error_of("item,reviewer,axis,score\nq1,ann,accuracy\n").find("line 2: 3 fields"), std::string::npos);
  EXPECT_NE(error_of("item,reviewer,axis,score\nq1,ann,accuracy,4\nq1,ann,accuracy,5\n").find("at line 2"),
            std::string::npos);
  EXPECT_NE(error_of("item,reviewer,axis,score\n\"q1,ann,accuracy,4\n").find("line 2: a quoted field is never closed"),
            std::string::npos);
  EXPECT_NE(error_of("item,reviewer,axis,score\n,ann,accuracy,4\n").find("line 2: the item is blank"),
            std::string::npos);
  EXPECT_NE(error_of("item,reviewer,axis,score,harmful\nq1,ann,accuracy,4,maybe\n").find("line 2"),
            std::string::npos);
  EXPECT_NE(error_of("item,reviewer,axis,score,harmful\nq1,ann,accuracy,4,1\nq1,ann,safety,4,0\n")
                .find("line 3: harmful disagrees with line 2"),
            std::string::npos);
  EXPECT_NE(error_of("item,reviewer,axis,score,severity\nq1,ann,accuracy,4,7\n").find("severity '7'"),
            std::string::npos);
  EXPECT_NE(error_of("").find("empty file"), std::string::npos);
  EXPECT_THROW(read_score_csv("/nonexistent/scores.csv"), std::runtime_error);
}

TEST(ScoreCsv, RawScoresCsvRoundTrips) {
  ScoreTable table;
  table.ratings = {{"q1", "base", "ann", "accuracy", 4.0},
                   {"q1", "base", "ann", "safety", std::nullopt},
                   {"q1", "adapter", "bob", "accuracy", 2.5}};
  table.flags = {{"q1", "base", "ann", true, 3}, {"q1", "adapter", "bob", false, 0}};
  const std::vector<ReviewComment> comments = {{"q1", "base", "ann", "dose, \"wrong\""}};
  const std::string csv = format_raw_scores_csv(table, comments);
  std::istringstream lines(csv);
  std::string header, first, second;
  std::getline(lines, header);
  std::getline(lines, first);
  std::getline(lines, second);
  EXPECT_EQ(header, "item,system,reviewer,axis,score,harmful,severity,comment");
  EXPECT_EQ(first, "q1,base,ann,accuracy,4,1,3,\"dose, \"\"wrong\"\"\"");
  EXPECT_EQ(second, "q1,base,ann,safety,,1,3,\"dose, \"\"wrong\"\"\"");

  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const std::string path = dir.filePath("raw.csv").toStdString();
  write_raw_scores_csv(path, table, comments);
  const auto back = read_score_csv(path);
  ASSERT_EQ(back.table.ratings.size(), 3u);
  EXPECT_FALSE(back.table.ratings[1].score.has_value());
  EXPECT_EQ(back.table.ratings[2].score, 2.5);
  EXPECT_EQ(back.table.ratings[2].system, "adapter");
  ASSERT_EQ(back.table.flags.size(), 2u);
  ASSERT_EQ(back.comments.size(), 1u);
  EXPECT_EQ(back.comments[0].comment, "dose, \"wrong\"");
}

}  // namespace
}  // namespace medlora::review
