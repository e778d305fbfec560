#include "report/report_document.h"

#include <QDateTime>
#include <QTextDocument>
#include <QUrl>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>

#include "report/analysis_charts.h"
#include "report/report_charts.h"
#include "report/report_sections.h"

namespace medlora::report {
namespace {

// Display sizes in CSS pixels. A4 less QTextDocument::print's 2 cm margins is ~640 px wide at
// 96 dpi, so the wide chart fills the text width and two distribution charts share a row.
constexpr QSize kMeanChartSize(640, 300);
constexpr QSize kDistributionChartSize(305, 230);
constexpr double kChartScale = 2.0;  // pixels per CSS pixel: sharp in print, small files

// Style rules both a browser and QTextDocument understand (QTextDocument ignores the rest).
const char* kStyleSheet =
    "body { font-family: 'DejaVu Sans', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', "
    "'WenQuanYi Micro Hei', sans-serif; font-size: 10pt; color: #1a1a1a; }\n"
    "h1 { font-size: 17pt; color: #12355b; }\n"
    "h2 { font-size: 13pt; color: #12355b; margin-top: 18px; }\n"
    "h3 { font-size: 11pt; margin-top: 12px; }\n"
    "th { background-color: #e8edf3; text-align: left; }\n"
    "td, th { vertical-align: top; }\n"
    "p.meta, p.note { color: #555555; }\n";

// Extra rules for the HTML file only (screen layout QTextDocument does not need).
const char* kBrowserStyleSheet =
    "body { max-width: 980px; margin: 24px auto; padding: 0 16px; line-height: 1.4; }\n"
    "table { border-collapse: collapse; margin: 6px 0; }\n"
    "td, th { border: 1px solid #b8c2cc; padding: 4px 6px; }\n"
    "img { max-width: 100%; height: auto; }\n"
    "table.charts, table.charts td { border: none; }\n";

QString image_tag(const QString& name, int width) {
  return "<img src=\"" + QString(kImageScheme) + ":" + name + "\" width=\"" + QString::number(width) + "\" alt=\"" +
         name.toHtmlEscaped() + "\"/>";
}

// The value-axis range of the means chart: the 1-5 scale as 0..5, any other scale from zero (or
// its lowest value) to a little above its highest CI end.
std::pair<double, double> value_range(const review::StudyAnalysis& analysis) {
  double low = 0.0, high = 5.0;
  for (const auto& s : analysis.summaries)
    for (double v : {s.mean, s.ci_low, s.ci_high})
      if (std::isfinite(v)) {
        low = std::min(low, v);
        high = std::max(high, v);
      }
  if (high > 5.0) high = std::ceil(high * 1.05);
  if (low < 0.0) low = std::floor(low * 1.05);
  return {low, high};
}

ReportImage mean_chart(const review::StudyAnalysis& analysis, Language language) {
  MeanBarChart chart = mean_chart_data(analysis, [language](const std::string& axis) { return axis_label(language, axis); });
  chart.value_label = text(language, "chart_axis_mean");
  std::tie(chart.value_min, chart.value_max) = value_range(analysis);
  return {"means", render_mean_bar_chart(chart, kMeanChartSize, kChartScale), kMeanChartSize.width()};
}

ReportImage distribution_chart(const review::StudyAnalysis& analysis, const std::string& axis, size_t index,
                               Language language) {
  CountBarChart chart = distribution_chart_data(analysis, axis);
  chart.title = axis_label(language, axis);
  chart.level_label = text(language, "chart_axis_score");
  chart.count_label = text(language, "chart_axis_count");
  return {"distribution-" + QString::number(index + 1),
          render_count_bar_chart(chart, kDistributionChartSize, kChartScale), kDistributionChartSize.width()};
}

QString charts_section(const std::vector<ReportImage>& images, Language language) {
  QString html = sections::heading(2, text(language, "section_charts").toHtmlEscaped());
  html += "<p><b>" + text(language, "chart_means").toHtmlEscaped() + "</b></p>\n";
  html += "<p align=\"center\">" + image_tag(images.front().name, images.front().width) + "</p>\n";
  html += "<p><b>" + text(language, "chart_distribution").toHtmlEscaped() + "</b></p>\n";
  html += "<table class=\"charts\" border=\"0\" cellspacing=\"0\" cellpadding=\"2\" width=\"100%\">\n";
  for (size_t i = 1; i < images.size(); i += 2) {
    html += "<tr><td align=\"center\">" + image_tag(images[i].name, images[i].width) + "</td><td align=\"center\">";
    if (i + 1 < images.size()) html += image_tag(images[i + 1].name, images[i + 1].width);
    html += "</td></tr>\n";
  }
  return html + "</table>\n";
}

}  // namespace

ReportDocument build_report_document(const review::StudyReportData& data, const review::StudyAnalysis& analysis,
                                     Language language, const ChartProgress& progress) {
  if (analysis.axes.empty() || analysis.systems.empty())
    throw std::invalid_argument("the study has no scores yet: there is nothing to report");
  ReportDocument doc;
  doc.language = language;
  doc.title = text(language, "report_title") + (data.design.name.empty() ? QString() : " — " + QString::fromStdString(data.design.name));

  const int total_charts = 1 + static_cast<int>(analysis.axes.size());
  if (progress) progress(0, total_charts);
  doc.images.push_back(mean_chart(analysis, language));
  if (progress) progress(1, total_charts);
  for (size_t a = 0; a < analysis.axes.size(); ++a) {
    doc.images.push_back(distribution_chart(analysis, analysis.axes[a], a, language));
    if (progress) progress(static_cast<int>(a) + 2, total_charts);
  }

  QString& body = doc.body_html;
  body = sections::heading(1, doc.title.toHtmlEscaped());
  body += "<p class=\"meta\">" + text(language, "generated_at").toHtmlEscaped() + ": " +
          QDateTime::currentDateTimeUtc().toString(Qt::ISODate) + "</p>\n";
  body += sections::design_section(data, analysis, language);
  body += sections::summary_section(analysis, language);
  body += charts_section(doc.images, language);
  body += sections::agreement_section(analysis, language);
  body += sections::comparisons_section(analysis, language);
  body += sections::flagged_section(data, analysis, language);
  return doc;
}

QString standalone_html(const ReportDocument& document) {
  QString body = document.body_html;
  for (const auto& image : document.images) {
    const QString src = QString(kImageScheme) + ":" + image.name + "\"";
    body.replace("\"" + src, "\"data:image/png;base64," + QString::fromLatin1(png_bytes(image.image).toBase64()) + "\"");
  }
  return "<!DOCTYPE html>\n<html lang=\"" + QString(document.language == Language::Chinese ? "zh-CN" : "en") +
         "\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"generator\" content=\"MedLoRA Workbench\"/>\n<title>" +
         document.title.toHtmlEscaped() + "</title>\n<style>\n" + kStyleSheet + kBrowserStyleSheet +
         "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
}

void fill_text_document(QTextDocument& target, const ReportDocument& document) {
  target.setDefaultFont(report_font(10.0));
  target.setDefaultStyleSheet(QString::fromLatin1(kStyleSheet));
  target.setMetaInformation(QTextDocument::DocumentTitle, document.title);
  for (const auto& image : document.images)
    target.addResource(QTextDocument::ImageResource, QUrl(QString(kImageScheme) + ":" + image.name),
                       QVariant(image.image));
  target.setHtml("<html><body>" + document.body_html + "</body></html>");
}

}  // namespace medlora::report
