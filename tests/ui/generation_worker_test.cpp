// Generation on the worker thread: tokens stream into the output view while the GUI thread
// keeps running, Stop ends a long generation early, and a broken model reports its error.
#include "tests/ui/tiny_model_fixture.h"  // first: torch before Qt

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include "core/model/model_catalog.h"
#include "ui/models/generation_worker.h"
#include "ui/models/models_panel.h"
#include "ui/models/prompt_tryout.h"
#include "ui/shell/language_manager.h"
#include "tests/ui/cpu_settings_fixture.h"

using namespace medlora;
namespace fs = std::filesystem;

class GenerationWorkerTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    languages_.apply("en");
    root_ = fs::path(tmp_.path().toStdString());
    testing::write_tiny_model(root_ / "models" / model::kBaseModelName, true);
  }

  void streams_tokens_into_the_output() {
    ui::ModelsPanel panel;
    panel.configure(settings());
    auto* tryout = panel.tryout();
    QSignalSpy tokens(panel.worker(), &ui::GenerationWorker::token);
    QSignalSpy finished(panel.worker(), &ui::GenerationWorker::finished);
    tryout->prompt_edit()->setPlainText("What helps a mild fever?");
    tryout->max_tokens_spin()->setValue(12);
    tryout->temperature_spin()->setValue(0.0);
    QVERIFY(tryout->generate_button()->isEnabled());
    tryout->generate_button()->click();
    QVERIFY(tryout->busy());
    QVERIFY(!tryout->generate_button()->isEnabled());
    QVERIFY(tryout->stop_button()->isEnabled());
    // The worker runs elsewhere: this thread returns at once and keeps processing events.
    QVERIFY(panel.worker()->thread() != QThread::currentThread());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY(!tokens.isEmpty());
    QString streamed;
    for (const auto& args : tokens)
      for (const QChar c : args.first().toString())
        if (c.unicode() >= 0x20 || c == QLatin1Char('\n') || c == QLatin1Char('\t')) streamed += c;  // as shown
    QTRY_COMPARE(tryout->output_view()->toPlainText(), streamed);  // queued to the GUI thread
    QVERIFY(!streamed.isEmpty());
    const qint64 count = finished.first().at(1).toLongLong();
    QVERIFY(count > 0 && count <= 12);
    QTRY_VERIFY2(tryout->stats_label()->text().contains("tokens/s"), qPrintable(tryout->stats_label()->text()));
    QTRY_VERIFY(!tryout->busy());
    QVERIFY(tryout->generate_button()->isEnabled());
  }

  void stop_ends_a_long_generation() {
    ui::ModelsPanel panel;
    panel.configure(settings());
    auto* tryout = panel.tryout();
    QSignalSpy tokens(panel.worker(), &ui::GenerationWorker::token);
    QSignalSpy finished(panel.worker(), &ui::GenerationWorker::finished);
    tryout->prompt_edit()->setPlainText("Tell me everything about coughs.");
    tryout->max_tokens_spin()->setValue(4000);
    tryout->temperature_spin()->setValue(1.0);
    tryout->start();
    QTRY_VERIFY_WITH_TIMEOUT(tokens.count() >= 3, 60000);
    tryout->stop_button()->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    const QString reason = finished.first().at(0).toString();
    const qint64 count = finished.first().at(1).toLongLong();
    // Random weights may end early on EOS; otherwise Stop must have cut it short.
    QVERIFY2(reason == "cancelled" || reason == "eos", qPrintable(reason));
    QVERIFY(count < 4000);
    // QSignalSpy records in the worker thread; the panel's queued slot runs a moment later.
    if (reason == "cancelled") QTRY_VERIFY(tryout->stats_label()->text().contains("stopped"));
    QTRY_VERIFY(!tryout->busy());
  }

  void broken_model_reports_its_error() {
    const fs::path broken = root_ / "broken";
    testing::write_tiny_model(broken, true, 11);
    fs::remove(broken / "model.safetensors");
    {
      std::ofstream(broken / "model.safetensors") << "not a safetensors file";
    }
    ui::GenerationWorker worker;
    QSignalSpy failed(&worker, &ui::GenerationWorker::failed);
    ui::GenerationRequest request;
    request.model_dir = QString::fromStdString(broken.string());
    request.device = "cpu";
    request.dtype = "float32";
    request.threads = 1;
    request.user_text = "hello";
    worker.generate(request);  // direct call: runs on this thread
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.first().first().toString().contains("model.safetensors"),
             qPrintable(failed.first().first().toString()));
  }

 private:
  ui::WorkbenchSettings settings() const { return testing::cpu_settings(root_ / "models"); }

  QTemporaryDir tmp_;
  fs::path root_;
  ui::LanguageManager languages_;
};

QTEST_MAIN(GenerationWorkerTest)
#include "generation_worker_test.moc"
