#pragma once
// The report's charts, drawn with QCustomPlot into images without showing a window. They take
// plain numbers and labels, not the analysis, so that any view can draw the same charts.
//
// Needs a QApplication (QCustomPlot is a widget) and must run in the GUI thread.
#include <QByteArray>
#include <QFont>
#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>

#include <vector>

namespace medlora::report {

// A font whose family list covers Latin and CJK text: DejaVu Sans first (its Latin text stays
// searchable in a PDF), then the Noto CJK families, then the system's sans-serif.
QFont report_font(double point_size = 9.0);

// Bars with confidence intervals: one group per category (an axis), one bar per series (a
// system) in each group. A NaN mean leaves the bar out; a NaN CI end leaves the whisker out.
struct MeanBarSeries {
  QString name;
  std::vector<double> means;  // one per category
  std::vector<double> ci_low;
  std::vector<double> ci_high;
};
struct MeanBarChart {
  QString title;  // drawn above the plot when not empty
  QString value_label;
  QStringList categories;
  std::vector<MeanBarSeries> series;
  double value_min = 0.0;  // value-axis range (a 1-5 scale shows 0..5)
  double value_max = 5.0;
};

// Grouped bars of counts: one group per level (a score), one bar per series (a system).
struct CountBarSeries {
  QString name;
  std::vector<double> counts;  // one per level
};
struct CountBarChart {
  QString title;
  QString level_label;
  QString count_label;
  QStringList levels;
  std::vector<CountBarSeries> series;
};

// `size` is the chart's logical size (the size it is shown at, in CSS pixels); `scale` multiplies
// the pixels for a crisp print. Throws std::invalid_argument when a series' length does not match
// the categories or levels, or the size is empty.
QImage render_mean_bar_chart(const MeanBarChart& chart, QSize size, double scale = 2.0);
QImage render_count_bar_chart(const CountBarChart& chart, QSize size, double scale = 2.0);

// PNG bytes of `image` (throws std::runtime_error if encoding fails).
QByteArray png_bytes(const QImage& image);

}  // namespace medlora::report
