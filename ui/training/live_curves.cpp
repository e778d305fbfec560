#include "ui/training/live_curves.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

#include <qcustomplot.h>

namespace medlora::ui {
namespace {

const QColor kTrainColor(31, 119, 180);
const QColor kEvalColor(230, 110, 10);
const QColor kSkippedColor(200, 30, 30);
const QColor kCheckpointColor(120, 120, 120);
const QColor kBestColor(30, 150, 60);
const QColor kKlColor(23, 160, 175);
const QColor kCeColor(150, 90, 40);
const QColor kAgreementColor(200, 60, 150);
const QColor kOverlayColors[] = {QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194),
                                 QColor(127, 127, 127), QColor(188, 189, 34), QColor(23, 190, 207)};

// The value of `graph` at the data point nearest to `key` (NaN when it has none).
std::pair<double, double> nearest(const QCPGraph* graph, double key) {
  const auto data = graph->data();
  if (data->isEmpty()) return {std::nan(""), std::nan("")};
  auto it = data->findBegin(key, false);
  auto best = it;
  if (it != data->constBegin()) {
    auto before = it - 1;
    if (it == data->constEnd() || std::abs(before->key - key) <= std::abs(it->key - key)) best = before;
  }
  if (best == data->constEnd()) best = data->constEnd() - 1;
  return {best->key, best->value};
}

QString number(double value) { return QString::number(value, 'g', 5); }

}  // namespace

LiveCurves::LiveCurves(QWidget* parent) : QWidget(parent) {
  build_plot();

  smoothing_slider_ = new QSlider(Qt::Horizontal, this);
  smoothing_slider_->setRange(0, 99);
  smoothing_slider_->setValue(static_cast<int>(smoothing_ * 100));
  smoothing_label_ = new QLabel(this);
  log_box_ = new QCheckBox(this);
  side_choice_ = new QComboBox(this);
  side_choice_->addItems({QString(), QString(), QString()});
  side_label_ = new QLabel(this);
  fit_button_ = new QPushButton(this);
  readout_ = new QLabel(this);
  readout_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* controls = new QHBoxLayout;
  controls->addWidget(smoothing_label_);
  controls->addWidget(smoothing_slider_, 1);
  controls->addWidget(log_box_);
  controls->addWidget(side_label_);
  controls->addWidget(side_choice_);
  controls->addWidget(fit_button_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(controls);
  layout->addWidget(plot_, 1);
  layout->addWidget(readout_);

  connect(smoothing_slider_, &QSlider::valueChanged, this, [this](int v) { set_smoothing(v / 100.0); });
  connect(log_box_, &QCheckBox::toggled, this, &LiveCurves::set_log_scale);
  connect(side_choice_, &QComboBox::currentIndexChanged, this,
          [this](int index) { set_side_metric(static_cast<SideMetric>(index)); });
  connect(fit_button_, &QPushButton::clicked, this, &LiveCurves::fit);

  replot_timer_.setSingleShot(true);
  replot_timer_.setInterval(kReplotIntervalMs);
  connect(&replot_timer_, &QTimer::timeout, this, &LiveCurves::on_timer);
  retranslate();
}

void LiveCurves::build_plot() {
  plot_ = new QCustomPlot(this);
  plot_->setMinimumHeight(260);
  plot_->setNoAntialiasingOnDrag(true);
  plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  loss_rect_ = plot_->axisRect();
  side_rect_ = new QCPAxisRect(plot_);
  plot_->plotLayout()->addElement(1, 0, side_rect_);
  plot_->plotLayout()->setRowStretchFactor(0, 3);
  plot_->plotLayout()->setRowStretchFactor(1, 1);
  // The two plots share the step axis: same margins, ranges kept in step.
  auto* margins = new QCPMarginGroup(plot_);
  loss_rect_->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
  side_rect_->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
  for (auto* rect : {loss_rect_, side_rect_}) {
    rect->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    rect->setRangeZoom(Qt::Horizontal | Qt::Vertical);
  }
  auto sync = [this](QCPAxis* other) {
    return [this, other](const QCPRange& range) {
      if (syncing_ranges_) return;
      syncing_ranges_ = true;
      other->setRange(range);
      syncing_ranges_ = false;
    };
  };
  connect(loss_rect_->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
          sync(side_rect_->axis(QCPAxis::atBottom)));
  connect(side_rect_->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
          sync(loss_rect_->axis(QCPAxis::atBottom)));

  auto graph_in = [this](QCPAxisRect* rect, const QColor& color, double width) {
    auto* graph = plot_->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    graph->setPen(QPen(color, width));
    graph->setProperty("medlora_width", width);
    graph->setAdaptiveSampling(true);
    return graph;
  };
  QColor faint = kTrainColor;
  faint.setAlpha(80);
  train_raw_ = graph_in(loss_rect_, faint, 1);
  train_smooth_ = graph_in(loss_rect_, kTrainColor, 2);
  eval_ = graph_in(loss_rect_, kEvalColor, 2);
  eval_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
  skipped_ = graph_in(loss_rect_, kSkippedColor, 1);
  skipped_->setLineStyle(QCPGraph::lsNone);
  skipped_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(kSkippedColor, 2), Qt::NoBrush, 10));
  best_marker_ = graph_in(loss_rect_, kBestColor, 1);
  best_marker_->setLineStyle(QCPGraph::lsNone);
  best_marker_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssStar, QPen(kBestColor, 2), Qt::NoBrush, 14));
  kl_ = graph_in(loss_rect_, kKlColor, 1.5);
  ce_ = graph_in(loss_rect_, kCeColor, 1.5);
  agreement_ = plot_->addGraph(loss_rect_->axis(QCPAxis::atBottom), loss_rect_->axis(QCPAxis::atRight));
  agreement_->setPen(QPen(kAgreementColor, 1.5, Qt::DashDotLine));
  agreement_->setProperty("medlora_width", 1.5);
  agreement_->setAdaptiveSampling(true);
  learning_rate_ = graph_in(side_rect_, QColor(44, 160, 44), 1.5);
  grad_norm_ = graph_in(side_rect_, QColor(214, 39, 40), 1.5);
  tokens_per_second_ = graph_in(side_rect_, QColor(148, 103, 189), 1.5);

  plot_->legend->setVisible(true);
  plot_->legend->setFont(QFont(font().family(), 8));
  loss_rect_->insetLayout()->addElement(plot_->legend, Qt::AlignTop | Qt::AlignRight);
  for (auto* g : {learning_rate_, grad_norm_, tokens_per_second_, best_marker_}) g->removeFromLegend();
  set_side_metric(side_metric_);
  set_distill_visible(false);

  cursor_ = new QCPItemStraightLine(plot_);
  cursor_->setPen(QPen(QColor(0, 0, 0, 60), 1, Qt::DotLine));
  cursor_->setClipAxisRect(loss_rect_);
  cursor_->setVisible(false);

  // Any zoom or pan by the user stops the plot from re-fitting itself on new points.
  connect(plot_, &QCustomPlot::mousePress, this, [this] { auto_range_ = false; });
  connect(plot_, &QCustomPlot::mouseWheel, this, [this] { auto_range_ = false; });
  connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this] { fit(); });
  connect(plot_, &QCustomPlot::mouseMove, this, &LiveCurves::on_mouse_move);
}

void LiveCurves::retranslate() {
  smoothing_label_->setText(tr("Smoothing %1").arg(smoothing_, 0, 'f', 2));
  smoothing_slider_->setToolTip(tr("Exponential moving average of the train loss (0 = raw)"));
  log_box_->setText(tr("Log scale"));
  log_box_->setToolTip(tr("Logarithmic loss axis"));
  side_label_->setText(tr("Lower plot:"));
  side_choice_->setItemText(0, tr("Learning rate"));
  side_choice_->setItemText(1, tr("Grad norm"));
  side_choice_->setItemText(2, tr("Tokens/s"));
  fit_button_->setText(tr("Fit"));
  fit_button_->setToolTip(tr("Show all the data and follow new points (double-click the plot does the same)"));
  train_raw_->setName(tr("train loss"));
  train_smooth_->setName(tr("train loss (smoothed)"));
  eval_->setName(tr("eval loss"));
  skipped_->setName(tr("skipped step"));
  kl_->setName(tr("KL to teacher"));
  ce_->setName(tr("cross-entropy"));
  agreement_->setName(tr("teacher agreement (right axis)"));
  loss_rect_->axis(QCPAxis::atRight)->setLabel(tr("teacher agreement (top-1)"));
  loss_rect_->axis(QCPAxis::atLeft)->setLabel(tr("loss"));
  side_rect_->axis(QCPAxis::atBottom)->setLabel(tr("step"));
  side_rect_->axis(QCPAxis::atLeft)->setLabel(side_choice_->currentText());
  if (readout_->text().isEmpty()) readout_->setText(tr("Hover over the plot to read a step's values."));
  schedule_replot();
}

void LiveCurves::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void LiveCurves::clear() {
  for (auto* g : {train_raw_, train_smooth_, eval_, skipped_, best_marker_, learning_rate_, grad_norm_, tokens_per_second_,
                  kl_, ce_, agreement_})
    g->data()->clear();
  set_distill_visible(false);
  for (auto* line : checkpoints_) plot_->removeItem(line);
  checkpoints_.clear();
  checkpoint_steps_.clear();
  if (best_line_) plot_->removeItem(best_line_);
  best_line_ = nullptr;
  best_step_ = -1;
  steps_.clear();
  losses_.clear();
  smoother_ = EmaSmoother(smoothing_);
  auto_range_ = true;
  schedule_replot();
}

void LiveCurves::add_train_point(double step, double loss, double learning_rate, double grad_norm,
                                 double tokens_per_second) {
  if (!steps_.isEmpty() && step <= steps_.back()) truncate_after(step - 0.5);
  if (std::isfinite(loss)) {
    steps_.append(step);
    losses_.append(loss);
    train_raw_->addData(step, loss);
    train_smooth_->addData(step, smoother_.add(loss));
  }
  if (std::isfinite(learning_rate)) learning_rate_->addData(step, learning_rate);
  if (std::isfinite(grad_norm)) grad_norm_->addData(step, grad_norm);
  if (std::isfinite(tokens_per_second)) tokens_per_second_->addData(step, tokens_per_second);
  schedule_replot();
}

void LiveCurves::add_distill_point(double step, double kl_loss, double ce_loss, double teacher_agreement) {
  if (!agreement_->data()->isEmpty() && step <= (agreement_->data()->constEnd() - 1)->key)
    for (auto* g : {kl_, ce_, agreement_}) g->data()->removeAfter(step - 0.5);
  if (std::isfinite(kl_loss)) kl_->addData(step, kl_loss);
  if (std::isfinite(ce_loss)) ce_->addData(step, ce_loss);
  if (std::isfinite(teacher_agreement)) agreement_->addData(step, teacher_agreement);
  if (!shows_distillation_) set_distill_visible(true);
  schedule_replot();
}

void LiveCurves::set_distill_visible(bool on) {
  shows_distillation_ = on;
  for (auto* g : {kl_, ce_, agreement_}) {
    g->setVisible(on);
    // A hidden graph would still have a legend entry.
    if (on) g->addToLegend();
    else g->removeFromLegend();
  }
  auto* axis = loss_rect_->axis(QCPAxis::atRight);
  axis->setVisible(on);
  axis->setRange(-0.02, 1.02);  // a fraction: the axis never rescales
}

int LiveCurves::distill_point_count() const { return agreement_->data()->size(); }

void LiveCurves::add_eval_point(double step, double eval_loss) {
  if (!eval_->data()->isEmpty() && step <= (eval_->data()->constEnd() - 1)->key) eval_->data()->removeAfter(step - 0.5);
  if (std::isfinite(eval_loss)) eval_->addData(step, eval_loss);
  schedule_replot();
}

QCPItemStraightLine* LiveCurves::vertical_line(double step, const QColor& color, Qt::PenStyle style) {
  auto* line = new QCPItemStraightLine(plot_);
  line->setClipAxisRect(loss_rect_);
  for (auto* position : {line->point1, line->point2}) position->setAxes(loss_rect_->axis(QCPAxis::atBottom), loss_rect_->axis(QCPAxis::atLeft));
  line->point1->setCoords(step, 0);
  line->point2->setCoords(step, 1);
  line->setPen(QPen(color, 1, style));
  return line;
}

void LiveCurves::add_checkpoint(double step) {
  if (checkpoint_steps_.contains(step)) return;
  checkpoints_.append(vertical_line(step, kCheckpointColor, Qt::DashLine));
  checkpoint_steps_.append(step);
  schedule_replot();
}

void LiveCurves::mark_best_checkpoint(double step) {
  if (best_line_) plot_->removeItem(best_line_);
  best_line_ = vertical_line(step, kBestColor, Qt::SolidLine);
  best_step_ = step;
  best_marker_->data()->clear();
  const auto [key, value] = nearest(eval_, step);
  if (std::isfinite(value) && key == step) best_marker_->addData(step, value);
  schedule_replot();
}

void LiveCurves::add_skipped_step(double step) {
  // Drawn at the last finite loss so that the cross sits on the curve where the step was lost.
  const double at = losses_.isEmpty() ? 0.0 : losses_.back();
  skipped_->addData(step, at);
  schedule_replot();
}

void LiveCurves::truncate_after(double step) {
  for (auto* g : {train_raw_, train_smooth_, eval_, skipped_, learning_rate_, grad_norm_, tokens_per_second_, kl_, ce_,
                  agreement_})
    g->data()->removeAfter(step);
  while (!steps_.isEmpty() && steps_.back() > step) {
    steps_.removeLast();
    losses_.removeLast();
  }
  for (int i = checkpoint_steps_.size() - 1; i >= 0; --i) {
    if (checkpoint_steps_[i] <= step) continue;
    plot_->removeItem(checkpoints_[i]);
    checkpoints_.remove(i);
    checkpoint_steps_.remove(i);
  }
  if (best_step_ > step && best_line_) {
    plot_->removeItem(best_line_);
    best_line_ = nullptr;
    best_step_ = -1;
    best_marker_->data()->clear();
  }
  rebuild_smoothed();
  schedule_replot();
}

void LiveCurves::add_overlay(const QString& label, const QVector<double>& steps, const QVector<double>& loss,
                             const QVector<double>& eval_steps, const QVector<double>& eval_loss) {
  Overlay overlay;
  overlay.label = label;
  overlay.steps = steps;
  overlay.loss = loss;
  const QColor color = kOverlayColors[overlays_.size() % std::size(kOverlayColors)];
  overlay.train = plot_->addGraph(loss_rect_->axis(QCPAxis::atBottom), loss_rect_->axis(QCPAxis::atLeft));
  overlay.train->setPen(QPen(color, 1.5, Qt::DashLine));
  overlay.train->setProperty("medlora_width", 1.5);
  overlay.train->setName(tr("%1: train loss").arg(label));
  overlay.train->setAdaptiveSampling(true);
  const auto smoothed = smooth(std::vector<double>(loss.begin(), loss.end()), smoothing_);
  overlay.train->setData(steps, QVector<double>(smoothed.begin(), smoothed.end()), true);
  overlay.eval = plot_->addGraph(loss_rect_->axis(QCPAxis::atBottom), loss_rect_->axis(QCPAxis::atLeft));
  overlay.eval->setPen(QPen(color, 1.5, Qt::DotLine));
  overlay.eval->setProperty("medlora_width", 1.5);
  overlay.eval->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
  overlay.eval->setName(tr("%1: eval loss").arg(label));
  overlay.eval->setData(eval_steps, eval_loss, true);
  overlays_.append(overlay);
  auto_range_ = true;
  schedule_replot();
}

void LiveCurves::clear_overlays() {
  for (const auto& o : overlays_) {
    plot_->removeGraph(o.train);
    plot_->removeGraph(o.eval);
  }
  overlays_.clear();
  schedule_replot();
}

void LiveCurves::set_smoothing(double weight) {
  weight = std::clamp(weight, 0.0, 0.99);
  if (weight == smoothing_) return;
  smoothing_ = weight;
  if (smoothing_slider_->value() != static_cast<int>(std::lround(weight * 100))) {
    const QSignalBlocker block(smoothing_slider_);
    smoothing_slider_->setValue(static_cast<int>(std::lround(weight * 100)));
  }
  smoothing_label_->setText(tr("Smoothing %1").arg(smoothing_, 0, 'f', 2));
  rebuild_smoothed();
  for (auto& o : overlays_) {
    const auto smoothed = smooth(std::vector<double>(o.loss.begin(), o.loss.end()), smoothing_);
    o.train->setData(o.steps, QVector<double>(smoothed.begin(), smoothed.end()), true);
  }
  schedule_replot();
}

void LiveCurves::rebuild_smoothed() {
  smoother_ = EmaSmoother(smoothing_);
  QVector<double> values;
  values.reserve(losses_.size());
  for (double v : losses_) values.append(smoother_.add(v));
  train_smooth_->setData(steps_, values, true);
}

void LiveCurves::set_log_scale(bool on) {
  if (log_box_->isChecked() != on) {
    const QSignalBlocker block(log_box_);
    log_box_->setChecked(on);
  }
  auto* axis = loss_rect_->axis(QCPAxis::atLeft);
  axis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
  if (on) axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
  else axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
  rescale();
  schedule_replot();
}

bool LiveCurves::log_scale() const { return loss_rect_->axis(QCPAxis::atLeft)->scaleType() == QCPAxis::stLogarithmic; }

QCPGraph* LiveCurves::side_graph(SideMetric metric) const {
  switch (metric) {
    case SideMetric::LearningRate: return learning_rate_;
    case SideMetric::GradNorm: return grad_norm_;
    case SideMetric::TokensPerSecond: return tokens_per_second_;
  }
  return learning_rate_;
}

void LiveCurves::set_side_metric(SideMetric metric) {
  side_metric_ = metric;
  for (auto m : {SideMetric::LearningRate, SideMetric::GradNorm, SideMetric::TokensPerSecond})
    side_graph(m)->setVisible(m == metric);
  if (side_choice_ && side_choice_->currentIndex() != static_cast<int>(metric)) {
    const QSignalBlocker block(side_choice_);
    side_choice_->setCurrentIndex(static_cast<int>(metric));
  }
  if (side_choice_) side_rect_->axis(QCPAxis::atLeft)->setLabel(side_choice_->currentText());
  side_rect_->axis(QCPAxis::atLeft)->rescale(true);
  schedule_replot();
}

void LiveCurves::fit() {
  auto_range_ = true;
  rescale();
  schedule_replot();
}

void LiveCurves::rescale() {
  // Only visible graphs count, so a hidden metric does not stretch the shared step axis.
  QCPRange steps;
  bool any = false;
  for (int i = 0; i < plot_->graphCount(); ++i) {
    const auto* graph = plot_->graph(i);
    if (!graph->visible()) continue;
    bool found = false;
    const QCPRange range = graph->getKeyRange(found);
    if (!found) continue;
    if (any) steps.expand(range);
    else steps = range;
    any = true;
  }
  if (any) {
    if (steps.size() <= 0) steps = QCPRange(steps.lower - 1, steps.upper + 1);
    loss_rect_->axis(QCPAxis::atBottom)->setRange(steps);  // the lower plot follows (synced)
  }
  loss_rect_->axis(QCPAxis::atLeft)->rescale(true);
  side_rect_->axis(QCPAxis::atLeft)->rescale(true);
  // Some air above and below the curves; in log scale the factor is multiplicative.
  for (auto* axis : {loss_rect_->axis(QCPAxis::atLeft), side_rect_->axis(QCPAxis::atLeft)}) {
    const QCPRange r = axis->range();
    if (axis->scaleType() == QCPAxis::stLogarithmic) axis->setRange(r.lower / 1.1, r.upper * 1.1);
    else axis->setRange(r.lower - 0.05 * r.size() - 1e-9, r.upper + 0.05 * r.size() + 1e-9);
  }
}

void LiveCurves::schedule_replot() {
  dirty_ = true;
  if (!replot_timer_.isActive()) replot_timer_.start();
}

void LiveCurves::on_timer() {
  if (!dirty_) return;
  replot_now();
}

void LiveCurves::replot_now() {
  if (auto_range_) rescale();
  // QPainter strokes wide polylines an order of magnitude slower than 1-pixel ones (a 100k-point
  // curve: ~0.7 s at width 2, a few ms at width 1), so dense curves are drawn thin.
  for (int i = 0; i < plot_->graphCount(); ++i) {
    auto* graph = plot_->graph(i);
    QPen pen = graph->pen();
    const double wanted = graph->dataCount() > kThinPenPoints ? 1.0 : graph->property("medlora_width").toDouble();
    if (wanted > 0 && pen.widthF() != wanted) {
      pen.setWidthF(wanted);
      graph->setPen(pen);
    }
  }
  plot_->replot();
  dirty_ = false;
  ++replot_count_;
}

bool LiveCurves::save_image(const QString& file, QString* error) {
  replot_now();
  const QString suffix = QFileInfo(file).suffix().toLower();
  bool ok = false;
  if (suffix == "png") ok = plot_->savePng(file, 1200, 800);
  else if (suffix == "pdf") ok = plot_->savePdf(file, 1200, 800);
  else {
    if (error) *error = tr("Choose a file ending in .png or .pdf (got \"%1\").").arg(file);
    return false;
  }
  if (!ok && error) *error = tr("Could not write %1.").arg(file);
  return ok;
}

int LiveCurves::eval_point_count() const { return eval_->data()->size(); }
int LiveCurves::skipped_count() const { return skipped_->data()->size(); }

QString LiveCurves::readout_at(double step) const {
  QStringList parts;
  const auto [train_step, loss] = nearest(train_raw_, step);
  double at = train_step;
  if (std::isfinite(loss)) {
    parts << tr("step %1").arg(train_step) << tr("loss %1").arg(number(loss));
    const auto smoothed = nearest(train_smooth_, train_step).second;
    if (std::isfinite(smoothed)) parts << tr("smoothed %1").arg(number(smoothed));
  }
  const auto [eval_step, eval_loss] = nearest(eval_, std::isfinite(at) ? at : step);
  if (std::isfinite(eval_loss)) parts << tr("eval loss %1 (step %2)").arg(number(eval_loss)).arg(eval_step);
  if (shows_distillation_) {
    const double key = std::isfinite(at) ? at : step;
    const auto kl = nearest(kl_, key).second, ce = nearest(ce_, key).second, agreement = nearest(agreement_, key).second;
    if (std::isfinite(kl)) parts << tr("KL %1").arg(number(kl));
    if (std::isfinite(ce)) parts << tr("CE %1").arg(number(ce));
    if (std::isfinite(agreement)) parts << tr("agreement %1 %").arg(agreement * 100, 0, 'f', 1);
  }
  const auto side = nearest(side_graph(side_metric_), std::isfinite(at) ? at : step).second;
  if (std::isfinite(side)) parts << QStringLiteral("%1 %2").arg(side_choice_->currentText(), number(side));
  for (const auto& o : overlays_) {
    const auto v = nearest(o.train, step).second;
    if (std::isfinite(v)) parts << QStringLiteral("%1 %2").arg(o.label, number(v));
  }
  return parts.join(QStringLiteral(" · "));
}

QString LiveCurves::readout_text() const { return readout_->text(); }

void LiveCurves::on_mouse_move(QMouseEvent* event) {
  const double step = loss_rect_->axis(QCPAxis::atBottom)->pixelToCoord(event->position().x());
  const QString text = readout_at(step);
  if (text.isEmpty()) return;
  readout_->setText(text);
  cursor_->point1->setAxes(loss_rect_->axis(QCPAxis::atBottom), loss_rect_->axis(QCPAxis::atLeft));
  cursor_->point2->setAxes(loss_rect_->axis(QCPAxis::atBottom), loss_rect_->axis(QCPAxis::atLeft));
  cursor_->point1->setCoords(step, 0);
  cursor_->point2->setCoords(step, 1);
  cursor_->setVisible(true);
  QToolTip::showText(event->globalPosition().toPoint(), text, plot_);
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace medlora::ui
