#include "ui/serve/serve_plots.h"

#include <QEvent>
#include <QGridLayout>

#include <algorithm>

#include <qcustomplot.h>

namespace medlora::ui {
namespace {

const QColor kColors[] = {QColor(31, 119, 180), QColor(44, 160, 44), QColor(230, 110, 10), QColor(148, 103, 189)};

}  // namespace

ServePlots::ServePlots(QWidget* parent) : QWidget(parent) {
  auto* layout = new QGridLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  for (int i = 0; i < 4; ++i) {
    auto* plot = new QCustomPlot(this);
    plot->setObjectName(QString("serve_plot_%1").arg(i));
    plot->setMinimumSize(220, 150);
    plot->setNoAntialiasingOnDrag(true);
    auto* graph = plot->addGraph();
    graph->setPen(QPen(kColors[i], 1.5));
    // Dots as well as lines: a latency between two idle seconds is a single point.
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    plot->xAxis->setRange(0, kFirstSpanSeconds);
    plot->yAxis->setRange(0, 1);
    plots_.append(plot);
    graphs_.append(graph);
    layout->addWidget(plot, i / 2, i % 2);
  }
  retranslate();
}

void ServePlots::add_point(int index, double seconds, double value) {
  auto* graph = graphs_[index];
  graph->addData(seconds, value);
  graph->data()->removeBefore(seconds - kWindowSeconds);
  auto* plot = plots_[index];
  // The first minute fills the plot; after the window's length it scrolls.
  plot->xAxis->setRange(std::max(0.0, seconds - kWindowSeconds), std::max(kFirstSpanSeconds, seconds));
  bool found = false;
  const QCPRange values = graph->getValueRange(found);
  plot->yAxis->setRange(0, found ? std::max(1.0, values.upper * 1.15) : 1.0);
}

void ServePlots::add_sample(double seconds, const ServeRates& rates) {
  add_point(0, seconds, rates.requests_per_second);
  add_point(1, seconds, rates.tokens_per_second);
  // No request finished: no latency to show (a gap, not a zero).
  add_point(2, seconds, rates.mean_latency_seconds ? *rates.mean_latency_seconds * 1000 : qQNaN());
  add_point(3, seconds, rates.queue_length);
  for (auto* plot : plots_) plot->replot(QCustomPlot::rpQueuedReplot);
}

void ServePlots::clear() {
  for (auto* graph : graphs_) graph->data()->clear();
  for (auto* plot : plots_) {
    plot->xAxis->setRange(0, kFirstSpanSeconds);
    plot->replot(QCustomPlot::rpQueuedReplot);
  }
}

void ServePlots::retranslate() {
  const QStringList titles = {tr("Requests per second"), tr("Completion tokens per second"),
                              tr("Mean latency (ms)"), tr("Queue length")};
  for (int i = 0; i < plots_.size(); ++i) {
    plots_[i]->xAxis->setLabel(tr("Seconds since start"));
    plots_[i]->yAxis->setLabel(titles[i]);
    plots_[i]->replot(QCustomPlot::rpQueuedReplot);
  }
}

void ServePlots::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace medlora::ui
