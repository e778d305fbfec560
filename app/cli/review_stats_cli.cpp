// medlora review stats: the study statistics on any scores CSV (item,reviewer,axis,score and
// optionally system, harmful, severity, comment), without a workspace.
#include <QCommandLineParser>
#include <QJsonObject>
#include <QJsonValue>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "core/io/json_util.h"
#include "app/cli/cli_command.h"
#include "app/cli/review_cli.h"
#include "core/review/score_csv.h"
#include "core/review/study_analysis.h"

namespace medlora::cli {
namespace {

const QString kName = "review stats";

struct AxisOverview {
  std::set<std::string> items;  // items with at least one score on the axis
  double sum = 0.0;
  int count = 0;
};

std::map<std::string, AxisOverview> overview_by_axis(const review::ScoreTable& table) {
  std::map<std::string, AxisOverview> out;
  for (const auto& r : table.ratings) {
    auto& axis = out[r.axis];
    if (!r.score) continue;
    axis.items.insert(r.item);
    axis.sum += *r.score;
    ++axis.count;
  }
  return out;
}

double overview_mean(const AxisOverview& o) {
  return o.count > 0 ? o.sum / o.count : std::numeric_limits<double>::quiet_NaN();
}

QJsonValue json_number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }

// "  0.815" or "    n/a": undefined statistics (no variation, too few units) print as n/a.
std::string cell(double v, int width = 8, int decimals = 3) {
  if (!std::isfinite(v)) return std::string(static_cast<size_t>(width - 3), ' ') + "n/a";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%*.*f", width, decimals, v);
  return buffer;
}

void print_json(const review::StudyAnalysis& analysis, const std::map<std::string, AxisOverview>& overview) {
  QJsonObject axes;
  for (const auto& agreement : analysis.agreement) {
    const auto& o = overview.at(agreement.axis);
    axes[QString::fromStdString(agreement.axis)] = QJsonObject{
        {"n_items", static_cast<int>(o.items.size())},
        {"mean", json_number(overview_mean(o))},
        {"krippendorff_alpha_ordinal", json_number(agreement.krippendorff_alpha_ordinal)},
        {"krippendorff_alpha_interval", json_number(agreement.krippendorff_alpha_interval)},
        {"icc2_1", json_number(agreement.icc2_1)},
        {"icc2_k", json_number(agreement.icc2_k)}};
  }
  io::json::write_line(QJsonObject{{"axes", axes}});
}

void print_table(const review::StudyAnalysis& analysis, const std::map<std::string, AxisOverview>& overview) {
  std::printf("%d items, %zu reviewers, %zu system(s); bootstrap %d resamples by item, seed %llu\n\n",
              analysis.items, analysis.reviewers.size(), analysis.systems.size(), analysis.bootstrap_resamples,
              static_cast<unsigned long long>(analysis.seed));
  std::printf("%-16s %7s %8s %8s %8s %8s %8s %9s\n", "axis", "items", "mean", "alpha-o", "alpha-i", "ICC2,1",
              "ICC2,k", "ICC units");
  for (const auto& a : analysis.agreement) {
    const auto& o = overview.at(a.axis);
    std::printf("%-16s %7zu %s %s %s %s %s %9d\n", a.axis.c_str(), o.items.size(), cell(overview_mean(o)).c_str(),
                cell(a.krippendorff_alpha_ordinal).c_str(), cell(a.krippendorff_alpha_interval).c_str(),
                cell(a.icc2_1).c_str(), cell(a.icc2_k).c_str(), a.icc_units);
  }
  std::printf("\n%-16s %-16s %7s %8s %8s %19s\n", "system", "axis", "ratings", "mean", "median", "95% CI (by item)");
  for (const auto& s : analysis.summaries)
    std::printf("%-16s %-16s %7d %s %s   [%s, %s]\n", s.system.empty() ? "-" : s.system.c_str(), s.axis.c_str(),
                s.n_ratings, cell(s.mean).c_str(), cell(s.median, 8, 2).c_str(), cell(s.ci_low, 7).c_str(),
                cell(s.ci_high, 7).c_str());
  if (!analysis.comparisons.empty()) {
    std::printf("\n%-27s %-16s %5s %5s %5s %10s %10s\n", "A vs B", "axis", "win", "tie", "loss", "Wilcoxon p",
                "perm. p");
    for (const auto& c : analysis.comparisons) {
      const std::string pair = c.system_a + " vs " + c.system_b;
      std::printf("%-27s %-16s %5d %5d %5d %s %s\n", pair.c_str(), c.axis.c_str(), c.comparison.wins,
                  c.comparison.ties, c.comparison.losses, cell(c.comparison.wilcoxon_p, 10, 4).c_str(),
                  cell(c.comparison.permutation_p, 10, 4).c_str());
    }
  }
  const auto& h = analysis.harmful;
  if (h.answers_rated > 0)
    std::printf("\nharmful flag: %d of %d answers flagged by at least one reviewer; Fleiss' kappa %s "
                "(%d answers with %d decisions each)\n",
                h.answers_flagged, h.answers_rated, cell(h.fleiss_kappa, 0).c_str(), h.kappa_units,
                h.raters_per_unit);
}

}  // namespace

int run_review_stats(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Summary and agreement statistics (Krippendorff's alpha, ICC(2,1), ICC(2,k), bootstrap CIs) for a CSV with "
      "the header item,reviewer,axis,score (a blank score is missing; optional columns: system, harmful, "
      "severity, comment).");
  parser.addHelpOption();
  parser.addOptions({
      {"scores", "The scores CSV.", "FILE"},
      {"json", "Print {\"axes\": {AXIS: {n_items, mean, krippendorff_alpha_ordinal, krippendorff_alpha_interval, "
               "icc2_1, icc2_k}}} instead of tables."},
      {"resamples", "Bootstrap resamples for the confidence intervals (default 2000).", "N", "2000"},
      {"seed", "Seed of the bootstrap and permutation tests (default 20261129).", "N", "20261129"},
  });
  if (const auto done = parse_arguments(parser, args, kName)) return *done;
  try {
    if (!parser.isSet("scores")) throw std::invalid_argument("--scores FILE.csv is required");
    review::AnalysisOptions options;
    bool ok = false;
    options.bootstrap_resamples = parser.value("resamples").toInt(&ok);
    if (!ok || options.bootstrap_resamples < 1) throw std::invalid_argument("--resamples expects a positive integer");
    options.seed = parser.value("seed").toULongLong(&ok);
    if (!ok) throw std::invalid_argument("--seed expects a non-negative integer");
    options.axis_order = {"accuracy", "safety", "completeness", "readability"};

    const auto content = review::read_score_csv(parser.value("scores").toStdString());
    const auto analysis = review::analyse_scores(content.table, options);
    const auto overview = overview_by_axis(content.table);
    if (parser.isSet("json")) print_json(analysis, overview);
    else print_table(analysis, overview);
    return 0;
  } catch (const std::exception& e) {
    return fail(kName, QString::fromUtf8(e.what()).replace('\n', "; "));
  }
}

}  // namespace medlora::cli
