// Empty states say what to do next, with a button that does it: the Datasets panel without a
// dataset offers its Import action; the Training panel's History without a run offers to start
// a first one (the New run tab); its New run form without training data offers to import the
// sample data, or to use the sample dataset once the workspace has it; the Models panel and the
// chat tester without a model offer Add model folder; the Review panel on a workspace without any
// account offers to create the first lead account (the sign-in dialog's first-lead page). They go
// away once there is something to show.
#include "tests/ui/tiny_model_fixture.h"  // first: torch before Qt

#include <QApplication>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include <memory>

#include "core/pipeline/sample_workspace.h"
#include "core/store/dataset_repository.h"
#include "core/store/run_repository.h"
#include "core/store/workspace.h"
#include "tests/ui/review_ui_fixture.h"
#include "ui/chat/chat_panel.h"
#include "ui/chat/configuration_picker.h"
#include "ui/datasets/datasets_panel.h"
#include "ui/datasets/import_dialog.h"
#include "ui/models/models_panel.h"
#include "ui/review/login_dialog.h"
#include "ui/review/review_panel.h"
#include "ui/shell/empty_state.h"
#include "ui/shell/language_manager.h"
#include "ui/training/run_form.h"
#include "ui/training/run_history.h"
#include "ui/training/training_data_offer.h"
#include "ui/training/training_panel.h"

using namespace medlora;

class EmptyStatesTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    languages_.apply("en");
    QVERIFY(models_.isValid());
    // No model of the user's home leaks in: the default models folder is an empty one.
    qputenv("MEDLORA_MODELS_DIR", models_.filePath("empty-models").toUtf8());
    QDir().mkpath(models_.filePath("empty-models"));
    testing::write_tiny_model(std::filesystem::path(models_.filePath("tiny").toStdString()), true);
  }

  void datasets_panel_offers_import_when_there_is_no_dataset() {
    QTemporaryDir dir;
    const QString file = dir.filePath("empty.medlora");
    ui::DatasetsPanel panel(file);
    auto* empty = panel.empty_state();
    QVERIFY(empty->isVisibleTo(&panel));
    QVERIFY(empty->message_label()->text().contains("no dataset yet"));
    QCOMPARE(empty->action_button()->text(), QString("Import data..."));
    QVERIFY(!panel.findChild<ui::ImportDialog*>());
    empty->action_button()->click();  // the panel's own Import action
    auto* dialog = panel.findChild<ui::ImportDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->close();

    {
      store::Workspace ws(file.toStdString());
      store::DatasetRepository(ws).create_dataset("clinic", "test");
    }
    panel.refresh_datasets();
    QVERIFY(!empty->isVisibleTo(&panel));
  }

  void datasets_panel_without_a_workspace_shows_no_import_offer() {
    QTemporaryDir dir;
    ui::DatasetsPanel panel(dir.filePath("no-such-folder/x/y.medlora"));
    QVERIFY(!panel.empty_state()->isVisibleTo(&panel));
  }

  void training_history_offers_a_first_run() {
    QTemporaryDir dir;
    ui::TrainingPanel panel(dir.filePath("runs.medlora"), QStringLiteral("/bin/false"));
    auto* history = panel.history();
    auto* empty = history->empty_state();
    QVERIFY(empty->isVisibleTo(history));
    QVERIFY(empty->message_label()->text().contains("No training run yet"));
    QCOMPARE(empty->action_button()->text(), QString("Start a first run..."));
    auto* tabs = panel.findChild<QTabWidget*>();
    QVERIFY(tabs);
    tabs->setCurrentWidget(history);
    QCOMPARE(tabs->currentIndex(), 1);
    empty->action_button()->click();
    QCOMPARE(tabs->currentIndex(), 0);  // New run: the run form
    QVERIFY(tabs->currentWidget()->isAncestorOf(panel.form()) || tabs->currentWidget() == panel.form());
  }

  void training_form_offers_to_import_then_to_use_the_sample_dataset() {
    QTemporaryDir dir;
    const QString file = dir.filePath("train.medlora");
    ui::TrainingPanel panel(file, QStringLiteral("/bin/false"));
    auto* offer = panel.data_offer();
    auto* form = panel.form();
    QCOMPARE(offer->offer(), ui::TrainingDataOffer::Offer::ImportSample);
    QVERIFY(offer->isVisibleTo(&panel));
    QVERIFY(offer->message_label()->text().contains("no training data yet"));
    QCOMPARE(offer->action_button()->text(), QString("Import the sample data"));
    QVERIFY(form->errors().join('\n').contains("Train file"));

    QSignalSpy imported(offer, &ui::TrainingDataOffer::sample_imported);
    offer->action_button()->click();
    QCOMPARE(imported.count(), 1);
    std::optional<store::DatasetSummary> sample;
    {
      store::Workspace workspace(file.toStdString());
      sample = store::DatasetRepository(workspace).find_dataset(std::string(pipeline::kSampleDatasetName));
    }
    QVERIFY(sample);
    QVERIFY(sample->total > 10);
    QCOMPARE(sample->approved, sample->total);  // approved by the sample's reviewer: trainable at once
    QCOMPARE(form->value("dataset").toLongLong(), sample->id);
    QVERIFY(!form->errors().join('\n').contains("Train file"));
    QCOMPARE(offer->offer(), ui::TrainingDataOffer::Offer::None);
    QVERIFY(!offer->isVisibleTo(&panel));

    // Back to "Files" with no train file: now the workspace has the sample dataset to use.
    form->set_value("dataset", qint64(-1));
    QCOMPARE(offer->offer(), ui::TrainingDataOffer::Offer::UseSample);
    QVERIFY(offer->isVisibleTo(&panel));
    QVERIFY(offer->message_label()->text().contains(pipeline::kSampleDatasetName));
    QVERIFY(offer->message_label()->text().contains(QString::number(sample->approved)));
    QCOMPARE(offer->action_button()->text(), QString("Use the sample dataset"));
    offer->action_button()->click();
    QCOMPARE(form->value("dataset").toLongLong(), sample->id);
    QVERIFY(!offer->isVisibleTo(&panel));
    QCOMPARE(imported.count(), 1);  // nothing imported twice
    {
      store::Workspace workspace(file.toStdString());
      QCOMPARE(store::DatasetRepository(workspace).list_datasets().size(), size_t{1});
    }

    // A train file that exists is training data too.
    const QString records = dir.filePath("records.jsonl");
    QFile out(records);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("{\"input\":\"fever?\",\"output\":\"Rest.\"}\n");
    out.close();
    form->set_value("dataset", qint64(-1));
    QVERIFY(offer->isVisibleTo(&panel));
    form->set_value("train_file", records);
    QVERIFY(!offer->isVisibleTo(&panel));
  }

  void models_panel_without_a_model_offers_add_model_folder() {
    ui::ModelsPanel panel;
    ui::WorkbenchSettings settings;
    settings.models_dir = models_.filePath("empty-models");
    panel.configure(settings);
    auto* empty = panel.empty_state();
    QVERIFY(empty->isVisibleTo(&panel));
    QVERIFY(empty->message_label()->text().contains("No model yet"));
    QVERIFY(empty->message_label()->text().contains(settings.models_dir));
    QCOMPARE(empty->action_button()->text(), QString("Add model folder..."));
    QCOMPARE(click_and_close_modal(empty->action_button()), QString("QFileDialog"));
    QVERIFY(panel.add_folder(models_.filePath("tiny"), true));
    QVERIFY(!empty->isVisibleTo(&panel));
  }

  void chat_tester_without_a_model_offers_add_model_folder() {
    QTemporaryDir dir;
    ui::ChatPanel panel(dir.filePath("chat.medlora"));
    auto* empty = panel.no_model_state();
    QVERIFY(empty->isVisibleTo(&panel));
    QVERIFY(empty->message_label()->text().contains("No model to chat with yet"));
    QCOMPARE(empty->action_button()->text(), QString("Add model folder..."));
    QCOMPARE(click_and_close_modal(empty->action_button()), QString("QFileDialog"));
    QCOMPARE(panel.picker()->add_model_folder(models_.filePath("tiny")), QString());
    QVERIFY(!empty->isVisibleTo(&panel));
  }

  void review_panel_offers_the_first_lead_account() {
    ui::testing::ReviewWorkspace empty(/*with_accounts=*/false);
    ui::ReviewPanel panel(empty.path);
    panel.set_pbkdf2_iterations(ui::testing::kTestIterations);
    QVERIFY(panel.signed_out_note()->text().contains("no review account yet"));
    QCOMPARE(panel.big_sign_in_button()->text(), QString("&Create the first lead account…"));
    panel.big_sign_in_button()->click();
    QVERIFY(panel.login_dialog());
    QVERIFY(panel.login_dialog()->creating_first_lead());
    panel.login_dialog()->reject();

    ui::testing::ReviewWorkspace with_accounts;
    ui::ReviewPanel signed_out(with_accounts.path);
    QCOMPARE(signed_out.big_sign_in_button()->text(), QString("&Sign in…"));
    QVERIFY(!signed_out.signed_out_note()->text().contains("no review account yet"));
  }

  void empty_states_retranslate_live() {
    QTemporaryDir dir;
    ui::DatasetsPanel datasets(dir.filePath("a.medlora"));
    ui::TrainingPanel training(dir.filePath("b.medlora"), QStringLiteral("/bin/false"));
    QTranslator zh;
    QVERIFY(zh.load(":/i18n/medlora_zh_CN.qm"));
    QCoreApplication::installTranslator(&zh);
    QTRY_COMPARE(datasets.empty_state()->action_button()->text(), QString::fromUtf8("导入数据..."));
    QTRY_COMPARE(training.history()->empty_state()->action_button()->text(), QString::fromUtf8("开始第一次训练..."));
    ui::testing::ReviewWorkspace no_account(false);
    ui::ReviewPanel review(no_account.path);
    QCOMPARE(review.big_sign_in_button()->text(), QString::fromUtf8("创建第一个负责人账号(&C)…"));
    QCoreApplication::removeTranslator(&zh);
    QTRY_COMPARE(datasets.empty_state()->action_button()->text(), QString("Import data..."));
  }

 private:
  // Clicks `button`, then closes the modal dialog the click opened; returns that dialog's class
  // ("" when none opened).
  static QString click_and_close_modal(QAbstractButton* button) {
    auto seen = std::make_shared<QString>();
    QTimer::singleShot(300, [seen] {
      if (QWidget* modal = QApplication::activeModalWidget()) {
        *seen = QString::fromLatin1(modal->metaObject()->className());
        modal->close();
      }
    });
    button->click();
    QTest::qWait(400);  // the timer has fired whether or not a dialog opened
    return *seen;
  }

  ui::LanguageManager languages_;
  QTemporaryDir models_;
};

QTEST_MAIN(EmptyStatesTest)
#include "empty_states_test.moc"
