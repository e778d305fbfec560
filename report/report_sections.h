#pragma once
// The HTML of each section of an evaluation report (used by report_document.cpp). The markup
// keeps to what both browsers and QTextDocument render: tables with border/cellpadding
// attributes, headings, paragraphs, no scripts and no layout CSS.
#include <QString>

#include <string>

#include "core/review/study_analysis.h"
#include "core/review/study_report_data.h"
#include "report/report_text.h"

namespace medlora::report::sections {

QString escape(const std::string& text);            // HTML-escaped, line breaks kept as <br/>
QString heading(int level, const QString& text);    // <hN>text</hN> (text is already HTML)

QString design_section(const review::StudyReportData& data, const review::StudyAnalysis& analysis, Language language);
QString summary_section(const review::StudyAnalysis& analysis, Language language);
QString agreement_section(const review::StudyAnalysis& analysis, Language language);
QString comparisons_section(const review::StudyAnalysis& analysis, Language language);
QString flagged_section(const review::StudyReportData& data, const review::StudyAnalysis& analysis, Language language);

}  // namespace medlora::report::sections
