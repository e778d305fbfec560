#include "report/report_charts.h"

#include <QBuffer>
#include <QColor>
#include <QFontMetrics>
#include <QPen>
#include <QPixmap>
#include <QSharedPointer>
#include <QVector>

// qcustomplot.h spells Qt's keyword macros (signals, slots, emit, foreach), which this library
// turns off with QT_NO_KEYWORDS; lend it the Q_ forms for its own header only.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace medlora::report {
namespace {

// Okabe & Ito's palette: distinguishable with the common colour-vision deficiencies and in grey.
QColor series_color(size_t index) {
  static const QColor colors[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                                  QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
                                  QColor(0xF0, 0xE4, 0x42), QColor(0x44, 0x44, 0x44)};
  return colors[index % (sizeof(colors) / sizeof(colors[0]))];
}

// Long category names break at spaces so that neighbouring tick labels do not run together.
QString wrap_label(const QString& label, int max_chars) {
  if (label.size() <= max_chars || !label.contains(' ')) return label;
  QString out;
  int line_length = 0;
  for (const QString& word : label.split(' ', Qt::SkipEmptyParts)) {
    if (line_length > 0 && line_length + 1 + word.size() > max_chars) {
      out += '\n';
      line_length = 0;
    } else if (line_length > 0) {
      out += ' ';
      ++line_length;
    }
    out += word;
    line_length += static_cast<int>(word.size());
  }
  return out;
}

void check_size(QSize size, double scale) {
  if (size.isEmpty() || !(scale > 0.0)) throw std::invalid_argument("a chart needs a non-empty size and a positive scale");
}

// A plot with the report's font, white background, the given title above it and the legend in
// a row below it (never on top of the bars).
// As many legend columns as fit across `width` (the widest entry sets the column width).
int legend_columns(const QStringList& names, const QFont& font, int width) {
  const QFontMetrics metrics(font);
  int widest = 0;
  for (const auto& name : names) widest = std::max(widest, metrics.horizontalAdvance(name));
  const int entry = widest + 14 + 7 + 16;  // icon, icon padding, item margins
  return std::clamp((width - 16) / std::max(1, entry), 1, std::max(1, static_cast<int>(names.size())));
}

void prepare_plot(QCustomPlot& plot, const QString& title, const QStringList& legend_names, int width) {
  const bool with_legend = !legend_names.isEmpty();
  const QFont font = report_font(9.0);
  plot.setBackground(Qt::white);
  plot.setFont(font);
  for (QCPAxis* axis : {plot.xAxis, plot.yAxis}) {
    axis->setTickLabelFont(font);
    axis->setLabelFont(font);
    axis->setBasePen(QPen(QColor(0x60, 0x60, 0x60)));
    axis->setTickPen(QPen(QColor(0x60, 0x60, 0x60)));
  }
  plot.xAxis->grid()->setVisible(false);
  plot.yAxis->grid()->setPen(QPen(QColor(0xDD, 0xDD, 0xDD), 0, Qt::DotLine));
  plot.xAxis->setSubTicks(false);
  plot.xAxis->setTickLength(0, 3);
  if (!title.isEmpty()) {
    plot.plotLayout()->insertRow(0);
    QFont title_font = report_font(10.0);
    title_font.setBold(true);
    plot.plotLayout()->addElement(0, 0, new QCPTextElement(&plot, title, title_font));
  }
  if (with_legend) {
    plot.legend->setVisible(true);
    plot.legend->setFont(font);
    plot.legend->setBorderPen(Qt::NoPen);
    plot.legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot.legend->setIconSize(14, 10);
    plot.legend->setWrap(legend_columns(legend_names, font, width));
    // A row below the plot: spacer, legend, spacer. render() caps the legend at its natural
    // size, so the spacers centre it (a grid cell would otherwise stretch its columns apart).
    auto* row_layout = new QCPLayoutGrid;
    const int row = plot.plotLayout()->rowCount();
    plot.plotLayout()->addElement(row, 0, row_layout);
    plot.plotLayout()->setRowStretchFactor(row, 0.001);
    row_layout->addElement(0, 0, new QCPLayoutElement(&plot));
    row_layout->addElement(0, 1, plot.legend);  // takes it out of the axis rect's inset
    row_layout->addElement(0, 2, new QCPLayoutElement(&plot));
  }
}

QCPBars* add_bars(QCustomPlot& plot, QCPBarsGroup* group, const QString& name, size_t index, double width) {
  auto* bars = new QCPBars(plot.xAxis, plot.yAxis);
  bars->setName(name);
  bars->setWidth(width);
  bars->setBarsGroup(group);
  const QColor color = series_color(index);
  bars->setPen(QPen(color.darker(130)));
  bars->setBrush(color);
  return bars;
}

QSharedPointer<QCPAxisTickerText> category_ticker(const QStringList& labels, int wrap_at) {
  QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
  for (int i = 0; i < labels.size(); ++i) ticker->addTick(i + 1, wrap_label(labels[i], wrap_at));
  return ticker;
}

QImage render(QCustomPlot& plot, QSize size, double scale) {
  plot.resize(size);  // the layout is computed for this size; the widget is never shown
  if (plot.legend->visible()) plot.legend->setMaximumSize(plot.legend->minimumOuterSizeHint());
  QImage image = plot.toPixmap(size.width(), size.height(), scale).toImage();
  if (image.isNull()) throw std::runtime_error("the chart could not be drawn (no pixmap support?)");
  return image;
}

// Each series gets an equal share of 80 % of a group's width.
double bar_width(size_t series) { return series == 0 ? 0.8 : 0.8 / static_cast<double>(series); }

}  // namespace

QFont report_font(double point_size) {
  QFont font;
  font.setFamilies({"DejaVu Sans", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                    "Droid Sans Fallback", "sans-serif"});
  font.setStyleHint(QFont::SansSerif);
  font.setPointSizeF(point_size);
  return font;
}

QImage render_mean_bar_chart(const MeanBarChart& chart, QSize size, double scale) {
  check_size(size, scale);
  const size_t categories = static_cast<size_t>(chart.categories.size());
  for (const auto& s : chart.series)
    if (s.means.size() != categories || s.ci_low.size() != categories || s.ci_high.size() != categories)
      throw std::invalid_argument("chart series '" + s.name.toStdString() + "' has " + std::to_string(s.means.size()) +
                                  " means for " + std::to_string(categories) + " categories");
  QCustomPlot plot;
  QStringList names;
  for (const auto& s : chart.series) names << s.name;
  prepare_plot(plot, chart.title, names, size.width());
  auto* group = new QCPBarsGroup(&plot);
  group->setSpacingType(QCPBarsGroup::stAbsolute);
  group->setSpacing(1);
  for (size_t s = 0; s < chart.series.size(); ++s) {
    const auto& series = chart.series[s];
    QCPBars* bars = add_bars(plot, group, series.name, s, bar_width(chart.series.size()));
    QVector<double> keys, values, below, above;
    for (size_t c = 0; c < categories; ++c) {
      if (!std::isfinite(series.means[c])) continue;
      keys << static_cast<double>(c + 1);
      values << series.means[c];
      const bool has_ci = std::isfinite(series.ci_low[c]) && std::isfinite(series.ci_high[c]);
      below << (has_ci ? std::max(0.0, series.means[c] - series.ci_low[c]) : 0.0);
      above << (has_ci ? std::max(0.0, series.ci_high[c] - series.means[c]) : 0.0);
    }
    bars->setData(keys, values, true);
    auto* whiskers = new QCPErrorBars(plot.xAxis, plot.yAxis);
    whiskers->removeFromLegend();
    whiskers->setDataPlottable(bars);  // follows the bar's offset inside its group
    whiskers->setData(below, above);
    whiskers->setPen(QPen(QColor(0x20, 0x20, 0x20), 1.2));
    whiskers->setSymbolGap(0);  // the bar has no symbol to leave room for
    whiskers->setWhiskerWidth(std::max(4.0, 0.4 * size.width() * bar_width(chart.series.size()) /
                                                 std::max<double>(1.0, static_cast<double>(categories) + 0.4)));
  }
  plot.xAxis->setTicker(category_ticker(chart.categories, 20));
  plot.xAxis->setRange(0.4, static_cast<double>(categories) + 0.6);
  plot.yAxis->setRange(chart.value_min, chart.value_max);
  plot.yAxis->setLabel(chart.value_label);
  return render(plot, size, scale);
}

QImage render_count_bar_chart(const CountBarChart& chart, QSize size, double scale) {
  check_size(size, scale);
  const size_t levels = static_cast<size_t>(chart.levels.size());
  double highest = 0.0;
  for (const auto& s : chart.series) {
    if (s.counts.size() != levels)
      throw std::invalid_argument("chart series '" + s.name.toStdString() + "' has " + std::to_string(s.counts.size()) +
                                  " counts for " + std::to_string(levels) + " levels");
    for (double count : s.counts)
      if (std::isfinite(count)) highest = std::max(highest, count);
  }
  QCustomPlot plot;
  QStringList names;
  for (const auto& s : chart.series) names << s.name;
  prepare_plot(plot, chart.title, names, size.width());
  auto* group = new QCPBarsGroup(&plot);
  group->setSpacingType(QCPBarsGroup::stAbsolute);
  group->setSpacing(0);
  for (size_t s = 0; s < chart.series.size(); ++s) {
    QCPBars* bars = add_bars(plot, group, chart.series[s].name, s, bar_width(chart.series.size()));
    QVector<double> keys, values;
    for (size_t l = 0; l < levels; ++l) {
      if (!std::isfinite(chart.series[s].counts[l])) continue;
      keys << static_cast<double>(l + 1);
      values << chart.series[s].counts[l];
    }
    bars->setData(keys, values, true);
  }
  plot.xAxis->setTicker(category_ticker(chart.levels, 12));
  plot.xAxis->setRange(0.4, static_cast<double>(levels) + 0.6);
  plot.xAxis->setLabel(chart.level_label);
  plot.yAxis->setRange(0.0, highest > 0.0 ? highest * 1.08 : 1.0);
  plot.yAxis->setLabel(chart.count_label);
  return render(plot, size, scale);
}

QByteArray png_bytes(const QImage& image) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  // Quality 0..100 maps to zlib's effort for PNG: 20 keeps it lossless and fast.
  if (!image.save(&buffer, "PNG", 20)) throw std::runtime_error("a chart could not be encoded as PNG");
  return bytes;
}

}  // namespace medlora::report
