#include "core/review/study_analysis.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/review/bootstrap.h"
#include "core/review/descriptive_stats.h"
#include "core/review/fleiss_kappa.h"
#include "core/review/intraclass_correlation.h"
#include "core/review/krippendorff_alpha.h"

namespace medlora::review {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Names -> dense indices, so the analysis works on small integers instead of strings.
class NameIndex {
 public:
  void add(const std::string& name) { index_.emplace(name, 0); }
  // Sorts the names (or puts `preferred` first) and numbers them; call once after every add().
  void finalise(const std::vector<std::string>& preferred = {}) {
    for (const auto& name : preferred)
      if (index_.count(name) && std::find(names_.begin(), names_.end(), name) == names_.end()) names_.push_back(name);
    std::vector<std::string> rest;
    for (const auto& [name, unused] : index_)
      if (std::find(names_.begin(), names_.end(), name) == names_.end()) rest.push_back(name);
    std::sort(rest.begin(), rest.end());
    names_.insert(names_.end(), rest.begin(), rest.end());
    for (size_t i = 0; i < names_.size(); ++i) index_[names_[i]] = static_cast<int>(i);
  }
  int at(const std::string& name) const { return index_.at(name); }
  const std::vector<std::string>& names() const { return names_; }
  int size() const { return static_cast<int>(names_.size()); }

 private:
  std::unordered_map<std::string, int> index_;
  std::vector<std::string> names_;
};

struct IndexedRating {
  int axis, system, item, reviewer;
  double score;
  bool has_score;
  auto key() const { return std::tie(axis, system, item, reviewer); }
};

// A stable per-cell stream: FNV-1a of the cell's names mixed into the study seed (splitmix64),
// so a cell's CI or p-value does not depend on which other systems or axes the study has.
uint64_t cell_seed(uint64_t seed, std::initializer_list<std::string_view> parts) {
  uint64_t h = 1469598103934665603ULL;
  for (const auto part : parts) {
    for (const unsigned char c : part) h = (h ^ c) * 1099511628211ULL;
    h = (h ^ 0x1fU) * 1099511628211ULL;
  }
  uint64_t z = seed + h + 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

[[noreturn]] void throw_duplicate(const IndexedRating& r, const NameIndex& axes, const NameIndex& systems,
                                  const NameIndex& items, const NameIndex& reviewers) {
  throw std::invalid_argument("reviewer '" + reviewers.names()[r.reviewer] + "' has two scores for item '" +
                              items.names()[r.item] + "'" +
                              (systems.names()[r.system].empty() ? "" : ", system '" + systems.names()[r.system] + "'") +
                              ", axis '" + axes.names()[r.axis] + "'");
}

HarmfulFlagAgreement analyse_flags(const std::vector<HarmfulFlag>& flags) {
  HarmfulFlagAgreement out;
  // answer -> reviewer -> decision, to catch a reviewer deciding twice.
  std::unordered_map<std::string, std::unordered_map<std::string, bool>> decisions;
  for (const auto& flag : flags) {
    const std::string answer = flag.item + '\x1f' + flag.system;
    if (!decisions[answer].emplace(flag.reviewer, flag.harmful).second)
      throw std::invalid_argument("reviewer '" + flag.reviewer + "' has two harmful-flag decisions for item '" +
                                  flag.item + "'" + (flag.system.empty() ? "" : ", system '" + flag.system + "'"));
  }
  std::vector<std::vector<int>> counts;  // per answer: {not harmful, harmful}
  counts.reserve(decisions.size());
  for (const auto& [answer, by_reviewer] : decisions) {
    std::vector<int> row{0, 0};
    for (const auto& [reviewer, harmful] : by_reviewer) ++row[harmful ? 1 : 0];
    out.flags += row[1];
    out.answers_flagged += row[1] > 0 ? 1 : 0;
    counts.push_back(std::move(row));
  }
  out.answers_rated = static_cast<int>(counts.size());
  const auto common = subjects_with_common_rater_count(counts);
  out.kappa_units = static_cast<int>(common.counts.size());
  out.raters_per_unit = common.raters_per_subject;
  out.fleiss_kappa = common.counts.empty() ? kNaN : fleiss_kappa(common.counts);
  return out;
}

}  // namespace

const SystemAxisSummary* StudyAnalysis::find_summary(const std::string& system, const std::string& axis) const {
  for (const auto& s : summaries)
    if (s.system == system && s.axis == axis) return &s;
  return nullptr;
}

const AxisAgreement* StudyAnalysis::find_agreement(const std::string& axis) const {
  for (const auto& a : agreement)
    if (a.axis == axis) return &a;
  return nullptr;
}

StudyAnalysis analyse_scores(const ScoreTable& scores, const AnalysisOptions& options) {
  if (options.bootstrap_resamples < 1) throw std::invalid_argument("bootstrap_resamples must be at least 1");
  if (options.permutations < 1) throw std::invalid_argument("permutations must be at least 1");
  NameIndex axes, systems, items, reviewers;
  for (const auto& r : scores.ratings) {
    axes.add(r.axis);
    systems.add(r.system);
    items.add(r.item);
    reviewers.add(r.reviewer);
  }
  for (const auto& f : scores.flags) {
    systems.add(f.system);
    reviewers.add(f.reviewer);
  }
  axes.finalise(options.axis_order);
  systems.finalise();
  items.finalise();
  reviewers.finalise();

  StudyAnalysis out;
  out.systems = systems.names();
  out.axes = axes.names();
  out.reviewers = reviewers.names();
  out.bootstrap_resamples = options.bootstrap_resamples;
  out.permutations = options.permutations;
  out.seed = options.seed;

  std::vector<IndexedRating> rows;
  rows.reserve(scores.ratings.size());
  std::vector<char> item_scored(static_cast<size_t>(items.size()), 0);
  for (const auto& r : scores.ratings) {
    rows.push_back({axes.at(r.axis), systems.at(r.system), items.at(r.item), reviewers.at(r.reviewer),
                    r.score.value_or(0.0), r.score.has_value()});
    if (r.score) item_scored[static_cast<size_t>(rows.back().item)] = 1;
  }
  out.items = static_cast<int>(std::count(item_scored.begin(), item_scored.end(), 1));
  std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.key() < y.key(); });
  for (size_t i = 1; i < rows.size(); ++i)
    if (rows[i].key() == rows[i - 1].key()) throw_duplicate(rows[i], axes, systems, items, reviewers);

  const int n_systems = systems.size(), n_items = items.size(), n_reviewers = reviewers.size();
  // Per axis, reused: each system's per-item reviewer mean (NaN = not scored), for the pairs.
  std::vector<std::vector<double>> item_means(static_cast<size_t>(n_systems));
  size_t row = 0;
  for (int axis = 0; axis < axes.size(); ++axis) {
    const std::string& axis_name = axes.names()[axis];
    AxisAgreement agreement;
    agreement.axis = axis_name;
    ReliabilityData units;
    std::vector<char> rates_axis(static_cast<size_t>(n_reviewers), 0);
    for (int system = 0; system < n_systems; ++system) {
      SystemAxisSummary summary;
      summary.system = systems.names()[system];
      summary.axis = axis_name;
      std::vector<double> values;
      std::vector<ClusterTotals> clusters;
      auto& means = item_means[static_cast<size_t>(system)];
      means.assign(static_cast<size_t>(n_items), kNaN);
      while (row < rows.size() && rows[row].axis == axis && rows[row].system == system) {
        const int item = rows[row].item;
        std::vector<std::optional<double>> unit(static_cast<size_t>(n_reviewers));
        ClusterTotals cluster;
        for (; row < rows.size() && rows[row].axis == axis && rows[row].system == system && rows[row].item == item;
             ++row) {
          if (!rows[row].has_score) continue;
          unit[static_cast<size_t>(rows[row].reviewer)] = rows[row].score;
          rates_axis[static_cast<size_t>(rows[row].reviewer)] = 1;
          values.push_back(rows[row].score);
          cluster.sum += rows[row].score;
          ++cluster.count;
        }
        if (cluster.count == 0) continue;
        clusters.push_back(cluster);
        means[static_cast<size_t>(item)] = cluster.sum / cluster.count;
        units.push_back(std::move(unit));
      }
      summary.n_ratings = static_cast<int>(values.size());
      summary.n_items = static_cast<int>(clusters.size());
      summary.mean = mean_of(values);
      summary.median = median_of(values);
      summary.distribution = integer_distribution(values);
      const auto ci = clustered_bootstrap_mean_ci(clusters, options.bootstrap_resamples,
                                                  cell_seed(options.seed, {"bootstrap", summary.system, axis_name}));
      summary.ci_low = ci.low;
      summary.ci_high = ci.high;
      out.summaries.push_back(std::move(summary));
    }

    // Agreement: raters are the reviewers who scored this axis at all.
    std::vector<int> raters;
    for (int r = 0; r < n_reviewers; ++r)
      if (rates_axis[static_cast<size_t>(r)]) raters.push_back(r);
    ReliabilityData compact;
    compact.reserve(units.size());
    std::vector<std::vector<double>> complete_rows;
    for (const auto& unit : units) {
      std::vector<std::optional<double>> values;
      values.reserve(raters.size());
      bool complete = true;
      for (int r : raters) {
        values.push_back(unit[static_cast<size_t>(r)]);
        complete = complete && values.back().has_value();
      }
      if (complete && raters.size() >= 2) {
        std::vector<double> full;
        full.reserve(values.size());
        for (const auto& v : values) full.push_back(*v);
        complete_rows.push_back(std::move(full));
      }
      compact.push_back(std::move(values));
    }
    agreement.units = static_cast<int>(compact.size());
    agreement.pairable_units = pairable_unit_count(compact);
    agreement.raters = static_cast<int>(raters.size());
    agreement.krippendorff_alpha_ordinal = krippendorff_alpha(compact, AlphaMetric::ordinal);
    agreement.krippendorff_alpha_interval = krippendorff_alpha(compact, AlphaMetric::interval);
    agreement.icc_units = static_cast<int>(complete_rows.size());
    if (complete_rows.empty()) {
      agreement.icc2_1 = agreement.icc2_k = kNaN;
    } else {
      const auto icc = icc_two_way_random(complete_rows);
      agreement.icc2_1 = icc.icc2_1;
      agreement.icc2_k = icc.icc2_k;
    }
    out.agreement.push_back(std::move(agreement));

    for (int a = 0; a < n_systems; ++a)
      for (int b = a + 1; b < n_systems; ++b) {
        std::vector<double> side_a, side_b;
        for (int item = 0; item < n_items; ++item) {
          const double x = item_means[static_cast<size_t>(a)][static_cast<size_t>(item)];
          const double y = item_means[static_cast<size_t>(b)][static_cast<size_t>(item)];
          if (std::isnan(x) || std::isnan(y)) continue;
          side_a.push_back(x);
          side_b.push_back(y);
        }
        SystemPairComparison pair;
        pair.axis = axis_name;
        pair.system_a = systems.names()[a];
        pair.system_b = systems.names()[b];
        pair.comparison = compare_paired(side_a, side_b, options.permutations,
                                         cell_seed(options.seed, {"pair", pair.system_a, pair.system_b, axis_name}));
        out.comparisons.push_back(std::move(pair));
      }
  }
  out.harmful = analyse_flags(scores.flags);
  return out;
}

}  // namespace medlora::review
