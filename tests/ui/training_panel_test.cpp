// The Training panel end to end with the real `medlora train` on a tiny model: form
// validation, a launched run whose curves receive points, stop and resume, re-attaching after
// the GUI went away, an interrupted (killed) run resumed, history overlay, diff, CSV, adapter.
#include "tests/ui/tiny_model_fixture.h"  // first: torch before Qt

#include <QDir>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

#include "core/runtime/bfloat16_speed.h"
#include "core/runtime/compute_options.h"
#include "core/store/model_registry.h"
#include "core/store/run_repository.h"
#include "core/store/workspace.h"
#include "tests/ui/tiny_run_form.h"
#include "ui/training/live_curves.h"
#include "ui/training/run_form.h"
#include "ui/training/run_history.h"
#include "ui/training/run_process.h"
#include "ui/training/training_panel.h"

using namespace medlora;
namespace fs = std::filesystem;

class TrainingPanelTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    root_ = tmp_.path();
    testing::write_tiny_model(fs::path(root_.toStdString()) / "models" / "tiny", true);
    write_records(root_ + "/train.jsonl", 24);
    write_records(root_ + "/eval.jsonl", 4);
    QVERIFY(QFileInfo(medlora_bin()).isExecutable());
  }

  void form_validation_names_errors_and_warns() {
    ui::TrainingPanel panel(root_ + "/form.medlora", medlora_bin());
    auto* form = panel.form();
    form->set_value("base_model", root_ + "/nowhere");
    form->validate();
    QVERIFY(!form->can_launch());
    QVERIFY(form->errors().join('\n').contains("Base model"));
    configure(form, "form-run", 4);
    QVERIFY2(form->can_launch(), qPrintable(form->errors().join('\n')));
    QVERIFY(!form->estimate_text().isEmpty());
    // Effective batch 2 × 1 ≠ 32 asked for.
    form->set_value("effective_batch", 32);
    form->validate();
    QVERIFY(form->warnings().join('\n').contains("effective batch"));
    form->set_value("effective_batch", 2);
    form->set_value("lora.r", 512);
    form->validate();
    QVERIFY(form->warnings().join('\n').contains("lora.r"));
    // bfloat16 asked for where it runs far below float32 is named (and only there).
    form->set_value("training.dtype", "bfloat16");
    form->validate();
    const bool bf16_slow = runtime::bfloat16_is_slow_on(runtime::resolve_device(runtime::DeviceChoice::Auto));
    QCOMPARE(form->warnings().join('\n').contains("training.dtype"), bf16_slow);
    form->set_value("training.dtype", "auto");
    form->validate();
    QVERIFY(!form->warnings().join('\n').contains("training.dtype"));
    QCOMPARE(form->preset(), QString("custom"));  // edited after the preset
    form->set_value("training.learning_rate", "fast");
    form->validate();
    QVERIFY(form->errors().join('\n').contains("training.learning_rate"));
    form->apply_preset("medical-record");
    QCOMPARE(form->value("lora.r").toLongLong(), 64);
    QCOMPARE(form->value("training.max_length").toLongLong(), 1024);
    QCOMPARE(form->value("training.learning_rate").toString(), QString("1e-4"));
    form->apply_preset("attention-mlp");
    QCOMPARE(form->preset(), QString("attention-mlp"));
    QVERIFY(form->value("lora.target_modules").toString().contains("gate_proj"));
    QVERIFY(form->value("lora.target_modules").toString().contains("down_proj"));
  }

  void a_launched_run_feeds_the_curves_and_the_history() {
    const QString ws = root_ + "/run.medlora";
    ui::TrainingPanel panel(ws, medlora_bin());
    panel.resize(1200, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    configure(panel.form(), "short", 6);
    const int blank = inked_pixels(panel.curves()->grab().toImage());
    save_screenshot(panel, "start");
    QString error;
    QSignalSpy ended(panel.process(), &ui::RunProcess::ended);
    QVERIFY2(panel.launch(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(panel.curves()->train_point_count() >= 2 || !ended.isEmpty(), 60000);
    QTest::qWait(400);  // the curves replot on a ~4 Hz timer
    const int mid = inked_pixels(panel.curves()->grab().toImage());
    save_screenshot(panel, "mid");
    QVERIFY(!ended.isEmpty() || ended.wait(60000));
    QTest::qWait(400);
    const int end = inked_pixels(panel.curves()->grab().toImage());
    save_screenshot(panel, "end");
    // Screenshots: the plot is drawn (more coloured pixels than the empty axes) and grows.
    QVERIFY2(mid > blank, qPrintable(QString("blank %1, mid %2").arg(blank).arg(mid)));
    QVERIFY2(end > blank, qPrintable(QString("blank %1, end %2").arg(blank).arg(end)));
    QVERIFY2(ended.first().first().toString() == "finished", qPrintable(ended.first().at(1).toString()));
    QCOMPARE(panel.curves()->train_point_count(), 6);
    QVERIFY(panel.curves()->eval_point_count() >= 2);
    QVERIFY(panel.curves()->checkpoint_count() >= 2);
    QVERIFY(panel.curves()->best_checkpoint_step() > 0);
    QCOMPARE(panel.progress_bar()->value(), 6);
    QVERIFY(panel.followed_run_id().has_value());
    const qint64 id = *panel.followed_run_id();
    const auto run = store::RunRepository(*panel.workspace()).find(id);
    QCOMPARE(QString::fromStdString(run->status), QString("finished"));
    QCOMPARE(panel.history()->table()->rowCount(), 1);
    QCOMPARE(panel.history()->table()->item(0, ui::RunHistory::Steps)->text(), QString("6"));
    // CSV of its metrics, and the adapter registered for the chat tester.
    QVERIFY(panel.history()->export_csv(id, root_ + "/short.csv"));
    QFile csv(root_ + "/short.csv");
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    QVERIFY(text.startsWith("step,loss,learning_rate,grad_norm,tokens_per_second,epoch,eval_loss,eval_perplexity\n"));
    QCOMPARE(text.count('\n'), 7);
    const auto adapter = panel.history()->register_adapter(id, &error);
    QVERIFY2(adapter.has_value(), qPrintable(error));
    QCOMPARE(store::RunRepository(*panel.workspace()).find(id)->adapter_id.value_or(-1), *adapter);
    QCOMPARE(store::ModelRegistry(*panel.workspace()).adapters().size(), size_t{1});
    QVERIFY(panel.curves()->save_image(root_ + "/short.png"));
  }

  void stop_then_resume_continues_the_run() {
    const QString ws = root_ + "/stop.medlora";
    ui::TrainingPanel panel(ws, medlora_bin());
    configure(panel.form(), "long", 100000);
    QString error;
    QVERIFY2(panel.launch(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(panel.curves()->train_point_count() >= 3, 60000);
    QSignalSpy ended(panel.process(), &ui::RunProcess::ended);
    panel.stop_run();
    QVERIFY(ended.wait(30000));
    QCOMPARE(ended.first().first().toString(), QString("stopped"));
    const qint64 id = *panel.followed_run_id();
    QCOMPARE(QString::fromStdString(store::RunRepository(*panel.workspace()).find(id)->status), QString("stopped"));
    QVERIFY(panel.resume_button()->isEnabled());
    const int stopped_at = panel.curves()->train_point_count();
    QVERIFY2(panel.resume_run(id, &error, stopped_at + 3), qPrintable(error));
    QVERIFY(ended.wait(60000));
    QCOMPARE(ended.last().first().toString(), QString("finished"));
    QCOMPARE(panel.curves()->train_point_count(), stopped_at + 3);
    QCOMPARE(store::RunRepository(*panel.workspace()).list().size(), size_t{1});  // the same row continued
  }

  void reopening_re_attaches_and_a_killed_run_is_resumable() {
    const QString ws = root_ + "/attach.medlora";
    qint64 pid = 0;
    {
      ui::TrainingPanel panel(ws, medlora_bin());
      configure(panel.form(), "attach", 100000);
      QString error;
      QVERIFY2(panel.launch(&error), qPrintable(error));
      QTRY_VERIFY_WITH_TIMEOUT(panel.curves()->train_point_count() >= 2, 60000);
      pid = panel.process()->pid();
      panel.shut_down(true);  // "keep running" when the GUI closes
    }
    QVERIFY(ui::RunProcess::process_alive(pid));
    qint64 id = 0;
    {
      ui::TrainingPanel panel(ws, medlora_bin());
      QVERIFY(panel.process()->is_running());
      QVERIFY(panel.followed_run_id().has_value());
      id = *panel.followed_run_id();
      // The replay shows the run so far, and new points keep coming.
      QTRY_VERIFY_WITH_TIMEOUT(panel.curves()->train_point_count() >= 2, 10000);
      const int seen = panel.curves()->train_point_count();
      QTRY_VERIFY_WITH_TIMEOUT(panel.curves()->train_point_count() > seen, 30000);
      // The trainer dies without a word (kill -9): the run is interrupted, not running.
      QSignalSpy ended(panel.process(), &ui::RunProcess::ended);
      ::kill(static_cast<pid_t>(pid), SIGKILL);
      QVERIFY(ended.wait(10000));
      QCOMPARE(ended.first().first().toString(), QString("interrupted"));
    }
    ui::TrainingPanel panel(ws, medlora_bin());
    QVERIFY(!panel.process()->is_running());
    const auto run = store::RunRepository(*panel.workspace()).find(id);
    QCOMPARE(ui::RunHistory::display_status(*run), QString("interrupted"));
    QCOMPARE(panel.history()->table()->item(0, ui::RunHistory::Status)->text(), QString("interrupted"));
    QVERIFY(panel.resume_button()->isEnabled());
    const auto checkpoints = store::RunRepository(*panel.workspace()).checkpoints(id);
    QVERIFY(!checkpoints.empty());
    QString error;
    QVERIFY2(panel.resume_run(id, &error, checkpoints.back().step + 2), qPrintable(error));
    QSignalSpy ended(panel.process(), &ui::RunProcess::ended);
    QVERIFY(ended.wait(60000));
    QCOMPARE(ended.first().first().toString(), QString("finished"));
  }

  void history_overlays_and_compares_two_runs() {
    const QString ws = root_ + "/run.medlora";  // holds "short" from the launch test
    ui::TrainingPanel panel(ws, medlora_bin());
    configure(panel.form(), "short-b", 4);
    panel.form()->set_value("training.learning_rate", "1e-3");
    QString error;
    QVERIFY2(panel.launch(&error), qPrintable(error));
    QSignalSpy ended(panel.process(), &ui::RunProcess::ended);
    QVERIFY(ended.wait(60000));
    panel.history()->refresh();
    QCOMPARE(panel.history()->table()->rowCount(), 2);
    const auto runs = store::RunRepository(*panel.workspace()).list();
    const QList<qint64> both{runs[0].id, runs[1].id};
    panel.curves()->clear_overlays();
    panel.overlay_runs(both);
    QVERIFY(panel.curves()->overlay_count() >= 1);
    panel.history()->select_runs(both);
    QCOMPARE(panel.history()->selected_run_ids().size(), 2);
    const auto differences = panel.history()->diff(runs[0].id, runs[1].id);
    QStringList keys;
    for (const auto& d : differences) keys << d.key;
    QVERIFY(keys.contains("training.learning_rate"));
    QVERIFY(keys.contains("training.max_steps"));
    QVERIFY(!keys.contains("training.micro_batch_size"));
    // Notes and tags on one run; then delete the other with its folder.
    panel.history()->select_runs({runs[1].id});
    panel.history()->notes_edit()->setPlainText("baseline");
    panel.history()->tags_edit()->setText("tiny, baseline");
    QVERIFY(panel.history()->save_notes_and_tags(&error));
    QCOMPARE(store::RunRepository(*panel.workspace()).find(runs[1].id)->notes, std::string("baseline"));
    const QString folder = QString::fromStdString(runs[0].folder);
    QVERIFY(QFileInfo::exists(folder));
    QVERIFY2(panel.history()->delete_run(runs[0].id, false, &error), qPrintable(error));
    QVERIFY(!QFileInfo::exists(folder));
    QCOMPARE(panel.history()->table()->rowCount(), 1);
  }

 private:
  static QString medlora_bin() { return QStringLiteral(MEDLORA_BIN_DIR "/medlora"); }

  // Pixels with a saturated colour: curve and marker strokes, not the grey axes or white ground.
  static int inked_pixels(const QImage& image) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
      for (int x = 0; x < image.width(); ++x) {
        const QColor c = image.pixelColor(x, y);
        if (c.saturation() > 80 && c.value() > 60) ++count;
      }
    return count;
  }

  static void save_screenshot(QWidget& panel, const char* moment) {
    const QString out = QDir(QDir::tempPath()).filePath(QString("medlora-training-%1.png").arg(moment));
    if (panel.grab().save(out)) qInfo("screenshot: %s", qPrintable(out));
  }

  static void write_records(const QString& file, int count) {
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    for (int i = 0; i < count; ++i)
      out.write(QStringLiteral("{\"input\":\"fever day %1?\",\"output\":\"Rest and drink water; "
                               "\"}\n")
                    .arg(i)
                    .toUtf8());
  }

  // A tiny, fast run: micro-batch 2, no accumulation, logging, evaluating and saving often.
  void configure(ui::RunForm* form, const QString& name, int max_steps) {
    testing::configure_tiny_run(*form, root_, root_ + "/models/tiny", name, max_steps, root_ + "/eval.jsonl", 256);
  }

  QTemporaryDir tmp_;
  QString root_;
};

QTEST_MAIN(TrainingPanelTest)
#include "training_panel_test.moc"
