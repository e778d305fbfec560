// The evaluation report renderer: a synthetic study (3 reviewers, 3 systems, 30 questions in
// Chinese and English, 2 flagged answers) analysed and written as HTML and PDF in English and
// Chinese. Checks that the HTML holds the tables with the analysis's values as formatted, that the
// PDF renders to pages with pdftoppm (not blank) with its text and chart images inside, that
// undefined values show as "—" with the note, and that a failed write leaves nothing behind.
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <system_error>

#include "core/review/study_analysis.h"
#include "core/review/study_report_data.h"
#include "report/report_document.h"
#include "report/report_text.h"
#include "report/report_writer.h"

using namespace medlora;

namespace {

const std::vector<std::string> kAxes = {"accuracy", "safety", "completeness", "readability"};
const std::vector<std::string> kReviewers = {"dr_chen", "Dr. Smith", "李医生"};
const std::vector<std::pair<std::string, std::string>> kSystems = {
    {"S2", "base"}, {"S1", "adapter:chronic"}, {"S3", "reference"}};

std::string question_text(int q) {
  return q % 2 == 0 ? "高血压患者第" + std::to_string(q) + "个问题：每天应该吃多少盐？"
                    : "Question " + std::to_string(q) + ": how often should a diabetic check their feet?";
}

// Scores that differ by system (so comparisons and CIs say something) and agree between
// reviewers more than by chance (a shared per-answer quality plus reviewer noise).
review::StudyReportData synthetic_study() {
  review::StudyReportData data;
  auto& d = data.design;
  d.name = "慢病问答 pilot study";
  d.created_at = "2026-11-20T08:00:00.000Z";
  d.closed_at = "2026-11-28T17:30:00.000Z";
  for (const auto& [code, name] : kSystems) d.systems.push_back({code, name});
  d.reviewers = kReviewers;
  d.questions = 30;
  d.answers = 90;
  d.assignments = 270;
  d.submitted = 269;
  d.order_seed = 424242;
  d.exclusions.push_back({"q7", "reference", "Dr. Smith", "答案被截断 (answer cut off)"});

  std::mt19937 rng(7);
  std::normal_distribution<double> noise(0.0, 0.7);
  for (int q = 0; q < 30; ++q) {
    for (size_t s = 0; s < kSystems.size(); ++s) {
      const std::string item = "q" + std::to_string(q);
      const std::string& system = kSystems[s].second;
      const double quality = 2.6 + 0.7 * static_cast<double>(s) + noise(rng);
      review::FlaggedAnswer flagged{item, question_text(q), system, "", {}};
      flagged.answer = "每天盐摄入量不超过 5 克。\nLimit salt to 5 g a day (answer " + std::to_string(q) + ").";
      const bool flag_this = (q == 3 && s == 0) || (q == 11 && s == 1);
      for (size_t r = 0; r < kReviewers.size(); ++r) {
        if (item == "q7" && system == "reference" && kReviewers[r] == "Dr. Smith") continue;  // skipped
        review::FlaggedAnswerReview review{kReviewers[r], {}, false, 0, ""};
        for (const auto& axis : kAxes) {
          const double score = std::clamp(std::round(quality + 0.5 * noise(rng)), 1.0, 5.0);
          data.scores.ratings.push_back({item, system, kReviewers[r], axis, score});
          review.scores[axis] = score;
        }
        const bool harmful = flag_this && r != 2;
        data.scores.flags.push_back({item, system, kReviewers[r], harmful, harmful ? 2 + static_cast<int>(r) : 0});
        review.harmful = harmful;
        review.severity = harmful ? 2 + static_cast<int>(r) : 0;
        review.comment = harmful ? "建议停药是危险的 (stopping the drug is dangerous)" : "";
        flagged.reviews.push_back(review);
      }
      if (flag_this) data.flagged.push_back(flagged);
    }
  }
  return data;
}

review::StudyAnalysis analyse(const review::StudyReportData& data) {
  review::AnalysisOptions options;
  options.bootstrap_resamples = 300;
  options.permutations = 500;
  options.seed = 11;
  options.axis_order = kAxes;
  return review::analyse_scores(data.scores, options);
}

QString read_text(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QString::fromUtf8(file.readAll());
}

// The part of `html` from heading `from` to the next <h2>.
QString section_of(const QString& html, const QString& from) {
  const auto start = html.indexOf(">" + from.toHtmlEscaped() + "</h2>");
  if (start < 0) return {};
  const auto end = html.indexOf("<h2>", start);
  return html.mid(start, end < 0 ? -1 : end - start);
}

QString run_tool(const QString& program, const QStringList& args) {
  QProcess process;
  process.start(program, args);
  if (!process.waitForFinished(60000) || process.exitCode() != 0) return {};
  return QString::fromUtf8(process.readAllStandardOutput());
}

int non_white_pixels(const QImage& image) {
  int count = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x)
      if (qGray(image.pixel(x, y)) < 200) ++count;
  return count;
}

}  // namespace

class ReviewReportTest : public QObject {
  Q_OBJECT

 private:
  review::StudyReportData data_ = synthetic_study();
  review::StudyAnalysis analysis_;
  QTemporaryDir dir_;

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    analysis_ = analyse(data_);
    QCOMPARE(analysis_.systems.size(), size_t{3});
    QCOMPARE(analysis_.axes, kAxes);
    QCOMPARE(analysis_.harmful.answers_flagged, 2);
  }

  void html_holds_every_table_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << "en";
    QTest::newRow("zh") << "zh";
  }
  void html_holds_every_table() {
    QFETCH(QString, language);
    const auto lang = report::parse_language(language.toStdString());
    const QString path = dir_.filePath("report-" + language + ".html");
    report::write_report(data_, analysis_, {report::ReportFormat::Html, lang, path.toStdString()});
    const QString html = read_text(path);
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    QVERIFY(html.contains(QString::fromStdString(data_.design.name).toHtmlEscaped()));
    for (const auto& [code, name] : kSystems) QVERIFY2(html.contains(QString::fromStdString(name)), name.c_str());
    for (const auto& reviewer : kReviewers) QVERIFY(html.contains(QString::fromStdString(reviewer).toHtmlEscaped()));
    for (const auto& axis : kAxes) QVERIFY(html.contains(report::axis_label(lang, axis).toHtmlEscaped()));
    if (lang == report::Language::Chinese) QVERIFY(html.contains("医学事实正确性") && html.contains("患者能否看懂"));

    // The summary rows: mean, median and CI of every system x axis as the report formats them.
    const QString summary = section_of(html, report::text(lang, "section_summary"));
    QVERIFY(!summary.isEmpty());
    for (const auto& s : analysis_.summaries) {
      const QString cells = "<td>" + report::axis_label(lang, s.axis).toHtmlEscaped() + "</td><td align=\"right\">" +
                            report::format_number(s.mean, report::kScoreDecimals) + "</td><td align=\"right\">" +
                            report::format_number(s.median, report::kScoreDecimals) + "</td><td align=\"right\">" +
                            report::format_interval(s.ci_low, s.ci_high, report::kScoreDecimals) + "</td>";
      QVERIFY2(summary.contains(cells), qPrintable(cells));
    }

    // The agreement table: each axis's row carries the analysis's values in order.
    const QString agreement = section_of(html, report::text(lang, "section_agreement"));
    QVERIFY(!agreement.isEmpty());
    for (const auto& a : analysis_.agreement) {
      QVERIFY(std::isfinite(a.krippendorff_alpha_ordinal) && std::isfinite(a.icc2_1));
      QStringList values;
      for (double v : {a.krippendorff_alpha_ordinal, a.krippendorff_alpha_interval, a.icc2_1, a.icc2_k})
        values << "<td align=\"right\">" + report::format_number(v, report::kAgreementDecimals) + "</td>";
      const QString row = "<td>" + report::axis_label(lang, a.axis).toHtmlEscaped() + "</td>" + values.join("");
      QVERIFY2(agreement.contains(row), qPrintable(row));
    }
    QVERIFY(agreement.contains(report::format_number(analysis_.harmful.fleiss_kappa, report::kAgreementDecimals)));
    QVERIFY(agreement.contains(report::text(lang, "agreement_guide").left(20).toHtmlEscaped()));

    // Paired comparisons: 3 systems -> 3 pairs per axis, with their p-values.
    const QString pairs = section_of(html, report::text(lang, "section_comparisons"));
    QCOMPARE(analysis_.comparisons.size(), size_t{12});
    QCOMPARE(pairs.count("<tr>") - 1, 12);
    for (const auto& c : analysis_.comparisons)
      QVERIFY(pairs.contains(report::format_p_value(c.comparison.wilcoxon_p).toHtmlEscaped()));

    // Flagged answers with every reviewer's comment and severity.
    const QString flagged = section_of(html, report::text(lang, "section_flagged"));
    QVERIFY(flagged.contains(QString::fromStdString(question_text(3)).toHtmlEscaped()));
    QVERIFY(flagged.contains(QString::fromStdString(question_text(11)).toHtmlEscaped()));
    QCOMPARE(flagged.count(QString::fromStdString("建议停药是危险的")), 4);
    QVERIFY(flagged.contains(report::severity_label(lang, 3)));
    QVERIFY(flagged.contains("<br/>"));  // the answer's line break survives

    // Exclusions and the charts, embedded as PNG data URIs that decode to drawn images.
    QVERIFY(html.contains(QString::fromStdString("答案被截断")));
    QVERIFY(!html.contains(QString(report::kImageScheme) + ":"));
    static const QRegularExpression png_uri("data:image/png;base64,([A-Za-z0-9+/=]+)\"");
    int images = 0;
    for (auto it = png_uri.globalMatch(html); it.hasNext(); ++images) {
      const QImage image = QImage::fromData(QByteArray::fromBase64(it.next().captured(1).toLatin1()), "PNG");
      QVERIFY(!image.isNull());
      QVERIFY(non_white_pixels(image) > image.width() * image.height() / 50);
    }
    QCOMPARE(images, 1 + static_cast<int>(kAxes.size()));
  }

  void pdf_renders_data() { html_holds_every_table_data(); }
  void pdf_renders() {
    QFETCH(QString, language);
    const auto lang = report::parse_language(language.toStdString());
    const QString path = dir_.filePath("report-" + language + ".pdf");
    std::vector<int> percents;
    report::write_report(data_, analysis_, {report::ReportFormat::Pdf, lang, path.toStdString()},
                         [&percents](int percent, const QString&) { percents.push_back(percent); });
    QVERIFY(!percents.empty());
    QVERIFY(std::is_sorted(percents.begin(), percents.end()));
    QCOMPARE(percents.back(), 100);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    file.close();

    const QString pdftoppm = QStandardPaths::findExecutable("pdftoppm");
    if (pdftoppm.isEmpty()) QSKIP("pdftoppm is not installed (poppler-utils)");
    const QString prefix = dir_.filePath("page-" + language);
    QVERIFY(QProcess::execute(pdftoppm, {"-png", "-r", "50", path, prefix}) == 0);
    QStringList pages = QDir(dir_.path()).entryList({"page-" + language + "-*.png"}, QDir::Files, QDir::Name);
    QVERIFY2(pages.size() >= 3, qPrintable(QString::number(pages.size()) + " pages"));
    const QImage first(QDir(dir_.path()).filePath(pages.first()));
    QVERIFY(!first.isNull());
    QVERIFY(non_white_pixels(first) > 500);

    const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
    if (pdftotext.isEmpty()) QSKIP("pdftotext is not installed (poppler-utils)");
    // Qt's PDF maps a few Noto CJK glyphs back to the Kangxi radical that shares the glyph
    // (人 -> U+2F08); NFKC folds those onto the ideographs.
    const QString content = run_tool(pdftotext, {path, "-"}).normalized(QString::NormalizationForm_KC);
    QVERIFY2(content.contains(report::text(lang, "section_agreement")), qPrintable(content.left(400)));
    QVERIFY(content.contains(report::text(lang, "section_comparisons")));
    QVERIFY(content.contains("adapter:chronic"));
    QVERIFY(content.contains(
        report::format_number(analysis_.agreement.front().krippendorff_alpha_ordinal, report::kAgreementDecimals)));

    const QString pdfimages = QStandardPaths::findExecutable("pdfimages");
    if (pdfimages.isEmpty()) QSKIP("pdfimages is not installed (poppler-utils)");
    const QStringList image_lines = run_tool(pdfimages, {"-list", path}).split('\n', Qt::SkipEmptyParts);
    QVERIFY(image_lines.size() - 2 >= 1 + static_cast<int>(kAxes.size()));  // two header lines
  }

  void undefined_values_show_as_dash_with_a_note() {
    review::StudyAnalysis analysis = analysis_;
    analysis.agreement.front().krippendorff_alpha_ordinal = std::nan("");
    analysis.agreement.front().icc2_1 = std::nan("");
    const auto doc = report::build_report_document(data_, analysis, report::Language::English);
    const QString agreement = section_of(doc.body_html, report::text(report::Language::English, "section_agreement"));
    QVERIFY(agreement.contains("<td align=\"right\">—</td>"));
    QVERIFY(agreement.contains(report::text(report::Language::English, "undefined_note").toHtmlEscaped()));
    QVERIFY(!agreement.contains("nan"));
    // No undefined value in the summary: no note there.
    const QString summary = section_of(doc.body_html, report::text(report::Language::English, "section_summary"));
    QVERIFY(!summary.contains(report::text(report::Language::English, "undefined_note").toHtmlEscaped()));
  }

  void number_formats() {
    QCOMPARE(report::format_number(0.71249, 3), QString("0.712"));
    QCOMPARE(report::format_number(-0.0001, 3), QString("0.000"));
    QCOMPARE(report::format_number(std::nan(""), 3), QString("—"));
    QCOMPARE(report::format_signed(0.25, 2), QString("+0.25"));
    QCOMPARE(report::format_signed(-0.25, 2), QString("-0.25"));
    QCOMPARE(report::format_signed(0.0, 2), QString("0.00"));
    QCOMPARE(report::format_p_value(0.0004), QString("< 0.001"));
    QCOMPARE(report::format_p_value(0.0412), QString("0.041"));
    QCOMPARE(report::format_interval(3.1, 3.456, 2), QString("[3.10, 3.46]"));
    QCOMPARE(report::format_interval(3.1, std::nan(""), 2), QString("—"));
    QCOMPARE(report::axis_label(report::Language::Chinese, "safety"), QString("无危险建议"));
    QCOMPARE(report::axis_label(report::Language::Chinese, "completeness"), QString("回答是否全面"));
    QCOMPARE(report::axis_label(report::Language::English, "clarity"), QString("clarity"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, report::parse_language("fr"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, report::parse_report_format("docx"));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, report::text(report::Language::English, "no_such_id"));
  }

  void a_failed_write_leaves_nothing_and_keeps_the_old_file() {
    const QString missing_dir = dir_.filePath("no-such-folder/report.html");
    QVERIFY_THROWS_EXCEPTION(std::system_error,
                             report::write_report(data_, analysis_, {report::ReportFormat::Html, report::Language::English,
                                                                     missing_dir.toStdString()}));
    QVERIFY(!QFile::exists(missing_dir));

    const QString path = dir_.filePath("kept.html");
    {
      QFile old(path);
      QVERIFY(old.open(QIODevice::WriteOnly));
      old.write("old report");
    }
    review::StudyAnalysis empty;  // no scores: refused before anything is written
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             report::write_report(data_, empty, {report::ReportFormat::Html, report::Language::English,
                                                                 path.toStdString()}));
    QCOMPARE(read_text(path), QString("old report"));
    report::write_report(data_, analysis_, {report::ReportFormat::Html, report::Language::English, path.toStdString()});
    QVERIFY(read_text(path).startsWith("<!DOCTYPE html>"));
    QCOMPARE(QDir(dir_.path()).entryList({"kept.html.tmp*"}, QDir::Files | QDir::Hidden).size(), 0);
  }
};

QTEST_MAIN(ReviewReportTest)
#include "review_report_test.moc"
