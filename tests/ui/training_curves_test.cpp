// LiveCurves: raw and smoothed train loss with eval loss, the distillation terms (only for a
// distill run), resume truncation, markers, log scale, overlays, hover read-out, throttled
// replots, export, and a 100,000-point run.
#include <QCheckBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include <qcustomplot.h>

#include "ui/training/ema_smoother.h"
#include "ui/training/live_curves.h"

using medlora::ui::LiveCurves;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const QColor kAgreementColour(200, 60, 150);  // live_curves.cpp's teacher-agreement pen

// Pixels within a small distance of `colour` (anti-aliased strokes are not exactly it).
int pixels_near(const QImage& image, const QColor& colour) {
  int count = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) {
      const QColor c = image.pixelColor(x, y);
      if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) + std::abs(c.blue() - colour.blue()) < 40)
        ++count;
    }
  return count;
}
}  // namespace

class TrainingCurvesTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void smoothing_removes_the_start_up_bias() {
    const auto out = medlora::ui::smooth({2.0, 2.0, 2.0}, 0.9);
    for (double v : out) QVERIFY(std::abs(v - 2.0) < 1e-12);  // a plain EMA would start at 0.2
    const auto raw = medlora::ui::smooth({1.0, 5.0}, 0.0);
    QCOMPARE(raw[1], 5.0);
    const auto skip = medlora::ui::smooth({1.0, kNaN, 1.0}, 0.5);
    QVERIFY(std::isnan(skip[1]));
    QCOMPARE(skip[2], 1.0);
  }

  void train_and_eval_points_land_on_the_same_axes() {
    LiveCurves curves;
    for (int s = 1; s <= 10; ++s) curves.add_train_point(s, 3.0 - 0.1 * s, 1e-4, 0.5, 1000);
    curves.add_eval_point(5, 2.6);
    curves.add_eval_point(10, 2.2);
    QCOMPARE(curves.train_point_count(), 10);
    QCOMPARE(curves.train_smoothed_graph()->dataCount(), 10);
    QCOMPARE(curves.eval_point_count(), 2);
    QCOMPARE(curves.eval_graph()->valueAxis(), curves.train_raw_graph()->valueAxis());
    curves.replot_now();
    QVERIFY(curves.train_raw_graph()->valueAxis()->range().contains(2.2));
    QVERIFY(curves.train_raw_graph()->keyAxis()->range().contains(10));
  }

  void smoothing_slider_rebuilds_the_smoothed_curve() {
    LiveCurves curves;
    curves.add_train_point(1, 1.0, kNaN, kNaN, kNaN);
    curves.add_train_point(2, 3.0, kNaN, kNaN, kNaN);
    curves.smoothing_slider()->setValue(0);
    QCOMPARE(curves.smoothing(), 0.0);
    QCOMPARE((curves.train_smoothed_graph()->data()->constEnd() - 1)->value, 3.0);
    curves.smoothing_slider()->setValue(50);
    // Debiased EMA with w 0.5 after 1, 3: (0.25 + 1.5) / 0.75.
    QVERIFY(std::abs((curves.train_smoothed_graph()->data()->constEnd() - 1)->value - 1.75 / 0.75) < 1e-9);
  }

  void a_resumed_run_replaces_the_steps_after_its_checkpoint() {
    LiveCurves curves;
    for (int s = 1; s <= 20; ++s) curves.add_train_point(s, 2.0, kNaN, kNaN, kNaN);
    curves.add_eval_point(10, 1.9);
    curves.add_eval_point(20, 1.8);
    curves.add_checkpoint(10);
    curves.add_checkpoint(20);
    // Resumed from checkpoint-10: the trainer repeats step 11 onwards.
    curves.add_train_point(11, 1.5, kNaN, kNaN, kNaN);
    QCOMPARE(curves.train_point_count(), 11);
    QCOMPARE(curves.eval_point_count(), 1);
    QCOMPARE(curves.checkpoint_count(), 1);
    QCOMPARE((curves.train_raw_graph()->data()->constEnd() - 1)->value, 1.5);
  }

  void markers_for_checkpoints_best_and_skipped_steps() {
    LiveCurves curves;
    for (int s = 1; s <= 6; ++s) curves.add_train_point(s, 2.0, kNaN, kNaN, kNaN);
    curves.add_eval_point(3, 1.7);
    curves.add_eval_point(6, 1.9);
    curves.add_checkpoint(3);
    curves.add_checkpoint(3);  // a repeated event draws one line
    curves.add_checkpoint(6);
    curves.add_skipped_step(4);
    curves.mark_best_checkpoint(3);
    QCOMPARE(curves.checkpoint_count(), 2);
    QCOMPARE(curves.skipped_count(), 1);
    QCOMPARE(curves.best_checkpoint_step(), 3.0);
    QVERIFY(curves.readout_at(3).contains("eval loss 1.7"));
  }

  void an_ordinary_run_shows_no_distillation_curves() {
    LiveCurves curves;
    curves.resize(900, 600);
    curves.show();
    for (int s = 1; s <= 20; ++s) curves.add_train_point(s, 3.0 - 0.1 * s, 1e-4, 0.5, 1000);
    curves.replot_now();
    QVERIFY(!curves.shows_distillation());
    QCOMPARE(curves.distill_point_count(), 0);
    for (auto* g : {curves.kl_graph(), curves.ce_graph(), curves.agreement_graph()}) {
      QVERIFY(!g->visible());
      QVERIFY(!curves.plot()->legend->hasItemWithPlottable(g));
    }
    QVERIFY(!curves.agreement_graph()->valueAxis()->visible());
    QVERIFY(!curves.readout_at(5).contains("KL"));
    QCOMPARE(pixels_near(curves.plot()->grab().toImage(), kAgreementColour), 0);
  }

  void a_distill_run_shows_its_terms_and_the_teacher_agreement_on_its_own_axis() {
    LiveCurves curves;
    curves.resize(900, 600);
    curves.show();
    for (int s = 1; s <= 20; ++s) {
      curves.add_train_point(s, 3.0 - 0.1 * s, 1e-4, 0.5, 1000);
      curves.add_distill_point(s, 4.0 / s, 2.8 - 0.05 * s, 0.04 * s);  // KL 4 → 0.2, agreement 4 % → 80 %
    }
    curves.replot_now();
    QVERIFY(curves.shows_distillation());
    QCOMPARE(curves.distill_point_count(), 20);
    QCOMPARE(curves.kl_graph()->dataCount(), 20);
    QCOMPARE(curves.ce_graph()->dataCount(), 20);
    for (auto* g : {curves.kl_graph(), curves.ce_graph(), curves.agreement_graph()}) {
      QVERIFY(g->visible());
      QVERIFY(curves.plot()->legend->hasItemWithPlottable(g));
    }
    // KL and CE share the loss axis, which fits them; the agreement has a 0..1 axis of its own.
    QCOMPARE(curves.kl_graph()->valueAxis(), curves.train_raw_graph()->valueAxis());
    QCOMPARE(curves.ce_graph()->valueAxis(), curves.train_raw_graph()->valueAxis());
    QVERIFY(curves.train_raw_graph()->valueAxis()->range().contains(4.0));
    auto* agreement_axis = curves.agreement_graph()->valueAxis();
    QVERIFY(agreement_axis != curves.train_raw_graph()->valueAxis());
    QVERIFY(agreement_axis->visible());
    QVERIFY(agreement_axis->range().contains(0.0) && agreement_axis->range().contains(1.0));
    QVERIFY(agreement_axis->range().size() < 1.1);
    const QString readout = curves.readout_at(10);
    QVERIFY2(readout.contains("KL 0.4") && readout.contains("CE 2.3") && readout.contains("agreement 40.0 %"),
             qPrintable(readout));
    QVERIFY(pixels_near(curves.plot()->grab().toImage(), kAgreementColour) > 20);

    // Resumed from step 10: the terms after it are replaced, like the loss.
    curves.add_train_point(11, 1.0, kNaN, kNaN, kNaN);
    QCOMPARE(curves.distill_point_count(), 10);
    curves.add_distill_point(11, 0.1, 1.0, 0.9);
    QCOMPARE(curves.distill_point_count(), 11);
    QCOMPARE((curves.kl_graph()->data()->constEnd() - 1)->value, 0.1);
    // The next run shown is an ordinary one: the distillation curves go away.
    curves.clear();
    QVERIFY(!curves.shows_distillation());
    QVERIFY(!curves.agreement_graph()->visible());
    QCOMPARE(curves.distill_point_count(), 0);
  }

  void log_scale_and_fit_after_zoom() {
    LiveCurves curves;
    for (int s = 1; s <= 100; ++s) curves.add_train_point(s, 10.0 / s, kNaN, kNaN, kNaN);
    curves.log_scale_box()->setChecked(true);
    QVERIFY(curves.log_scale());
    QCOMPARE(curves.train_raw_graph()->valueAxis()->scaleType(), QCPAxis::stLogarithmic);
    curves.replot_now();
    QVERIFY(curves.train_raw_graph()->valueAxis()->range().lower > 0);
    // The user zooms: new points no longer re-fit the view until Fit.
    Q_EMIT curves.plot()->mouseWheel(nullptr);
    QVERIFY(!curves.follows_new_points());
    curves.train_raw_graph()->keyAxis()->setRange(1, 10);
    curves.add_train_point(500, 0.01, kNaN, kNaN, kNaN);
    curves.replot_now();
    QCOMPARE(curves.train_raw_graph()->keyAxis()->range().upper, 10.0);
    curves.fit();
    curves.replot_now();
    QVERIFY(curves.train_raw_graph()->keyAxis()->range().contains(500));
  }

  void side_metric_is_selectable_and_shares_the_step_axis() {
    LiveCurves curves;
    for (int s = 1; s <= 5; ++s) curves.add_train_point(s, 2.0, 1e-4 * s, 0.3, 900 + s);
    curves.set_side_metric(LiveCurves::SideMetric::TokensPerSecond);
    curves.replot_now();
    QVERIFY(curves.readout_at(5).contains("905"));
    curves.set_side_metric(LiveCurves::SideMetric::GradNorm);
    QVERIFY(curves.readout_at(5).contains("0.3"));
  }

  void hover_reads_out_the_nearest_step() {
    LiveCurves curves;
    curves.resize(800, 600);
    curves.show();
    for (int s = 10; s <= 100; s += 10) curves.add_train_point(s, s / 100.0, kNaN, kNaN, kNaN);
    curves.replot_now();
    QCOMPARE(curves.readout_at(42).left(7), QString("step 40"));
    QVERIFY(curves.readout_at(46).startsWith("step 50 · loss 0.5"));
    const auto* axis = curves.train_raw_graph()->keyAxis();
    const auto* rect = curves.train_raw_graph()->keyAxis()->axisRect();
    QMouseEvent move(QEvent::MouseMove, QPointF(axis->coordToPixel(70), rect->center().y()),
                     curves.plot()->mapToGlobal(QPointF(axis->coordToPixel(70), rect->center().y())), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(curves.plot(), &move);
    QVERIFY2(curves.readout_text().startsWith("step 70"), qPrintable(curves.readout_text()));
  }

  void overlays_add_dashed_curves_with_their_labels() {
    LiveCurves curves;
    const int own_graphs = curves.plot()->graphCount();
    curves.add_overlay("run-a", {1, 2, 3}, {3, 2, 1}, {3}, {1.5});
    curves.add_overlay("run-b", {1, 2}, {4, 3}, {}, {});
    QCOMPARE(curves.overlay_count(), 2);
    QCOMPARE(curves.plot()->graphCount(), own_graphs + 4);
    QVERIFY(curves.readout_at(2).contains("run-a"));
    curves.clear_overlays();
    QCOMPARE(curves.plot()->graphCount(), own_graphs);
  }

  void points_are_drawn_on_a_timer_not_per_point() {
    LiveCurves curves;
    const int before = curves.replot_count();
    for (int s = 1; s <= 1000; ++s) curves.add_train_point(s, 1.0, kNaN, kNaN, kNaN);
    QCOMPARE(curves.replot_count(), before);
    QVERIFY(curves.replot_pending());
    QTRY_VERIFY_WITH_TIMEOUT(!curves.replot_pending(), 2000);
    QCOMPARE(curves.replot_count(), before + 1);
  }

  void a_hundred_thousand_points_replot_quickly() {
    LiveCurves curves;
    curves.resize(1000, 700);
    curves.show();
    QElapsedTimer adding;
    adding.start();
    for (int s = 1; s <= 100000; ++s)
      curves.add_train_point(s, 2.0 + std::sin(s * 0.01) * 0.5 + 1.0 / s, 1e-4, 0.5 + 0.1 * std::cos(s * 0.1), 1500);
    for (int s = 500; s <= 100000; s += 500) curves.add_eval_point(s, 2.0);
    const qint64 add_ms = adding.elapsed();
    curves.replot_now();  // the first replot lays out the plot
    QElapsedTimer timer;
    timer.start();
    curves.replot_now();
    const qint64 replot_ms = timer.elapsed();
    qInfo("100k points: adding %lld ms, one replot %lld ms", add_ms, replot_ms);
    QVERIFY2(add_ms < 3000, qPrintable(QString::number(add_ms)));
    QVERIFY2(replot_ms < 250, qPrintable(QString::number(replot_ms)));  // within one timer period
    // Smoothing change over all 100k points stays interactive too.
    timer.restart();
    curves.set_smoothing(0.95);
    curves.replot_now();
    QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
  }

  void exports_png_and_pdf() {
    QTemporaryDir dir;
    LiveCurves curves;
    for (int s = 1; s <= 50; ++s) curves.add_train_point(s, 2.0 / s, 1e-4, 0.5, 1000);
    QVERIFY(curves.save_image(dir.filePath("plot.png")));
    QVERIFY(curves.save_image(dir.filePath("plot.pdf")));
    QVERIFY(QFileInfo(dir.filePath("plot.png")).size() > 1000);
    QVERIFY(QFileInfo(dir.filePath("plot.pdf")).size() > 1000);
    QString error;
    QVERIFY(!curves.save_image(dir.filePath("plot.bmp"), &error));
    QVERIFY(error.contains(".png"));
    // The exported image is not blank: the curve's colour is in it.
    QImage image(dir.filePath("plot.png"));
    bool blue = false;
    for (int y = 0; y < image.height() && !blue; y += 2)
      for (int x = 0; x < image.width() && !blue; x += 2) blue = image.pixelColor(x, y) == QColor(31, 119, 180);
    QVERIFY(blue);
  }
};

QTEST_MAIN(TrainingCurvesTest)
#include "training_curves_test.moc"
