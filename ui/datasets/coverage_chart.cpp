#include "ui/datasets/coverage_chart.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
#include <string>

#include "ui/datasets/tagging_dialog.h"

namespace medlora::ui {

CoverageChart::CoverageChart(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot(this)), warning_(new QLabel(this)), approved_only_(new QCheckBox(this)) {
  setObjectName("coverage_chart");
  warning_->setObjectName("coverage_warning");
  warning_->setWordWrap(true);
  plot_->setMinimumHeight(220);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(approved_only_);
  layout->addWidget(plot_, 1);
  layout->addWidget(warning_);
  connect(approved_only_, &QCheckBox::toggled, this, &CoverageChart::refresh_requested);
  retranslate();
  draw();
}

void CoverageChart::show_dataset(const store::DatasetRepository& datasets, const store::CategoryRepository& categories,
                                 int64_t dataset_id) {
  std::map<std::string, int64_t> counts;
  int64_t records = 0;
  for (const auto& [category, count] : datasets.category_counts(dataset_id, approved_only_->isChecked())) {
    counts[category] += count;
    records += count;
  }
  show_report(data::coverage_report_from_counts(counts, categories.rules()), records);
}

void CoverageChart::show_report(const std::vector<data::CoverageRow>& rows, int64_t records) {
  rows_ = rows;
  records_ = records;
  draw();
}

void CoverageChart::clear() {
  rows_.clear();
  records_ = 0;
  draw();
}

void CoverageChart::draw() {
  plot_->clearPlottables();
  plot_->clearItems();
  QVector<double> keys, shares, short_keys, short_shares;
  QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
  double top = 0.0;
  for (size_t i = 0; i < rows_.size(); ++i) {
    const auto& row = rows_[i];
    const double key = static_cast<double>(i + 1);
    const QString name = row.category == "(untagged)" || row.category.empty() ? tr("(untagged)")
                                                                              : QString::fromStdString(row.category);
    ticker->addTick(key, name);
    (row.below_minimum ? short_keys : keys).append(key);
    (row.below_minimum ? short_shares : shares).append(100.0 * row.share);
    top = std::max({top, 100.0 * row.share, row.required ? 100.0 * row.min_share : 0.0});
  }
  auto* bars = new QCPBars(plot_->xAxis, plot_->yAxis);
  bars->setName(tr("Share of records"));
  bars->setData(keys, shares, true);
  bars->setBrush(QColor(0x4a, 0x90, 0xd9));
  bars->setPen(Qt::NoPen);
  bars->setWidth(0.6);
  auto* short_bars = new QCPBars(plot_->xAxis, plot_->yAxis);
  short_bars->setName(tr("Below its minimum"));
  short_bars->setData(short_keys, short_shares, true);
  short_bars->setBrush(QColor(0xe0, 0x6c, 0x5f));
  short_bars->setPen(Qt::NoPen);
  short_bars->setWidth(0.6);
  QStringList short_names;
  for (size_t i = 0; i < rows_.size(); ++i) {
    const auto& row = rows_[i];
    if (!row.required) continue;
    const double key = static_cast<double>(i + 1);
    auto* mark = new QCPItemLine(plot_);
    mark->setPen(QPen(Qt::red, 2, Qt::DashLine));
    mark->start->setCoords(key - 0.4, 100.0 * row.min_share);
    mark->end->setCoords(key + 0.4, 100.0 * row.min_share);
    if (row.below_minimum)
      short_names << tr("%1 (%2 % < %3 %)")
                         .arg(QString::fromStdString(row.category))
                         .arg(100.0 * row.share, 0, 'f', 1)
                         .arg(100.0 * row.min_share, 0, 'f', 1);
  }
  plot_->xAxis->setTicker(ticker);
  plot_->xAxis->setTickLabelRotation(rows_.size() > 6 ? 30 : 0);
  plot_->xAxis->setRange(0.4, std::max<double>(1.0, static_cast<double>(rows_.size())) + 0.6);
  plot_->yAxis->setRange(0, std::max(10.0, top * 1.15));
  plot_->yAxis->setLabel(tr("% of records"));
  plot_->replot();

  if (rows_.empty() || records_ == 0) {
    warning_->setStyleSheet({});
    warning_->setText(tr("No records to chart."));
  } else if (!short_names.isEmpty()) {
    warning_->setStyleSheet("color: #b3261e; font-weight: bold;");
    warning_->setText(tr("Below the required minimum share (red marks): %1").arg(short_names.join(", ")));
  } else {
    warning_->setStyleSheet({});
    warning_->setText(tr("Every required category reaches its minimum share (red marks), over %n record(s).", "",
                         static_cast<int>(records_)));
  }
}

void CoverageChart::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslate();
    draw();
  }
  QWidget::changeEvent(event);
}

void CoverageChart::retranslate() {
  approved_only_->setText(tr("Approved records only (what a training export holds)"));
}

}  // namespace medlora::ui
