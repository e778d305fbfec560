// analyse_scores on whole studies: published examples fed through the study plumbing, a
// synthetic three-reviewer study with two systems, the JSON summary, seeding and speed.
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <chrono>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

#include "core/review/study_analysis.h"

namespace medlora::review {
namespace {

// Shrout & Fleiss (1979) Table 2 as a study: 6 questions, one system, 4 reviewers.
TEST(StudyAnalysis, AgreementMatchesShroutFleissThroughTheStudyPath) {
  const double table[6][4] = {{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}};
  ScoreTable scores;
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 4; ++j)
      scores.ratings.push_back({"q" + std::to_string(i), "", std::string(1, char('A' + j)), "accuracy", table[i][j]});
  const auto analysis = analyse_scores(scores);
  const auto* a = analysis.find_agreement("accuracy");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->units, 6);
  EXPECT_EQ(a->raters, 4);
  EXPECT_EQ(a->icc_units, 6);
  EXPECT_NEAR(a->icc2_1, 0.29, 0.005);
  EXPECT_NEAR(a->icc2_k, 0.62, 0.005);
}

// Krippendorff (2011) reliability data with missing values, as a study: alpha ordinal 0.815,
// interval 0.849; ICC only on the complete units (those all four observers coded).
TEST(StudyAnalysis, AlphaMatchesKrippendorffWithMissingScores) {
  const int m = 0;  // missing
  const int data[4][12] = {{1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m},
                           {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3},
                           {m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m},
                           {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m}};
  ScoreTable scores;
  for (int r = 0; r < 4; ++r)
    for (int u = 0; u < 12; ++u)
      scores.ratings.push_back({"u" + std::to_string(u), "", "obs" + std::to_string(r), "accuracy",
                                data[r][u] == m ? std::nullopt : std::optional<double>(data[r][u])});
  const auto analysis = analyse_scores(scores);
  const auto& a = analysis.agreement.at(0);
  EXPECT_NEAR(a.krippendorff_alpha_ordinal, 0.815, 5e-4);
  EXPECT_NEAR(a.krippendorff_alpha_interval, 0.849, 5e-4);
  EXPECT_EQ(a.units, 12);
  EXPECT_EQ(a.pairable_units, 11);
  EXPECT_EQ(a.icc_units, 8);  // units 1 and 10-12 miss an observer
  EXPECT_EQ(analysis.items, 12);
}

// Three reviewers, two systems, 60 questions, four axes; "tuned" is better on accuracy.
ScoreTable synthetic_study(int items, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> base(2, 4), noise(-1, 1);
  ScoreTable scores;
  const char* axes[] = {"readability", "accuracy", "safety", "completeness"};
  for (int i = 0; i < items; ++i) {
    const std::string item = "q" + std::to_string(i);
    for (const char* system : {"base", "tuned"}) {
      for (const char* axis : axes) {
        const int quality = base(rng) + (std::string(system) == "tuned" && std::string(axis) == "accuracy" ? 1 : 0);
        for (const char* reviewer : {"dr_a", "dr_b", "dr_c"})
          scores.ratings.push_back({item, system, reviewer, axis, double(std::clamp(quality + noise(rng), 1, 5))});
      }
      for (const char* reviewer : {"dr_a", "dr_b", "dr_c"}) {
        const bool harmful = std::string(system) == "base" && i % 10 == 0 && std::string(reviewer) != "dr_c";
        scores.flags.push_back({item, system, reviewer, harmful, harmful ? 2 : 0});
      }
    }
  }
  return scores;
}

TEST(StudyAnalysis, SyntheticThreeReviewerStudy) {
  auto scores = synthetic_study(60, 5);
  scores.ratings[0].score.reset();  // one missing score
  AnalysisOptions options;
  options.axis_order = {"accuracy", "safety", "completeness", "readability"};
  const auto analysis = analyse_scores(scores, options);
  EXPECT_EQ(analysis.axes, (std::vector<std::string>{"accuracy", "safety", "completeness", "readability"}));
  EXPECT_EQ(analysis.systems, (std::vector<std::string>{"base", "tuned"}));
  EXPECT_EQ(analysis.reviewers.size(), 3u);
  EXPECT_EQ(analysis.items, 60);
  ASSERT_EQ(analysis.summaries.size(), 8u);

  // Independent recomputation of one cell.
  double sum = 0.0;
  int n = 0;
  for (const auto& r : scores.ratings)
    if (r.system == "tuned" && r.axis == "accuracy" && r.score) sum += *r.score, ++n;
  const auto* tuned = analysis.find_summary("tuned", "accuracy");
  ASSERT_NE(tuned, nullptr);
  EXPECT_EQ(tuned->n_ratings, n);
  EXPECT_EQ(tuned->n_items, 60);
  EXPECT_NEAR(tuned->mean, sum / n, 1e-12);
  EXPECT_LT(tuned->ci_low, tuned->mean);
  EXPECT_GT(tuned->ci_high, tuned->mean);
  int counted = 0;
  for (const auto& [score, count] : tuned->distribution) counted += count;
  EXPECT_EQ(counted, n);
  EXPECT_EQ(analysis.find_summary("base", "readability")->n_ratings, 179);  // the missing one

  ASSERT_EQ(analysis.agreement.size(), 4u);
  for (const auto& a : analysis.agreement) {
    EXPECT_EQ(a.units, 120);
    EXPECT_EQ(a.raters, 3);
    EXPECT_GT(a.krippendorff_alpha_ordinal, 0.0);  // shared item quality -> positive agreement
    EXPECT_GT(a.icc2_1, 0.0);
    EXPECT_GT(a.icc2_k, a.icc2_1);
  }
  EXPECT_EQ(analysis.find_agreement("readability")->icc_units, 119);

  ASSERT_EQ(analysis.comparisons.size(), 4u);
  const auto& accuracy = analysis.comparisons.front();
  EXPECT_EQ(accuracy.axis, "accuracy");
  EXPECT_EQ(accuracy.system_a, "base");
  EXPECT_EQ(accuracy.system_b, "tuned");
  EXPECT_EQ(accuracy.comparison.n_pairs, 60);
  EXPECT_EQ(accuracy.comparison.wins + accuracy.comparison.ties + accuracy.comparison.losses, 60);
  EXPECT_GT(accuracy.comparison.losses, accuracy.comparison.wins);
  EXPECT_LT(accuracy.comparison.wilcoxon_p, 0.01);
  EXPECT_LT(accuracy.comparison.permutation_p, 0.01);

  EXPECT_EQ(analysis.harmful.answers_rated, 120);
  EXPECT_EQ(analysis.harmful.answers_flagged, 6);
  EXPECT_EQ(analysis.harmful.flags, 12);
  EXPECT_EQ(analysis.harmful.raters_per_unit, 3);
  EXPECT_EQ(analysis.harmful.kappa_units, 120);
  EXPECT_NEAR(analysis.harmful.fleiss_kappa, 0.4828, 1e-3);  // 6 answers flagged 2 of 3, P_e 0.9356
}

TEST(StudyAnalysis, SeededAndJsonWithNullForUndefined) {
  auto scores = synthetic_study(30, 9);
  for (auto& r : scores.ratings)
    if (r.axis == "safety") r.score = 5.0;  // no variation: alpha and ICC undefined
  const auto first = analysis_to_json(analyse_scores(scores));
  EXPECT_EQ(first, analysis_to_json(analyse_scores(scores)));
  AnalysisOptions other;
  other.seed = 1;
  EXPECT_NE(first, analysis_to_json(analyse_scores(scores, other)));

  const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(first));
  ASSERT_TRUE(doc.isObject());
  const auto root = doc.object();
  EXPECT_EQ(root["items"].toInt(), 30);
  EXPECT_EQ(root["options"].toObject()["bootstrap_resamples"].toInt(), 2000);
  bool saw_safety = false;
  for (const auto& value : root["agreement"].toArray()) {
    const auto a = value.toObject();
    if (a["axis"].toString() != "safety") continue;
    saw_safety = true;
    EXPECT_TRUE(a["krippendorff_alpha_ordinal"].isNull());
    EXPECT_TRUE(a["icc2_1"].isNull());
  }
  EXPECT_TRUE(saw_safety);
  const auto summary = root["summaries"].toArray().at(0).toObject();
  EXPECT_TRUE(summary["ci_low"].isDouble());
  EXPECT_TRUE(summary["distribution"].isObject());
  EXPECT_EQ(root["comparisons"].toArray().size(), 4);
  EXPECT_TRUE(root["harmful"].toObject()["fleiss_kappa"].isDouble());
}

TEST(StudyAnalysis, RejectsTwoScoresFromOneReviewerForOneAnswerAndAxis) {
  ScoreTable scores;
  scores.ratings = {{"q1", "s", "ann", "accuracy", 3.0}, {"q1", "s", "ann", "accuracy", 4.0}};
  EXPECT_THROW(analyse_scores(scores), std::invalid_argument);
  scores.ratings.pop_back();
  scores.flags = {{"q1", "s", "ann", true, 1}, {"q1", "s", "ann", false, 0}};
  EXPECT_THROW(analyse_scores(scores), std::invalid_argument);
}

TEST(StudyAnalysis, FullSizeStudyIsFast) {
  // 3 reviewers x 1,000 answers (500 questions x 2 systems) x 4 axes, 2,000 resamples,
  // 10,000 permutations.
  const auto scores = synthetic_study(500, 3);
  const auto start = std::chrono::steady_clock::now();
  const auto analysis = analyse_scores(scores);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(analysis.summaries.size(), 8u);
  std::printf("analyse_scores on 12,000 ratings: %.3f s\n", seconds);
  EXPECT_LT(seconds, 1.0);
}

}  // namespace
}  // namespace medlora::review
