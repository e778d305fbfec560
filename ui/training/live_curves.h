#pragma once
// The live curves of a training run (QCustomPlot): train loss raw and smoothed with the eval
// loss on one axis, and a second plot below for the learning rate, grad norm or tokens/s.
// A distillation run adds its KL and cross-entropy terms on the loss axis and the teacher
// agreement (top-1, 0..1) on an axis of its own at the right; an ordinary run shows neither.
// Checkpoints, the best checkpoint and skipped (non-finite) steps are marked; other runs can
// be overlaid. Points are buffered and the plot redraws on a timer (at most ~4 times a second),
// never once per point, so a 100,000-point run stays smooth.
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include "ui/training/ema_smoother.h"

class QCheckBox;
class QComboBox;
class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QPushButton;
class QSlider;

namespace medlora::ui {

class LiveCurves : public QWidget {
  Q_OBJECT

 public:
  enum class SideMetric { LearningRate = 0, GradNorm = 1, TokensPerSecond = 2 };
  static constexpr int kReplotIntervalMs = 250;
  // Curves with more points than this are drawn with a 1-pixel pen (see replot_now).
  static constexpr int kThinPenPoints = 5000;

  explicit LiveCurves(QWidget* parent = nullptr);

  // Forgets the current run's points and markers (overlays stay).
  void clear();
  // One logging line. A step at or before the last one means the run was resumed from an
  // earlier checkpoint: the points after it are dropped first. NaN = not reported.
  void add_train_point(double step, double loss, double learning_rate, double grad_norm, double tokens_per_second);
  void add_eval_point(double step, double eval_loss);
  // The terms of a distillation logging line (kl_loss, ce_loss, teacher_agreement); the first
  // one shows their curves, which stay hidden for an ordinary run. NaN = not reported.
  void add_distill_point(double step, double kl_loss, double ce_loss, double teacher_agreement);
  void add_checkpoint(double step);
  void mark_best_checkpoint(double step);
  void add_skipped_step(double step);
  // Drops every point and marker after `step`.
  void truncate_after(double step);

  // Another run's curves, dashed, in their own colour, with `label` in the legend.
  void add_overlay(const QString& label, const QVector<double>& steps, const QVector<double>& loss,
                   const QVector<double>& eval_steps, const QVector<double>& eval_loss);
  void clear_overlays();
  int overlay_count() const { return overlays_.size(); }

  // 0 (raw) … 0.99; applies to the train loss of this run and the overlays.
  void set_smoothing(double weight);
  double smoothing() const { return smoothing_; }
  void set_log_scale(bool on);
  bool log_scale() const;
  void set_side_metric(SideMetric metric);
  SideMetric side_metric() const { return side_metric_; }
  // Back to showing all the data, following new points (after the user zoomed or panned).
  void fit();
  bool follows_new_points() const { return auto_range_; }

  // Draws now (tests, export); otherwise the timer does it.
  void replot_now();
  int replot_count() const { return replot_count_; }
  bool replot_pending() const { return dirty_; }
  // .png or .pdf, chosen by the extension; false with a reason otherwise.
  bool save_image(const QString& file, QString* error = nullptr);

  // What the hover read-out says for the data nearest to `step` (empty without data).
  QString readout_at(double step) const;
  QString readout_text() const;

  int train_point_count() const { return steps_.size(); }
  int eval_point_count() const;
  int checkpoint_count() const { return checkpoints_.size(); }
  int skipped_count() const;
  bool shows_distillation() const { return shows_distillation_; }
  int distill_point_count() const;
  double best_checkpoint_step() const { return best_step_; }
  QCustomPlot* plot() const { return plot_; }
  QCPGraph* train_raw_graph() const { return train_raw_; }
  QCPGraph* train_smoothed_graph() const { return train_smooth_; }
  QCPGraph* eval_graph() const { return eval_; }
  QCPGraph* kl_graph() const { return kl_; }
  QCPGraph* ce_graph() const { return ce_; }
  QCPGraph* agreement_graph() const { return agreement_; }
  QSlider* smoothing_slider() const { return smoothing_slider_; }
  QCheckBox* log_scale_box() const { return log_box_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void build_plot();
  void retranslate();
  void schedule_replot();
  void on_timer();
  void on_mouse_move(QMouseEvent* event);
  void rebuild_smoothed();
  void rescale();
  QCPItemStraightLine* vertical_line(double step, const QColor& color, Qt::PenStyle style);
  QCPGraph* side_graph(SideMetric metric) const;
  void set_distill_visible(bool on);

  struct Overlay {
    QString label;
    QVector<double> steps, loss;
    QCPGraph* train = nullptr;
    QCPGraph* eval = nullptr;
  };

  QCustomPlot* plot_ = nullptr;
  QCPAxisRect* loss_rect_ = nullptr;
  QCPAxisRect* side_rect_ = nullptr;
  QCPGraph* train_raw_ = nullptr;
  QCPGraph* train_smooth_ = nullptr;
  QCPGraph* eval_ = nullptr;
  QCPGraph* skipped_ = nullptr;
  QCPGraph* best_marker_ = nullptr;
  QCPGraph* learning_rate_ = nullptr;
  QCPGraph* grad_norm_ = nullptr;
  QCPGraph* tokens_per_second_ = nullptr;
  QCPGraph* kl_ = nullptr;
  QCPGraph* ce_ = nullptr;
  QCPGraph* agreement_ = nullptr;  // on loss_rect_'s right axis, 0..1
  bool shows_distillation_ = false;
  QVector<QCPItemStraightLine*> checkpoints_;
  QVector<double> checkpoint_steps_;
  QCPItemStraightLine* best_line_ = nullptr;
  QCPItemStraightLine* cursor_ = nullptr;
  QVector<Overlay> overlays_;

  QVector<double> steps_, losses_;  // this run's train loss, for re-smoothing
  EmaSmoother smoother_{0.6};
  double smoothing_ = 0.6;
  double best_step_ = -1;
  SideMetric side_metric_ = SideMetric::LearningRate;
  bool auto_range_ = true;
  bool dirty_ = false;
  bool syncing_ranges_ = false;
  int replot_count_ = 0;
  QTimer replot_timer_;

  QSlider* smoothing_slider_ = nullptr;
  QLabel* smoothing_label_ = nullptr;
  QCheckBox* log_box_ = nullptr;
  QComboBox* side_choice_ = nullptr;
  QLabel* side_label_ = nullptr;
  QLabel* readout_ = nullptr;
  QPushButton* fit_button_ = nullptr;
};

}  // namespace medlora::ui
