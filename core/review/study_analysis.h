#pragma once
// The statistics of a blind-review study: per system and axis summaries with a bootstrap CI
// clustered by question, agreement between reviewers per axis, paired comparisons of every two
// systems per axis, and agreement on the harmful flag. Undefined values (no variation, too few
// units) are NaN, and null in the JSON.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/review/paired_comparison.h"
#include "core/review/score_table.h"

namespace medlora::review {

struct AnalysisOptions {
  int bootstrap_resamples = 2000;
  uint64_t seed = 20261129;  // bootstrap and permutations; each cell derives its own stream from it
  int permutations = 10000;
  // Axes in this order first (those present in the scores), then any others alphabetically.
  std::vector<std::string> axis_order;
};

// One system on one axis, over every rating of that system on that axis.
struct SystemAxisSummary {
  std::string system;
  std::string axis;
  int n_ratings = 0;  // scores given (missing ones not counted)
  int n_items = 0;    // questions with at least one score
  double mean = 0.0;
  double median = 0.0;
  std::map<int, int> distribution;  // score rounded to the nearest integer -> count
  double ci_low = 0.0;   // 95 % percentile bootstrap CI of the mean, resampling questions
  double ci_high = 0.0;
};

// Agreement between reviewers on one axis. A unit is an answer (item, system); the raters are
// the reviewers who scored this axis.
struct AxisAgreement {
  std::string axis;
  int units = 0;            // answers with at least one score
  int pairable_units = 0;   // answers with two or more scores (the ones alpha uses)
  int raters = 0;           // reviewers with at least one score on this axis
  double krippendorff_alpha_ordinal = 0.0;
  double krippendorff_alpha_interval = 0.0;
  double icc2_1 = 0.0;      // two-way random, absolute agreement, single rater
  double icc2_k = 0.0;      // same, mean of the k raters
  int icc_units = 0;        // answers every one of the raters scored (complete rows)
};

struct SystemPairComparison {
  std::string axis;
  std::string system_a;
  std::string system_b;
  PairedComparison comparison;  // wins = items where system_a's reviewer mean is higher
};

struct HarmfulFlagAgreement {
  int answers_rated = 0;    // answers with at least one reviewer's flag decision
  int answers_flagged = 0;  // answers flagged harmful by at least one reviewer
  int flags = 0;            // reviewer x answer decisions that say harmful
  double fleiss_kappa = 0.0;
  int kappa_units = 0;        // answers with the common number of decisions (those kappa uses)
  int raters_per_unit = 0;    // that common number
};

struct StudyAnalysis {
  std::vector<std::string> systems;    // sorted
  std::vector<std::string> axes;       // AnalysisOptions::axis_order, then the rest sorted
  std::vector<std::string> reviewers;  // sorted
  int items = 0;                       // questions with at least one score
  int bootstrap_resamples = 0;
  int permutations = 0;
  uint64_t seed = 0;
  std::vector<SystemAxisSummary> summaries;       // system-major, axes in `axes` order
  std::vector<AxisAgreement> agreement;           // in `axes` order
  std::vector<SystemPairComparison> comparisons;  // per axis, every pair (a < b in `systems`)
  HarmfulFlagAgreement harmful;

  const SystemAxisSummary* find_summary(const std::string& system, const std::string& axis) const;
  const AxisAgreement* find_agreement(const std::string& axis) const;
};

StudyAnalysis analyse_scores(const ScoreTable& scores, const AnalysisOptions& options = {});

// A JSON object with "systems", "axes", "reviewers", "items", "options", "summaries",
// "agreement", "comparisons" and "harmful" (field names as in the structs above); NaN -> null.
std::string analysis_to_json(const StudyAnalysis& analysis);

}  // namespace medlora::review
