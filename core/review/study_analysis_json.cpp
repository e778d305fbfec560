// analysis_to_json: the JSON summary of a study's statistics (the report's JSON and the GUI's
// export). NaN and infinities become null, since JSON has no number for them.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <cmath>
#include <string>

#include "core/review/study_analysis.h"

namespace medlora::review {
namespace {

QJsonValue number(double value) { return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null); }

QString text(const std::string& s) { return QString::fromStdString(s); }

QJsonArray names(const std::vector<std::string>& list) {
  QJsonArray out;
  for (const auto& name : list) out.append(text(name));
  return out;
}

QJsonObject summary_json(const SystemAxisSummary& s) {
  QJsonObject distribution;
  for (const auto& [score, count] : s.distribution) distribution[QString::number(score)] = count;
  return {{"system", text(s.system)}, {"axis", text(s.axis)},        {"n_ratings", s.n_ratings},
          {"n_items", s.n_items},     {"mean", number(s.mean)},      {"median", number(s.median)},
          {"distribution", distribution}, {"ci_low", number(s.ci_low)}, {"ci_high", number(s.ci_high)}};
}

QJsonObject agreement_json(const AxisAgreement& a) {
  return {{"axis", text(a.axis)},
          {"units", a.units},
          {"pairable_units", a.pairable_units},
          {"raters", a.raters},
          {"krippendorff_alpha_ordinal", number(a.krippendorff_alpha_ordinal)},
          {"krippendorff_alpha_interval", number(a.krippendorff_alpha_interval)},
          {"icc2_1", number(a.icc2_1)},
          {"icc2_k", number(a.icc2_k)},
          {"icc_units", a.icc_units}};
}

QJsonObject comparison_json(const SystemPairComparison& pair) {
  const auto& c = pair.comparison;
  return {{"axis", text(pair.axis)},
          {"system_a", text(pair.system_a)},
          {"system_b", text(pair.system_b)},
          {"n_pairs", c.n_pairs},
          {"wins", c.wins},
          {"ties", c.ties},
          {"losses", c.losses},
          {"mean_difference", number(c.mean_difference)},
          {"wilcoxon_w_plus", number(c.wilcoxon_w_plus)},
          {"wilcoxon_n", c.wilcoxon_n},
          {"wilcoxon_exact", c.wilcoxon_exact},
          {"wilcoxon_p", number(c.wilcoxon_p)},
          {"permutation_p", number(c.permutation_p)},
          {"permutations", c.permutations},
          {"permutation_exact", c.permutation_exact}};
}

}  // namespace

std::string analysis_to_json(const StudyAnalysis& analysis) {
  QJsonArray summaries, agreement, comparisons;
  for (const auto& s : analysis.summaries) summaries.append(summary_json(s));
  for (const auto& a : analysis.agreement) agreement.append(agreement_json(a));
  for (const auto& c : analysis.comparisons) comparisons.append(comparison_json(c));
  const auto& h = analysis.harmful;
  const QJsonObject harmful{{"answers_rated", h.answers_rated},     {"answers_flagged", h.answers_flagged},
                            {"flags", h.flags},                     {"fleiss_kappa", number(h.fleiss_kappa)},
                            {"kappa_units", h.kappa_units},         {"raters_per_unit", h.raters_per_unit}};
  // A JSON number holds integers exactly only up to 2^53; a larger seed is written as a string.
  const QJsonValue seed = analysis.seed <= (uint64_t{1} << 53) ? QJsonValue(static_cast<qint64>(analysis.seed))
                                                               : QJsonValue(QString::number(analysis.seed));
  const QJsonObject options{{"bootstrap_resamples", analysis.bootstrap_resamples},
                            {"permutations", analysis.permutations},
                            {"seed", seed},
                            {"confidence_level", 0.95}};
  const QJsonObject root{{"systems", names(analysis.systems)},
                         {"axes", names(analysis.axes)},
                         {"reviewers", names(analysis.reviewers)},
                         {"items", analysis.items},
                         {"options", options},
                         {"summaries", summaries},
                         {"agreement", agreement},
                         {"comparisons", comparisons},
                         {"harmful", harmful}};
  return QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
}

}  // namespace medlora::review
