#include "report/report_writer.h"

#include <QApplication>
#include <QBuffer>
#include <QByteArray>
#include <QColor>
#include <QFont>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

#include <stdexcept>

#include "core/io/atomic_file.h"
#include "report/report_charts.h"
#include "report/report_document.h"

namespace medlora::report {
namespace {

constexpr double kCssDpi = 96.0;  // the document is laid out in CSS pixels

// Pages the document itself (rather than QTextDocument::print, which adds its own 2 cm margins
// inside the page's) so that A4 less 15 mm margins holds the 640 px charts, and puts a footer with
// the title and "page / pages" in the bottom margin.
QByteArray render_pdf(const ReportDocument& document) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  {
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 18), QPageLayout::Millimeter);
    writer.setResolution(600);
    writer.setTitle(document.title);
    writer.setCreator(QStringLiteral("MedLoRA Workbench"));

    QTextDocument text_document;
    fill_text_document(text_document, document);
    const QRectF body = writer.pageLayout().paintRect(QPageLayout::Point);
    const QSizeF page(body.width() * kCssDpi / 72.0, body.height() * kCssDpi / 72.0);
    text_document.setPageSize(page);
    const int pages = text_document.pageCount();

    QPainter painter(&writer);
    if (!painter.isActive()) throw std::runtime_error("the PDF could not be started");
    const double scale = writer.resolution() / kCssDpi;
    // In pixels: a point size would be converted at the PDF's resolution and then scaled again.
    QFont footer_font = report_font();
    footer_font.setPixelSize(10);
    for (int index = 0; index < pages; ++index) {
      if (index > 0) writer.newPage();
      painter.save();
      painter.scale(scale, scale);
      painter.save();
      painter.translate(0, -index * page.height());
      text_document.drawContents(&painter, QRectF(0, index * page.height(), page.width(), page.height()));
      painter.restore();
      painter.setFont(footer_font);
      painter.setPen(QColor(0x70, 0x70, 0x70));
      const QRectF footer(0, page.height() + 12, page.width(), 24);
      painter.drawText(footer, Qt::AlignLeft | Qt::AlignTop, document.title);
      painter.drawText(footer, Qt::AlignRight | Qt::AlignTop, QString("%1 / %2").arg(index + 1).arg(pages));
      painter.restore();
    }
    painter.end();
  }  // the writer finishes the PDF when it goes away
  buffer.close();
  if (bytes.isEmpty()) throw std::runtime_error("the PDF could not be produced");
  return bytes;
}

}  // namespace

ReportFormat parse_report_format(std::string_view name) {
  if (name == "pdf") return ReportFormat::Pdf;
  if (name == "html") return ReportFormat::Html;
  throw std::invalid_argument("unknown report format '" + std::string(name) + "' (use pdf or html)");
}

std::string report_format_name(ReportFormat format) { return format == ReportFormat::Pdf ? "pdf" : "html"; }

void write_report(const review::StudyReportData& data, const review::StudyAnalysis& analysis,
                  const ReportOptions& options, const ReportProgress& progress) {
  if (!qobject_cast<QApplication*>(QCoreApplication::instance()))
    throw std::logic_error("writing a PDF or HTML report needs a QApplication (the charts are drawn with widgets)");
  if (options.path.empty()) throw std::invalid_argument("the report needs a file name to be written to");
  const auto report = [&progress](int percent, const char* stage) {
    if (progress) progress(percent, QString::fromLatin1(stage));
  };
  report(0, "charts");
  const ReportDocument document = build_report_document(
      data, analysis, options.language, [&report](int done, int total) { report(5 + 45 * done / total, "charts"); });
  report(50, "layout");
  QByteArray bytes;
  if (options.format == ReportFormat::Pdf) {
    bytes = render_pdf(document);
  } else {
    bytes = standalone_html(document).toUtf8();
  }
  report(90, "writing");
  io::write_file_atomically(options.path, std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())));
  report(100, "done");
}

}  // namespace medlora::report
