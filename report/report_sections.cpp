#include "report/report_sections.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

namespace medlora::report::sections {
namespace {

constexpr int kMaxExclusionRows = 50;  // a long list of skips says no more than its count

// Formats values as HTML and remembers whether it printed an undefined one, so that a section adds the
// "— means not defined" note only where it is needed.
class Cells {
 public:
  explicit Cells(Language language) : language_(language) {}
  QString number(double value, int decimals) { return track(format_number(value, decimals)); }
  QString signed_number(double value, int decimals) { return track(format_signed(value, decimals)); }
  QString p_value(double p) { return track(format_p_value(p)); }
  QString interval(double low, double high, int decimals) { return track(format_interval(low, high, decimals)); }
  // The note paragraph when something was undefined, else nothing.
  QString note() const {
    return undefined_seen_ ? "<p class=\"note\"><small>" + text(language_, "undefined_note").toHtmlEscaped() + "</small></p>\n"
                           : QString();
  }

 private:
  QString track(const QString& value) {
    if (value == undefined_value()) undefined_seen_ = true;
    return value.toHtmlEscaped();  // "< 0.001"
  }
  Language language_;
  bool undefined_seen_ = false;
};

QString table_start() {
  return "<table class=\"data\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\" "
         "style=\"border-collapse: collapse;\">\n";
}

// A <thead> row: a PDF repeats it on every page the table continues on. `widths` (percent, 0 =
// automatic) keep text columns from being squeezed by many narrow number columns.
QString header_row(const QStringList& headers, const std::vector<int>& widths = {}) {
  QString row = "<thead><tr>";
  for (int i = 0; i < headers.size(); ++i) {
    const int width = static_cast<size_t>(i) < widths.size() ? widths[static_cast<size_t>(i)] : 0;
    row += "<th bgcolor=\"#e8edf3\" align=\"left\"" + (width > 0 ? " width=\"" + QString::number(width) + "%\"" : QString()) +
           ">" + headers[i].toHtmlEscaped() + "</th>";
  }
  return row + "</tr></thead>\n";
}

// Cells are HTML already; `numeric` columns are right-aligned.
QString data_row(const QStringList& cells, const std::vector<bool>& numeric = {}) {
  QString row = "<tr>";
  for (int i = 0; i < cells.size(); ++i) {
    const bool right = static_cast<size_t>(i) < numeric.size() && numeric[static_cast<size_t>(i)];
    row += right ? "<td align=\"right\">" + cells[i] + "</td>" : "<td>" + cells[i] + "</td>";
  }
  return row + "</tr>\n";
}

QString key_value_row(const QString& key, const QString& value_html) {
  return "<tr><th bgcolor=\"#e8edf3\" align=\"left\" width=\"32%\">" + key.toHtmlEscaped() + "</th><td>" +
         value_html + "</td></tr>\n";
}

QString paragraph(const QString& text_html) { return "<p>" + text_html + "</p>\n"; }

QString axis_cell(Language language, const std::string& axis) { return axis_label(language, axis).toHtmlEscaped(); }

QString system_cell(const std::string& system) { return escape(system); }

// A reviewer's own score: whole numbers as such, anything else (a CSV's own scale) to 2 places.
QString score_text(double score) {
  return format_number(score, std::floor(score) == score ? 0 : kScoreDecimals);
}

}  // namespace

QString escape(const std::string& text) {
  QString out = QString::fromStdString(text).toHtmlEscaped();
  out.replace("\r\n", "\n");
  out.replace('\n', "<br/>");
  return out;
}

QString heading(int level, const QString& text) {
  const QString tag = "h" + QString::number(level);
  return "<" + tag + ">" + text + "</" + tag + ">\n";
}

QString design_section(const review::StudyReportData& data, const review::StudyAnalysis& analysis, Language language) {
  const auto& d = data.design;
  const auto t = [language](const char* id) { return text(language, id); };
  QString html = heading(2, t("section_design").toHtmlEscaped());
  html += "<table class=\"keys\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\" "
          "style=\"border-collapse: collapse;\">\n";
  html += key_value_row(t("study"), escape(d.name));
  html += key_value_row(t("created_at"), escape(d.created_at));
  html += key_value_row(t("closed_at"), d.closed_at.empty() ? t("not_closed").toHtmlEscaped() : escape(d.closed_at));
  QStringList reviewers;
  for (const auto& r : d.reviewers) reviewers << escape(r);
  html += key_value_row(t("reviewers"), QString::number(d.reviewers.size()) + (reviewers.isEmpty() ? "" : ": " + reviewers.join(", ")));
  html += key_value_row(t("reviewers_per_answer"), QString::number(d.reviewers_per_answer));
  html += key_value_row(t("questions"), QString::number(d.questions));
  html += key_value_row(t("answers"), QString::number(d.answers));
  html += key_value_row(t("assignments"), QString::number(d.assignments));
  const double share = d.assignments > 0 ? 100.0 * d.submitted / d.assignments : std::nan("");
  html += key_value_row(t("submitted"), t("submitted_value")
                                            .arg(d.submitted)
                                            .arg(d.assignments)
                                            .arg(format_number(share, 1))
                                            .toHtmlEscaped());
  html += key_value_row(t("order_seed"), QString::number(d.order_seed));
  html += key_value_row(t("analysis_settings"), t("analysis_settings_value")
                                                    .arg(analysis.bootstrap_resamples)
                                                    .arg(analysis.permutations)
                                                    .arg(QString::number(analysis.seed))
                                                    .toHtmlEscaped());
  html += "</table>\n";

  html += heading(3, t("systems").toHtmlEscaped());
  html += table_start() + header_row({t("system_code"), t("system_name")});
  for (const auto& s : d.systems)
    html += data_row({escape(s.code), s.name.empty() ? "<i>" + t("system_name_hidden").toHtmlEscaped() + "</i>" : escape(s.name)});
  html += "</table>\n";

  html += heading(3, t("blinding").toHtmlEscaped()) + paragraph(t("blinding_text").toHtmlEscaped());

  html += heading(3, t("exclusions").toHtmlEscaped());
  if (d.exclusions.empty()) return html + paragraph(t("exclusions_none").toHtmlEscaped());
  html += paragraph(t("exclusions_count").arg(d.exclusions.size()).toHtmlEscaped());
  html += table_start() + header_row({t("question"), t("system_name"), t("reviewer"), t("reason")});
  const size_t shown = std::min<size_t>(d.exclusions.size(), kMaxExclusionRows);
  for (size_t i = 0; i < shown; ++i) {
    const auto& e = d.exclusions[i];
    const QString reason = e.unscored ? t("exclusion_unscored") : t("exclusion_skipped").arg(QString::fromStdString(e.reason));
    html += data_row({escape(e.item), system_cell(e.system), escape(e.reviewer), reason.toHtmlEscaped()});
  }
  html += "</table>\n";
  if (shown < d.exclusions.size())
    html += paragraph(t("exclusions_more").arg(d.exclusions.size() - shown).toHtmlEscaped());
  return html;
}

QString summary_section(const review::StudyAnalysis& analysis, Language language) {
  const auto t = [language](const char* id) { return text(language, id); };
  Cells cells(language);
  QString html = heading(2, t("section_summary").toHtmlEscaped()) + paragraph(t("summary_intro").toHtmlEscaped());
  html += table_start() +
          header_row({t("system_name"), t("axis"), t("mean"), t("median"), t("ci95"), t("n_ratings"), t("n_questions")},
                     {22, 20});
  for (const auto& system : analysis.systems) {
    std::vector<const review::SystemAxisSummary*> rows;
    for (const auto& axis : analysis.axes)
      if (const auto* s = analysis.find_summary(system, axis)) rows.push_back(s);
    for (const auto* s : rows) {
      const std::string& axis = s->axis;
      // The system's name spans its axis rows, so each system reads as one block.
      QString row = "<tr>";
      if (s == rows.front())
        row += "<td rowspan=\"" + QString::number(rows.size()) + "\"><b>" + system_cell(system) + "</b></td>";
      row += "<td>" + axis_cell(language, axis) + "</td>";
      for (const QString& value : {cells.number(s->mean, kScoreDecimals), cells.number(s->median, kScoreDecimals),
                                   cells.interval(s->ci_low, s->ci_high, kScoreDecimals), QString::number(s->n_ratings),
                                   QString::number(s->n_items)})
        row += "<td align=\"right\">" + value + "</td>";
      html += row + "</tr>\n";
    }
  }
  return html + "</table>\n" + cells.note();
}

QString agreement_section(const review::StudyAnalysis& analysis, Language language) {
  const auto t = [language](const char* id) { return text(language, id); };
  Cells cells(language);
  QString html = heading(2, t("section_agreement").toHtmlEscaped()) + paragraph(t("agreement_intro").toHtmlEscaped());
  html += table_start() + header_row({t("axis"), t("alpha_ordinal"), t("alpha_interval"), t("icc2_1"), t("icc2_k"),
                                      t("units"), t("icc_units"), t("raters")},
                                     {20});
  const std::vector<bool> numeric{false, true, true, true, true, true, true, true};
  for (const auto& a : analysis.agreement)
    html += data_row({axis_cell(language, a.axis), cells.number(a.krippendorff_alpha_ordinal, kAgreementDecimals),
                      cells.number(a.krippendorff_alpha_interval, kAgreementDecimals),
                      cells.number(a.icc2_1, kAgreementDecimals), cells.number(a.icc2_k, kAgreementDecimals),
                      QString::number(a.units), QString::number(a.icc_units), QString::number(a.raters)},
                     numeric);
  html += "</table>\n";
  const auto& h = analysis.harmful;
  html += heading(3, t("harmful_agreement").toHtmlEscaped());
  html += paragraph(t("harmful_agreement_value")
                        .arg(cells.number(h.fleiss_kappa, kAgreementDecimals))
                        .arg(h.kappa_units)
                        .arg(h.raters_per_unit)
                        .arg(h.answers_flagged)
                        .arg(h.answers_rated)
                        .arg(h.flags)
                        .toHtmlEscaped());
  html += paragraph("<small>" + t("agreement_guide").toHtmlEscaped() + "</small>");
  return html + cells.note();
}

QString comparisons_section(const review::StudyAnalysis& analysis, Language language) {
  const auto t = [language](const char* id) { return text(language, id); };
  QString html = heading(2, t("section_comparisons").toHtmlEscaped());
  if (analysis.comparisons.empty()) return html + paragraph(t("comparisons_none").toHtmlEscaped());
  Cells cells(language);
  html += paragraph(t("comparisons_intro").toHtmlEscaped());
  html += table_start() + header_row({t("axis"), t("system_a"), t("system_b"), t("n_pairs"), t("wins"), t("ties"),
                                      t("losses"), t("mean_difference"), t("wilcoxon_p"), t("permutation_p")});
  for (const auto& axis : analysis.axes) {
    std::vector<const review::SystemPairComparison*> pairs;
    for (const auto& pair : analysis.comparisons)
      if (pair.axis == axis) pairs.push_back(&pair);
    for (size_t i = 0; i < pairs.size(); ++i) {
      const auto& c = pairs[i]->comparison;
      QString row = "<tr>";
      // The axis spans its pairs' rows, so each axis reads as one block.
      if (i == 0) row += "<td rowspan=\"" + QString::number(pairs.size()) + "\"><b>" + axis_cell(language, axis) + "</b></td>";
      row += "<td>" + system_cell(pairs[i]->system_a) + "</td><td>" + system_cell(pairs[i]->system_b) + "</td>";
      for (const QString& value : {QString::number(c.n_pairs), QString::number(c.wins), QString::number(c.ties),
                                   QString::number(c.losses), cells.signed_number(c.mean_difference, kScoreDecimals),
                                   cells.p_value(c.wilcoxon_p), cells.p_value(c.permutation_p)})
        row += "<td align=\"right\">" + value + "</td>";
      html += row + "</tr>\n";
    }
  }
  return html + "</table>\n" + cells.note();
}

QString flagged_section(const review::StudyReportData& data, const review::StudyAnalysis& analysis, Language language) {
  const auto t = [language](const char* id) { return text(language, id); };
  QString html = heading(2, t("section_flagged").toHtmlEscaped());
  if (data.flagged.empty()) return html + paragraph(t("flagged_none").toHtmlEscaped());
  html += paragraph(t("flagged_intro").toHtmlEscaped());
  int number = 0;
  for (const auto& f : data.flagged) {
    // The analysis's axes first, then any other axis a reviewer scored, so no score is hidden.
    std::vector<std::string> axes = analysis.axes;
    std::set<std::string> extra;
    for (const auto& r : f.reviews)
      for (const auto& [axis, score] : r.scores)
        if (std::find(axes.begin(), axes.end(), axis) == axes.end()) extra.insert(axis);
    axes.insert(axes.end(), extra.begin(), extra.end());

    html += heading(3, QString::number(++number) + ". " + escape(f.item) + " · " + system_cell(f.system));
    html += "<table class=\"keys\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\" "
            "style=\"border-collapse: collapse;\">\n";
    html += key_value_row(t("question"), escape(f.question));
    html += key_value_row(t("system_name"), system_cell(f.system));
    html += key_value_row(t("answer"), escape(f.answer));
    html += "</table>\n<br/>\n";

    QStringList headers{t("reviewer")};
    std::vector<bool> numeric{false};
    for (const auto& axis : axes) {
      headers << axis_label(language, axis);
      numeric.push_back(true);
    }
    headers << t("harmful") << t("severity") << t("comment");
    numeric.insert(numeric.end(), {false, false, false});
    std::vector<int> widths(static_cast<size_t>(headers.size()), 0);
    widths.front() = 14;
    widths.back() = 30;
    html += table_start() + header_row(headers, widths);
    for (const auto& r : f.reviews) {
      QStringList row{escape(r.reviewer)};
      for (const auto& axis : axes) {
        const auto it = r.scores.find(axis);
        row << (it == r.scores.end() || !it->second ? QString() : score_text(*it->second));  // blank: not scored
      }
      row << (r.harmful ? "<b>" + t("yes").toHtmlEscaped() + "</b>" : t("no").toHtmlEscaped());
      row << (r.harmful ? severity_label(language, r.severity).toHtmlEscaped() : QString());
      row << escape(r.comment);
      html += data_row(row, numeric);
    }
    html += "</table>\n";
  }
  return html;
}

}  // namespace medlora::report::sections
