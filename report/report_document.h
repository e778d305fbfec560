#pragma once
// An evaluation report as one HTML body with its chart images beside it: title and study design,
// scores per system and axis, charts, agreement, paired comparisons and flagged answers. The same
// document becomes a self-contained HTML file (charts as base64 PNG data URIs) or a QTextDocument
// for the PDF (charts as document resources), so both formats show exactly the same tables.
//
// Needs a QApplication and the GUI thread (the charts are QCustomPlot widgets drawn offscreen).
#include <QImage>
#include <QString>

#include <functional>
#include <vector>

#include "core/review/study_analysis.h"
#include "core/review/study_report_data.h"
#include "report/report_text.h"

class QTextDocument;

namespace medlora::report {

struct ReportImage {
  QString name;   // the body refers to it as src="report-image:<name>"
  QImage image;   // drawn at `scale` times its display size
  int width = 0;  // display width in CSS pixels
};

struct ReportDocument {
  Language language = Language::English;
  QString title;
  QString body_html;  // the inside of <body>: HTML that QTextDocument also understands
  std::vector<ReportImage> images;
};

// Reports how far the charts have got: done of total.
using ChartProgress = std::function<void(int done, int total)>;

// Builds the report. Systems are shown as the scores name them (names once the study is closed,
// codes before). Throws std::invalid_argument when the analysis has no axes or systems.
ReportDocument build_report_document(const review::StudyReportData& data, const review::StudyAnalysis& analysis,
                                     Language language, const ChartProgress& progress = {});

// A complete UTF-8 HTML page with a style sheet and the charts embedded as data URIs.
QString standalone_html(const ReportDocument& document);

// Puts the document into `target` for printing: default font with CJK glyphs, style sheet,
// chart images as resources, then the body.
void fill_text_document(QTextDocument& target, const ReportDocument& document);

// The URL scheme the body uses for its images.
inline constexpr const char* kImageScheme = "report-image";

}  // namespace medlora::report
