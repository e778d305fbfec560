// medlora review report: a study's evaluation report for the lead, as PDF or HTML (charts and
// tables, in English or Chinese), CSV (raw scores, one row per reviewer x answer x axis) or JSON
// (the study design and the full statistics). Signs in with --as NAME and $MEDLORA_LEAD_PASSWORD
// (or a no-echo prompt). PDF and HTML need the report renderer (a build with the GUI libraries)
// and a QApplication, which main() creates for this sub-command.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "app/cli/cli_command.h"
#include "app/cli/review_cli.h"
#include "app/cli/review_cli_session.h"
#include "core/io/atomic_file.h"
#include "core/review/score_csv.h"
#include "core/review/study_analysis.h"
#include "core/review/study_report_data.h"
#include "core/store/review_study_repository.h"
#include "core/store/review_types.h"
#include "core/store/workspace.h"

#ifdef MEDLORA_WITH_REPORT_RENDERER
#include <QApplication>

#include "report/report_text.h"
#include "report/report_writer.h"
#endif

namespace medlora::cli {
namespace {

// medlora::cli::review is the sign-in helpers' namespace; core's review types go by this name.
namespace stats = ::medlora::review;

QString qs(const std::string& text) { return QString::fromStdString(text); }

QJsonObject design_json(const stats::StudyDesign& d) {
  QJsonArray systems, reviewers, exclusions;
  for (const auto& s : d.systems) systems.append(QJsonObject{{"code", qs(s.code)}, {"name", qs(s.name)}});
  for (const auto& r : d.reviewers) reviewers.append(qs(r));
  for (const auto& e : d.exclusions)
    exclusions.append(QJsonObject{
        {"item", qs(e.item)}, {"system", qs(e.system)}, {"reviewer", qs(e.reviewer)},
        {"reason", e.unscored ? QStringLiteral("not submitted before the study was closed") : qs(e.reason)},
        {"kind", e.unscored ? "unscored" : "skipped"}});
  return {{"name", qs(d.name)},
          {"created_at", qs(d.created_at)},
          {"closed_at", qs(d.closed_at)},
          {"systems", systems},
          {"reviewers", reviewers},
          {"reviewers_per_answer", d.reviewers_per_answer},
          {"questions", d.questions},
          {"answers", d.answers},
          {"assignments", d.assignments},
          {"submitted", d.submitted},
          // A string: JSON numbers lose integers above 2^53.
          {"order_seed", QString::number(d.order_seed)},
          {"exclusions", exclusions}};
}

// The JSON summary: {"study": design, "flagged_answers": N, then the analysis's own fields}.
std::string summary_json(const stats::StudyReportData& data, const stats::StudyAnalysis& analysis) {
  QJsonParseError error{};
  QJsonObject object = QJsonDocument::fromJson(QByteArray::fromStdString(stats::analysis_to_json(analysis)), &error).object();
  if (error.error != QJsonParseError::NoError) throw std::runtime_error("the analysis JSON is malformed: " + error.errorString().toStdString());
  object.insert("study", design_json(data.design));
  object.insert("flagged_answers", static_cast<int>(data.flagged.size()));
  return QJsonDocument(object).toJson(QJsonDocument::Indented).toStdString();
}


uint64_t seed_option(const QCommandLineParser& parser) {
  if (!parser.isSet("seed")) return stats::AnalysisOptions{}.seed;
  bool ok = false;
  const qulonglong seed = parser.value("seed").toULongLong(&ok);
  if (!ok) throw std::invalid_argument("--seed expects a non-negative integer");
  return seed;
}

// Refuses pdf/html before touching the workspace when this process cannot draw them.
void check_renderer(const QString& format) {
  if (format != "pdf" && format != "html") return;
#ifdef MEDLORA_WITH_REPORT_RENDERER
  if (!qobject_cast<QApplication*>(QCoreApplication::instance()))
    throw std::runtime_error("pdf and html reports need a QApplication (the charts are drawn with widgets); "
                             "run through `medlora review report`, or use csv or json");
#else
  throw std::invalid_argument("this build has no report renderer; use csv or json");
#endif
}

}  // namespace

int run_review_report(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Write a study's evaluation report: pdf or html (design, scores per system and axis with bootstrap CIs,\n"
      "charts, agreement, paired comparisons, flagged answers), csv (raw scores, one row per reviewer x answer\n"
      "x axis) or json (design and statistics). Systems are named once the study is closed (codes before).\n"
      "Signs in with --as NAME (a lead) and $MEDLORA_LEAD_PASSWORD, or a prompt.");
  review::add_session_options(parser, "The lead account you act as; its password comes from $MEDLORA_LEAD_PASSWORD or a prompt.");
  parser.addOptions({
      {"study", "Study id or name.", "ID|NAME"},
      {"format", "pdf, html, csv or json (default pdf).", "FORMAT", "pdf"},
      {"language", "Report language for pdf and html: en or zh (default en).", "LANG", "en"},
      {"out", "The file to write (replaced atomically when it exists).", "FILE"},
      {"seed", "Seed of the bootstrap and permutation tests (default 20261129).", "N"},
      {"resamples", "Bootstrap resamples for the confidence intervals (default 2000).", "N"},
      {"permutations", "Sign-flip permutations for the paired p-values (default 10000).", "N"},
  });
  if (const auto done = parse_arguments(parser, args, "review report")) return *done;
  return review::guarded("report", [&] {
    const QString format = parser.value("format");
    if (format != "pdf" && format != "html" && format != "csv" && format != "json")
      throw std::invalid_argument("--format must be pdf, html, csv or json, not '" + format.toStdString() + "'");
    const QString language = parser.value("language");
    if (language != "en" && language != "zh")
      throw std::invalid_argument("--language must be en or zh, not '" + language.toStdString() + "'");
    if (!parser.isSet("out")) throw std::invalid_argument("--out FILE is required");
    if (!parser.isSet("study")) throw std::invalid_argument("--study ID|NAME is required");
    stats::AnalysisOptions options;
    options.seed = seed_option(parser);
    options.bootstrap_resamples = review::positive_option(parser, "resamples", options.bootstrap_resamples);
    options.permutations = review::positive_option(parser, "permutations", options.permutations);
    options.axis_order.assign(store::kReviewAxes.begin(), store::kReviewAxes.end());
    check_renderer(format);

    auto workspace = review::open_workspace(parser, /*create_if_missing=*/false);
    const auto lead = review::sign_in(parser, *workspace, review::kLeadPasswordVariable);
    const int64_t study_id = store::resolve_study(*workspace, parser.value("study").toStdString());
    const stats::StudyReportData data = store::ReviewStudyRepository(*workspace).report_data(lead, study_id);
    if (data.design.closed_at.empty())
      std::fprintf(stderr, "medlora review report: the study is still open: systems are shown by code\n");

    const std::string out = parser.value("out").toStdString();
    QJsonObject result{{"study", qs(data.design.name)}, {"format", format}, {"path", qs(out)},
                       {"ratings", static_cast<int>(data.scores.ratings.size())}};
    if (format == "csv") {
      stats::write_raw_scores_csv(out, data.scores, data.comments);
    } else {
      if (data.scores.ratings.empty()) throw std::runtime_error("the study has no submitted scores yet: nothing to analyse");
      const stats::StudyAnalysis analysis = stats::analyse_scores(data.scores, options);
      result.insert("systems", static_cast<int>(analysis.systems.size()));
      result.insert("flagged_answers", static_cast<int>(data.flagged.size()));
      if (format == "json") {
        io::write_file_atomically(out, summary_json(data, analysis));
      } else {
#ifdef MEDLORA_WITH_REPORT_RENDERER
        report::ReportOptions report_options;
        report_options.format = report::parse_report_format(format.toStdString());
        report_options.language = report::parse_language(language.toStdString());
        report_options.path = out;
        report::write_report(data, analysis, report_options);
#endif
      }
    }
    review::print_result(parser, result);
    return 0;
  });
}

}  // namespace medlora::cli
