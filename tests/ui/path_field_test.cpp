// Path fields: a line edit (or editable combo) and a Browse button that opens a file or folder
// picker at what is typed and puts the choice back; the same widget is used by every path
// field (run form, token histogram, settings, test set, dataset export).
#include <QComboBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include "core/store/record_types.h"
#include "ui/chat/test_set_page.h"
#include "ui/datasets/export_dialog.h"
#include "ui/datasets/token_histogram.h"
#include "ui/settings/settings_dialog.h"
#include "ui/shell/language_manager.h"
#include "ui/shell/path_field.h"
#include "ui/training/run_form.h"

using namespace medlora;
using Kind = ui::PathField::Kind;

class PathFieldTest : public QObject {
  Q_OBJECT

  struct Call {
    Kind kind;
    QString title, start, filter;
  };

 private slots:
  void initTestCase() { languages_.apply("en"); }

  void init() {
    calls_.clear();
    answer_.clear();
    ui::PathField::set_picker_for_tests([this](Kind kind, const QString& title, const QString& start, const QString& filter) {
      calls_.append({kind, title, start, filter});
      return answer_;
    });
  }

  void cleanupTestCase() { ui::PathField::set_picker_for_tests({}); }

  void browse_puts_the_choice_in_the_field() {
    ui::PathField field(Kind::OpenFile);
    field.set_dialog_title("Pick");
    field.set_filter("JSON (*.json)");
    QSignalSpy chosen(&field, &ui::PathField::path_chosen);
    answer_ = "/data/train.jsonl";
    field.browse_button()->click();
    QCOMPARE(calls_.size(), 1);
    QCOMPARE(calls_[0].kind, Kind::OpenFile);
    QCOMPARE(calls_[0].title, QString("Pick"));
    QCOMPARE(calls_[0].filter, QString("JSON (*.json)"));
    QCOMPARE(field.path(), QString("/data/train.jsonl"));
    QCOMPARE(field.line_edit()->text(), QString("/data/train.jsonl"));
    QCOMPARE(chosen.count(), 1);
    // Cancelled: the text stays.
    answer_.clear();
    field.browse_button()->click();
    QCOMPARE(field.path(), QString("/data/train.jsonl"));
    QCOMPARE(chosen.count(), 1);
  }

  void the_picker_opens_at_what_is_typed() {
    QTemporaryDir tmp;
    ui::PathField folder(Kind::Folder);
    folder.set_empty_start(tmp.path());
    folder.browse();
    QCOMPARE(calls_.last().start, tmp.path());  // empty field: the given start
    folder.set_path(tmp.path() + "/models");
    folder.browse();
    QCOMPARE(calls_.last().start, tmp.path() + "/models");
    // A file that is not there yet (a save path): its folder.
    ui::PathField save(Kind::SaveFile);
    save.set_path(tmp.path() + "/report.pdf");
    save.browse();
    QCOMPARE(calls_.last().kind, Kind::SaveFile);
    QCOMPARE(calls_.last().start, tmp.path());
  }

  void wraps_an_editable_combo() {
    auto* combo = new QComboBox;
    combo->setEditable(true);
    combo->addItems({"/models/a", "/models/b"});
    ui::PathField field(Kind::Folder, combo, nullptr);
    QCOMPARE(field.combo(), combo);
    QCOMPARE(field.line_edit(), combo->lineEdit());
    answer_ = "/elsewhere/llama";
    field.browse();
    QCOMPARE(combo->currentText(), QString("/elsewhere/llama"));
    QCOMPARE(combo->count(), 2);  // the known choices stay
  }

  void the_run_form_browses_for_model_and_files() {
    ui::RunForm form;
    QVERIFY(form.path_field("base_model"));
    QCOMPARE(form.path_field("base_model")->kind(), Kind::Folder);
    QCOMPARE(form.path_field("train_file")->kind(), Kind::OpenFile);
    QCOMPARE(form.path_field("eval_file")->kind(), Kind::OpenFile);
    QVERIFY(!form.path_field("name"));
    answer_ = "/data/clinic.jsonl";
    form.path_field("train_file")->browse_button()->click();
    QCOMPARE(form.value("train_file").toString(), QString("/data/clinic.jsonl"));
    QCOMPARE(calls_.last().title, QString("Choose the train file"));
    QVERIFY(calls_.last().filter.contains("*.jsonl"));
    answer_ = "/models/my-llama";
    form.path_field("base_model")->browse_button()->click();
    QCOMPARE(form.value("base_model").toString(), QString("/models/my-llama"));
  }

  void other_path_fields_use_it() {
    ui::TokenHistogram histogram;
    QCOMPARE(histogram.tokenizer_field()->kind(), Kind::Folder);
    QCOMPARE(histogram.tokenizer_field()->line_edit(), histogram.tokenizer_edit());
    answer_ = "/models/tok";
    histogram.tokenizer_field()->browse_button()->click();
    QCOMPARE(histogram.tokenizer_edit()->text(), QString("/models/tok"));

    ui::SettingsDialog settings(ui::WorkbenchSettings{});
    QCOMPARE(settings.models_dir_field()->kind(), Kind::Folder);
    answer_ = "/srv/models";
    settings.models_dir_field()->browse_button()->click();
    QCOMPARE(settings.settings().models_dir, QString("/srv/models"));

    ui::TestSetPage page;
    QCOMPARE(page.file_field()->kind(), Kind::OpenFile);
    answer_ = "/data/questions.jsonl";
    page.file_field()->browse_button()->click();
    QCOMPARE(page.file_edit()->text(), QString("/data/questions.jsonl"));

    store::DatasetSummary dataset;
    dataset.id = 1;
    dataset.name = "clinic";
    ui::ExportDialog exporter(QString(), dataset);
    QCOMPARE(exporter.file_field()->kind(), Kind::SaveFile);
    answer_ = "/tmp/out.jsonl";
    exporter.file_field()->browse_button()->click();
    QCOMPARE(exporter.file_edit()->text(), QString("/tmp/out.jsonl"));
  }

  void the_button_retranslates_live() {
    ui::PathField field(Kind::Folder);
    QCOMPARE(field.browse_button()->text(), QString("Browse..."));
    QTranslator zh;
    QVERIFY(zh.load(":/i18n/medlora_zh_CN.qm"));
    QCoreApplication::installTranslator(&zh);
    QTRY_COMPARE(field.browse_button()->text(), QString::fromUtf8("浏览..."));
    QCOMPARE(field.browse_button()->toolTip(), QString::fromUtf8("选择文件夹"));
    QCoreApplication::removeTranslator(&zh);
    QTRY_COMPARE(field.browse_button()->text(), QString("Browse..."));
  }

 private:
  QList<Call> calls_;
  QString answer_;
  ui::LanguageManager languages_;
};

QTEST_MAIN(PathFieldTest)
#include "path_field_test.moc"
