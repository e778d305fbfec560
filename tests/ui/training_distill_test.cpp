// Distillation in the Training panel: the form's objective shows the teacher's fields, the
// RUN.json it writes parses with core's RunConfig (teacher, quantisation, top-k precompute,
// temperature, alpha, a LoRA or full student), the teacher's folders are checked, and the
// curves show the distillation terms of a distill run (live, and from the history, whose rows
// the trainer keeps in the workspace) and not of an ordinary one. The runs are the real
// `medlora train` on tiny models.
#include "tests/ui/tiny_model_fixture.h"  // first: torch before Qt

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QJsonDocument>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include <qcustomplot.h>

#include "core/store/run_repository.h"
#include "core/store/workspace.h"
#include "core/train/run_config.h"
#include "tests/ui/tiny_run_form.h"
#include "ui/shell/language_manager.h"
#include "ui/training/live_curves.h"
#include "ui/training/run_form.h"
#include "ui/training/run_history.h"
#include "ui/training/run_process.h"
#include "ui/training/training_panel.h"

using namespace medlora;
namespace fs = std::filesystem;

class TrainingDistillTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    languages_.apply("en");
    root_ = tmp_.path();
    const fs::path models = fs::path(root_.toStdString()) / "models";
    testing::write_tiny_model(models / "student", true, 3);
    testing::write_tiny_model(models / "teacher", true, 5);
    // Another vocabulary: a teacher the student cannot learn from.
    model::LlamaForCausalLM wide(testing::tiny_llama_config(512));
    model::initialize_weights(wide, 7);
    model::save_llama(wide, models / "wide", c10::kFloat);
    write_records(root_ + "/train.jsonl", 16);
    write_records(root_ + "/eval.jsonl", 4);
    QVERIFY(QFileInfo(medlora_bin()).isExecutable());
  }

  void cleanup() { ui::PathField::set_picker_for_tests({}); }

  void the_teacher_fields_show_only_when_distilling() {
    ui::RunForm form;
    QCOMPARE(form.value("objective").toString(), QString("fine-tune"));
    QVERIFY(form.distillation_group()->isHidden());
    form.set_value("objective", "distill");
    QVERIFY(!form.distillation_group()->isHidden());
    // Defaults: the trainer's (temperature 3, alpha 0.7, a float teacher run online).
    QCOMPARE(form.value("temperature").toDouble(), 3.0);
    QCOMPARE(form.value("alpha").toDouble(), 0.7);
    QCOMPARE(form.value("teacher.quantization").toString(), QString("none"));
    QCOMPARE(form.value("teacher.precompute_top_k").toLongLong(), 0);
    QCOMPARE(form.value("teacher.model").toString(), QString());
    for (const char* key : {"objective", "teacher.model", "teacher.adapter", "teacher.quantization",
                            "teacher.precompute_top_k", "temperature", "alpha"}) {
      QVERIFY2(form.field(key), key);
      const QString tip = form.field(key)->toolTip();
      QVERIFY2(tip.size() > 20 && tip.endsWith(QString("(%1)").arg(key)), qPrintable(tip));
    }
    form.set_value("objective", "fine-tune");
    QVERIFY(form.distillation_group()->isHidden());
  }

  void the_form_writes_a_distill_run_json_that_core_parses() {
    ui::RunForm form;
    configure(form, "distill-form", 4);
    form.set_value("objective", "distill");
    form.set_value("teacher.model", models("teacher"));
    form.set_value("teacher.quantization", "int8");
    form.set_value("teacher.precompute_top_k", 32);
    form.set_value("temperature", 2.5);
    form.set_value("alpha", 0.6);
    form.validate();
    QVERIFY2(form.can_launch(), qPrintable(form.errors().join('\n')));

    auto config = parse(form.request().config);
    QVERIFY(config.distillation.has_value());
    QCOMPARE(config.mode, train::TrainingMode::Lora);
    QCOMPARE(config.lora.r, int64_t{4});
    QCOMPARE(QString::fromStdString(config.distillation->teacher.model.string()), models("teacher"));
    QVERIFY(config.distillation->teacher.adapter.empty());
    QCOMPARE(config.distillation->teacher.quantization, std::string("int8"));
    QCOMPARE(config.distillation->teacher.precompute_top_k, int64_t{32});
    QCOMPARE(config.distillation->temperature, 2.5);
    QCOMPARE(config.distillation->alpha, 0.6);
    // The estimate counts an online teacher, and none when its top-k logits are precomputed.
    QVERIFY2(!form.estimate_text().contains("The teacher adds"), qPrintable(form.estimate_text()));
    form.set_value("teacher.precompute_top_k", 0);
    form.validate();
    QVERIFY2(form.estimate_text().contains("The teacher adds"), qPrintable(form.estimate_text()));
    form.set_value("teacher.precompute_top_k", 32);

    // A full-parameter student: "student": "full", no lora section; an adapter on the teacher.
    const QString adapter = root_ + "/teacher-adapter";
    QDir().mkpath(adapter);
    QFile marker(adapter + "/adapter_config.json");
    QVERIFY(marker.open(QIODevice::WriteOnly));
    marker.write("{}");
    marker.close();
    form.set_value("mode", "full");
    form.set_value("teacher.adapter", adapter);
    form.set_value("teacher.precompute_top_k", 0);
    form.validate();
    QVERIFY2(form.can_launch(), qPrintable(form.errors().join('\n')));
    const QJsonObject full = form.request().config;
    QCOMPARE(full.value("student").toString(), QString("full"));
    QVERIFY(!full.contains("lora"));
    QVERIFY(!full.value("teacher").toObject().contains("precompute_top_k"));  // off: the trainer's default
    config = parse(full);
    QCOMPARE(config.mode, train::TrainingMode::Full);
    QCOMPARE(QString::fromStdString(config.distillation->teacher.adapter.string()), adapter);
    QCOMPARE(config.distillation->teacher.precompute_top_k, int64_t{0});

    // Back to fine-tuning: none of the distillation keys, which core refuses outside distill mode.
    form.set_value("objective", "fine-tune");
    form.set_value("mode", "lora");
    const QJsonObject plain = form.request().config;
    for (const char* key : {"teacher", "temperature", "alpha", "student"}) QVERIFY2(!plain.contains(key), key);
    QVERIFY(!parse(plain).distillation.has_value());
  }

  void the_teachers_folders_are_checked_before_launch() {
    ui::RunForm form;
    configure(form, "distill-errors", 4);
    form.set_value("objective", "distill");
    form.validate();
    QVERIFY(!form.can_launch());
    QVERIFY2(form.errors().join('\n').contains("Teacher model: choose an HF model folder"), qPrintable(form.errors().join('\n')));
    form.set_value("teacher.model", root_ + "/nowhere");
    form.validate();
    QVERIFY(form.errors().join('\n').contains(root_ + "/nowhere"));
    form.set_value("teacher.model", models("wide"));
    form.validate();
    QVERIFY2(form.errors().join('\n').contains("512 tokens and the base model's 320"), qPrintable(form.errors().join('\n')));
    form.set_value("teacher.model", models("teacher"));
    form.set_value("teacher.adapter", root_);  // a folder, but not an adapter
    form.validate();
    QVERIFY2(form.errors().join('\n').contains("Teacher adapter"), qPrintable(form.errors().join('\n')));
    form.set_value("teacher.adapter", "");
    form.validate();
    QVERIFY2(form.can_launch(), qPrintable(form.errors().join('\n')));
    // Fine-tuning ignores the teacher fields altogether.
    form.set_value("teacher.model", root_ + "/nowhere");
    form.set_value("objective", "fine-tune");
    form.validate();
    QVERIFY2(form.can_launch(), qPrintable(form.errors().join('\n')));
  }

  void browse_picks_the_teacher_folders() {
    QList<ui::PathField::Kind> kinds;
    QStringList titles;
    QString answer = models("teacher");
    ui::PathField::set_picker_for_tests([&](ui::PathField::Kind kind, const QString& title, const QString&, const QString&) {
      kinds << kind;
      titles << title;
      return answer;
    });
    ui::RunForm form;
    form.set_value("objective", "distill");
    QVERIFY(form.path_field("teacher.model") && form.path_field("teacher.adapter"));
    QTest::mouseClick(form.path_field("teacher.model")->browse_button(), Qt::LeftButton);
    QCOMPARE(form.value("teacher.model").toString(), models("teacher"));
    answer = root_ + "/teacher-adapter";
    QTest::mouseClick(form.path_field("teacher.adapter")->browse_button(), Qt::LeftButton);
    QCOMPARE(form.value("teacher.adapter").toString(), answer);
    QCOMPARE(kinds, (QList<ui::PathField::Kind>{ui::PathField::Kind::Folder, ui::PathField::Kind::Folder}));
    QCOMPARE(titles, (QStringList{"Choose the teacher model folder", "Choose the teacher's adapter folder"}));
  }

  void the_distillation_fields_switch_to_chinese_and_back() {
    QTranslator zh;
    QVERIFY(zh.load(":/i18n/medlora_zh_CN.qm"));
    ui::RunForm form;
    ui::LiveCurves curves;
    curves.add_distill_point(1, 1.0, 2.0, 0.5);
    QVERIFY(label_texts(form).contains("Teacher model"));
    QCOMPARE(form.distillation_group()->title(), QString("Distillation"));
    QCOMPARE(curves.kl_graph()->name(), QString("KL to teacher"));
    QCoreApplication::installTranslator(&zh);
    QTRY_COMPARE(form.distillation_group()->title(), QString::fromUtf8("蒸馏"));
    QVERIFY(label_texts(form).contains(QString::fromUtf8("教师模型")));
    QVERIFY(form.field("alpha")->toolTip().startsWith(QString::fromUtf8("损失")));
    QCOMPARE(qobject_cast<QComboBox*>(form.field("objective"))->itemText(1), QString::fromUtf8("从教师模型蒸馏"));
    QCOMPARE(curves.kl_graph()->name(), QString::fromUtf8("与教师的 KL"));
    QCoreApplication::removeTranslator(&zh);
    QTRY_COMPARE(form.distillation_group()->title(), QString("Distillation"));
    QVERIFY(label_texts(form).contains("Teacher model"));
  }

  void a_distill_run_plots_its_terms_live_and_from_the_history() {
    ui::TrainingPanel panel(root_ + "/runs.medlora", medlora_bin());
    configure(*panel.form(), "distilled", 4);
    panel.form()->set_value("objective", "distill");
    panel.form()->set_value("teacher.model", models("teacher"));
    panel.form()->validate();
    QString error;
    QSignalSpy ended(panel.process(), &ui::RunProcess::ended);
    QVERIFY2(panel.launch(&error), qPrintable(error));
    QVERIFY(ended.wait(120000));
    QVERIFY2(ended.first().first().toString() == "finished", qPrintable(ended.first().at(1).toString()));
    QCOMPARE(panel.curves()->train_point_count(), 4);
    QVERIFY(panel.curves()->shows_distillation());
    QCOMPARE(panel.curves()->distill_point_count(), 4);
    const double agreement = (panel.curves()->agreement_graph()->data()->constEnd() - 1)->value;
    QVERIFY2(agreement >= 0 && agreement <= 1, qPrintable(QString::number(agreement)));
    // The file the panel handed to the trainer is a distill RUN.json for core as well.
    const auto run = store::RunRepository(*panel.workspace()).find(*panel.followed_run_id());
    const auto written = train::RunConfig::from_json_file(fs::path(run->folder) / "run_request.json");
    QVERIFY(written.distillation.has_value());
    const qint64 distilled = run->id;
    // The trainer's recorder kept the three terms in the workspace, a row per logged step.
    const store::RunRepository runs(*panel.workspace());
    for (const char* term : {"kl_loss", "ce_loss", "teacher_agreement"})
      QVERIFY2(runs.metric(distilled, "train", term).size() == 4, term);

    // An ordinary run next to it: no distillation curves, live or shown again.
    configure(*panel.form(), "plain", 2);
    QVERIFY2(panel.launch(&error), qPrintable(error));
    QVERIFY(ended.wait(120000));
    QCOMPARE(ended.last().first().toString(), QString("finished"));
    QCOMPARE(panel.curves()->train_point_count(), 2);
    QVERIFY(!panel.curves()->shows_distillation());
    const qint64 plain = *panel.followed_run_id();
    for (const char* term : {"kl_loss", "ce_loss", "teacher_agreement"})
      QVERIFY2(runs.metric(plain, "train", term).empty(), term);

    panel.resize(1400, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.form()->set_value("objective", "distill");
    panel.show_run(distilled);
    panel.curves()->replot_now();
    if (const QString out = QDir(QDir::tempPath()).filePath("medlora-training-distill.png"); panel.grab().save(out))
      qInfo("screenshot: %s", qPrintable(out));
    QVERIFY(panel.curves()->shows_distillation());
    QCOMPARE(panel.curves()->distill_point_count(), 4);
    QCOMPARE(panel.curves()->train_point_count(), 4);
    panel.show_run(plain);
    QVERIFY(!panel.curves()->shows_distillation());
    QCOMPARE(panel.curves()->distill_point_count(), 0);

    // The history's CSV export carries the terms for the distill run only.
    const QStringList distilled_csv = csv_lines(panel, distilled);
    QCOMPARE(distilled_csv.first(), QString("step,loss,learning_rate,grad_norm,tokens_per_second,epoch,eval_loss,"
                                            "eval_perplexity,kl_loss,ce_loss,teacher_agreement"));
    QCOMPARE(distilled_csv.size(), 1 + 4);
    for (int i = 1; i <= 4; ++i) {
      const QStringList cells = distilled_csv[i].split(',');
      QCOMPARE(cells.size(), 11);
      for (int c : {8, 9, 10}) QVERIFY2(!cells[c].isEmpty(), qPrintable(distilled_csv[i]));
      bool ok = false;
      const double agreement_cell = cells[10].toDouble(&ok);
      QVERIFY(ok && agreement_cell >= 0 && agreement_cell <= 1);
    }
    QCOMPARE(csv_lines(panel, plain).first(),
             QString("step,loss,learning_rate,grad_norm,tokens_per_second,epoch,eval_loss,eval_perplexity"));
  }

  void a_recorded_run_with_distillation_rows_in_the_workspace_shows_them() {
    // Rows in the workspace are used when present, whatever the run folder holds.
    const QString ws = root_ + "/rows.medlora";
    qint64 id = 0;
    {
      store::Workspace workspace(ws.toStdString());
      store::RunRepository runs(workspace);
      id = runs.create_run("rows", (root_ + "/no-such-run-folder").toStdString(), "{}");
      for (int s = 1; s <= 3; ++s) {
        runs.add_metric(id, "train", "loss", s, 2.0 - 0.1 * s);
        runs.add_metric(id, "train", "kl_loss", s, 1.0 / s);
        runs.add_metric(id, "train", "ce_loss", s, 2.5 - 0.1 * s);
        runs.add_metric(id, "train", "teacher_agreement", s, 0.3 * s);
      }
      runs.finish(id, "finished", std::nullopt);
    }
    ui::TrainingPanel panel(ws, medlora_bin());
    panel.show_run(id);
    QVERIFY(panel.curves()->shows_distillation());
    QCOMPARE(panel.curves()->distill_point_count(), 3);
    QCOMPARE((panel.curves()->agreement_graph()->data()->constEnd() - 1)->value, 0.9);
    QCOMPARE((panel.curves()->kl_graph()->data()->constEnd() - 1)->value, 1.0 / 3);
  }

 private:
  static QString medlora_bin() { return QStringLiteral(MEDLORA_BIN_DIR "/medlora"); }
  QString models(const char* name) const { return root_ + "/models/" + name; }

  static train::RunConfig parse(const QJsonObject& config) { return testing::parse_run_json(config); }

  QStringList csv_lines(ui::TrainingPanel& panel, qint64 run_id) const {
    const QString file = root_ + QString("/run-%1.csv").arg(run_id);
    QString error;
    if (!panel.history()->export_csv(run_id, file, &error)) return {error};
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(in.readAll()).split('\n', Qt::SkipEmptyParts);
  }

  static QStringList label_texts(const QWidget& widget) {
    QStringList texts;
    for (const auto* label : widget.findChildren<QLabel*>()) texts << label->text();
    return texts;
  }

  static void write_records(const QString& file, int count) {
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    for (int i = 0; i < count; ++i)
      out.write(QStringLiteral("{\"input\":\"fever day %1?\",\"output\":\"Rest and drink water.\"}\n").arg(i).toUtf8());
  }

  // A tiny, fast run (as in training_panel_test): micro-batch 2, logging every step.
  void configure(ui::RunForm& form, const QString& name, int max_steps) {
    form.set_value("objective", "fine-tune");
    testing::configure_tiny_run(form, root_, models("student"), name, max_steps, root_ + "/eval.jsonl");
  }

  ui::LanguageManager languages_;
  QTemporaryDir tmp_;
  QString root_;
};

QTEST_MAIN(TrainingDistillTest)
#include "training_distill_test.moc"
