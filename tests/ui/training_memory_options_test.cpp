// The run form's memory choices: base quantisation (none / int8 / NF4 / NF4 with double-quantised
// scales) and the optimiser (AdamW / AdamW 8-bit). Their defaults are core's, each choice has a
// tooltip, the RUN.json they write parses with core's RunConfig to the same values, core's own
// refusal of a quantised base under a full-parameter student is shown, the texts switch to
// Chinese, and a real `medlora train` started from the panel runs on an NF4 base with the 8-bit
// optimiser.
#include "tests/ui/tiny_model_fixture.h"  // first: torch before Qt

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include "core/store/run_repository.h"
#include "core/store/workspace.h"
#include "core/train/run_config.h"
#include "tests/ui/tiny_run_form.h"
#include "ui/shell/language_manager.h"
#include "ui/training/json_lines_tail.h"
#include "ui/training/live_curves.h"
#include "ui/training/run_form.h"
#include "ui/training/run_process.h"
#include "ui/training/training_panel.h"

using namespace medlora;
namespace fs = std::filesystem;

class TrainingMemoryOptionsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    languages_.apply("en");
    root_ = tmp_.path();
    testing::write_tiny_model(fs::path(root_.toStdString()) / "models" / "base", true, 3);
    QFile out(root_ + "/train.jsonl");
    QVERIFY(out.open(QIODevice::WriteOnly));
    for (int i = 0; i < 8; ++i)
      out.write(QStringLiteral("{\"input\":\"cough day %1?\",\"output\":\"Rest and drink water.\"}\n").arg(i).toUtf8());
    out.close();
    QVERIFY(QFileInfo(medlora_bin()).isExecutable());
  }

  void the_choices_have_cores_values_defaults_and_tooltips() {
    ui::RunForm form;
    const train::RunConfig defaults;
    QCOMPARE(form.value("base_quantization").toString(), QString::fromStdString(defaults.base_quantization));
    QCOMPARE(form.value("training.optimizer").toString(), QString::fromStdString(defaults.training.optimizer));
    QCOMPARE(choice_values(form, "base_quantization"), (QStringList{"none", "int8", "nf4", "nf4-dq"}));
    QCOMPARE(choice_values(form, "training.optimizer"), (QStringList{"adamw", "adamw_8bit"}));
    for (const char* key : {"base_quantization", "training.optimizer"}) {
      const QString tip = form.field(key)->toolTip();
      QVERIFY2(tip.size() > 20 && tip.endsWith(QString("(%1)").arg(key)), qPrintable(tip));
      auto* box = combo(form, key);
      QSet<QString> tips;
      for (int i = 0; i < box->count(); ++i) {
        const QString item_tip = box->itemData(i, Qt::ToolTipRole).toString();
        QVERIFY2(item_tip.size() > 30, qPrintable(box->itemData(i).toString()));
        tips.insert(item_tip);
        QVERIFY(!box->itemText(i).isEmpty());
      }
      QCOMPARE(tips.size(), box->count());  // one tooltip per choice, none shared
    }
    QCOMPARE(combo(form, "base_quantization")->itemText(3), QString("NF4, double-quantised scales"));
    QVERIFY(combo(form, "training.optimizer")->itemData(1, Qt::ToolTipRole).toString().contains("2 bytes"));
  }

  void every_choice_reaches_cores_run_config() {
    ui::RunForm form;
    configure(form, "memory-form");
    QVERIFY2(form.can_launch(), qPrintable(form.errors().join('\n')));
    // The defaults as written: top-level "base_quantization", "optimizer" inside "training".
    QJsonObject json = form.request().config;
    QCOMPARE(json.value("base_quantization").toString(), QString("none"));
    QCOMPARE(json.value("training").toObject().value("optimizer").toString(), QString("adamw"));
    QVERIFY(!json.contains("optimizer"));
    for (const QString& quantization : {"none", "int8", "nf4", "nf4-dq"}) {
      for (const QString& optimizer : {"adamw", "adamw_8bit"}) {
        QVERIFY(form.set_value("base_quantization", quantization));
        QVERIFY(form.set_value("training.optimizer", optimizer));
        form.validate();
        QVERIFY2(form.can_launch(), qPrintable(quantization + ": " + form.errors().join('\n')));
        const auto config = parse(form.request().config);
        QCOMPARE(QString::fromStdString(config.base_quantization), quantization);
        QCOMPARE(QString::fromStdString(config.training.optimizer), optimizer);
      }
    }
    // The same through a distillation run with a LoRA student.
    form.set_value("objective", "distill");
    form.set_value("teacher.model", models("base"));
    form.set_value("base_quantization", "int8");
    form.validate();
    QVERIFY2(form.can_launch(), qPrintable(form.errors().join('\n')));
    const auto distill = parse(form.request().config);
    QVERIFY(distill.distillation.has_value());
    QCOMPARE(distill.base_quantization, std::string("int8"));
  }

  void a_quantised_base_with_a_full_student_shows_cores_error() {
    ui::RunForm form;
    configure(form, "memory-full");
    form.set_value("mode", "full");
    form.set_value("base_quantization", "nf4");
    form.validate();
    QVERIFY(!form.can_launch());
    // core's RunConfig message, not one of the form's own.
    QVERIFY2(form.errors().join('\n').contains("\"base_quantization\": a quantised base is frozen"),
             qPrintable(form.errors().join('\n')));
    form.set_value("objective", "distill");  // a full-parameter student: the same refusal
    form.set_value("teacher.model", models("base"));
    form.validate();
    QVERIFY2(form.errors().join('\n').contains("base_quantization"), qPrintable(form.errors().join('\n')));
    form.set_value("base_quantization", "none");
    form.set_value("training.optimizer", "adamw_8bit");  // the 8-bit optimiser works with full training
    form.validate();
    QVERIFY2(form.can_launch(), qPrintable(form.errors().join('\n')));
    QCOMPARE(parse(form.request().config).training.optimizer, std::string("adamw_8bit"));
  }

  void the_memory_choices_switch_to_chinese_and_back() {
    QTranslator zh;
    QVERIFY(zh.load(":/i18n/medlora_zh_CN.qm"));
    ui::RunForm form;
    form.set_value("base_quantization", "nf4-dq");
    QVERIFY(label_texts(form).contains("Base quantisation"));
    QCoreApplication::installTranslator(&zh);
    QTRY_VERIFY(label_texts(form).contains(QString::fromUtf8("基础模型量化")));
    QVERIFY(label_texts(form).contains(QString::fromUtf8("优化器")));
    QCOMPARE(combo(form, "base_quantization")->itemText(3), QString::fromUtf8("NF4，缩放系数二次量化"));
    QCOMPARE(combo(form, "training.optimizer")->itemText(1), QString::fromUtf8("AdamW 8 位"));
    QVERIFY(combo(form, "training.optimizer")->itemData(1, Qt::ToolTipRole).toString().startsWith(QString::fromUtf8("两个动量")));
    // The values stay core's whatever the language.
    QCOMPARE(form.value("base_quantization").toString(), QString("nf4-dq"));
    QCoreApplication::removeTranslator(&zh);
    QTRY_VERIFY(label_texts(form).contains("Base quantisation"));
    QCOMPARE(combo(form, "base_quantization")->itemText(3), QString("NF4, double-quantised scales"));
  }

  void a_run_from_the_panel_trains_on_an_nf4_base_with_the_8bit_optimiser() {
    ui::TrainingPanel panel(root_ + "/runs.medlora", medlora_bin());
    configure(*panel.form(), "nf4-8bit");
    panel.form()->set_value("base_quantization", "nf4");
    panel.form()->set_value("training.optimizer", "adamw_8bit");
    panel.form()->validate();
    QString error;
    QSignalSpy ended(panel.process(), &ui::RunProcess::ended);
    QVERIFY2(panel.launch(&error), qPrintable(error));
    QVERIFY(ended.wait(120000));
    QVERIFY2(ended.first().first().toString() == "finished", qPrintable(ended.first().at(1).toString()));
    QCOMPARE(panel.curves()->train_point_count(), 2);
    const auto run = store::RunRepository(*panel.workspace()).find(*panel.followed_run_id());
    const auto written = train::RunConfig::from_json_file(fs::path(run->folder) / "run_request.json");
    QCOMPARE(written.base_quantization, std::string("nf4"));
    QCOMPARE(written.training.optimizer, std::string("adamw_8bit"));
    // The trainer says what it ran with in its "started" line.
    ui::JsonLinesTail console(ui::RunProcess::console_file(QString::fromStdString(run->folder)));
    QJsonObject started;
    for (const auto& line : console.read_new())
      if (line.value("event").toString() == "started") started = line;
    QCOMPARE(started.value("base_quantization").toString(), QString("nf4"));
    QCOMPARE(started.value("optimizer").toString(), QString("adamw_8bit"));
  }

 private:
  static QString medlora_bin() { return QStringLiteral(MEDLORA_BIN_DIR "/medlora"); }
  QString models(const char* name) const { return root_ + "/models/" + name; }

  static QComboBox* combo(const ui::RunForm& form, const char* key) { return qobject_cast<QComboBox*>(form.field(key)); }

  static QStringList choice_values(const ui::RunForm& form, const char* key) {
    QStringList values;
    auto* box = combo(form, key);
    for (int i = 0; box && i < box->count(); ++i) values << box->itemData(i).toString();
    return values;
  }

  static train::RunConfig parse(const QJsonObject& config) { return testing::parse_run_json(config); }

  static QStringList label_texts(const QWidget& widget) {
    QStringList texts;
    for (const auto* label : widget.findChildren<QLabel*>()) texts << label->text();
    return texts;
  }

  // A tiny, fast run: two steps of micro-batch 2, logging every step, no evaluation.
  void configure(ui::RunForm& form, const QString& name) {
    testing::configure_tiny_run(form, root_, models("base"), name, 2);
  }

  ui::LanguageManager languages_;
  QTemporaryDir tmp_;
  QString root_;
};

QTEST_MAIN(TrainingMemoryOptionsTest)
#include "training_memory_options_test.moc"
