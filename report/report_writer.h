#pragma once
// Writes a study's evaluation report as PDF (A4, page numbers) or as one self-contained HTML
// file. The file appears atomically: it is written to a temporary file beside the target and
// renamed into place, so a failed or interrupted export never leaves a half-written report or
// damages an earlier one. (The CSV and JSON exports are core's: review::write_raw_scores_csv and
// review::analysis_to_json.)
//
// Needs a QApplication and the GUI thread (the charts are QCustomPlot widgets drawn offscreen).
#include <QString>

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "core/review/study_analysis.h"
#include "core/review/study_report_data.h"
#include "report/report_text.h"

namespace medlora::report {

enum class ReportFormat { Pdf, Html };

// "pdf" or "html"; throws std::invalid_argument for anything else.
ReportFormat parse_report_format(std::string_view name);
std::string report_format_name(ReportFormat format);

struct ReportOptions {
  ReportFormat format = ReportFormat::Pdf;
  Language language = Language::English;
  std::filesystem::path path;
};

// percent 0..100 and the stage: "charts", "layout", "writing" or "done".
using ReportProgress = std::function<void(int percent, const QString& stage)>;

// Throws std::logic_error without a QApplication, std::invalid_argument for an empty path or a
// study without scores, std::system_error (naming the path) when the file cannot be written.
void write_report(const review::StudyReportData& data, const review::StudyAnalysis& analysis,
                  const ReportOptions& options, const ReportProgress& progress = {});

}  // namespace medlora::report
