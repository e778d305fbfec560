// Empty states say what to do next, with a button that does it: the Datasets panel without a
// dataset offers its Import action; the Training panel's History without a run offers to start
// a first one (the New run tab); the Review panel on a workspace without any account offers to
// create the first lead account (the sign-in dialog's first-lead page). They go away once there
// is something to show.
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include <memory>

#include "core/store/dataset_repository.h"
#include "core/store/run_repository.h"
#include "core/store/workspace.h"
#include "tests/ui/review_ui_fixture.h"
#include "ui/datasets/datasets_panel.h"
#include "ui/datasets/import_dialog.h"
#include "ui/review/login_dialog.h"
#include "ui/review/review_panel.h"
#include "ui/shell/empty_state.h"
#include "ui/shell/language_manager.h"
#include "ui/training/run_form.h"
#include "ui/training/run_history.h"
#include "ui/training/training_panel.h"

using namespace medlora;

class EmptyStatesTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { languages_.apply("en"); }

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
  ui::LanguageManager languages_;
};

QTEST_MAIN(EmptyStatesTest)
#include "empty_states_test.moc"
