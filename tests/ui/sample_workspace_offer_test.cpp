// The first-run offer of the sample workspace: accepting sets it up (off the GUI thread) in the
// workspace; declining leaves it empty; either way the workspace is not asked about again, also
// after a restart (a new offer on the same settings). A workspace with data is never asked.
// The first lead account created in the Review panel of a sample workspace gets the sample study,
// and the lead view opens on it; a doctor the lead adds and assigns can score it.
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "core/pipeline/sample_workspace.h"
#include "core/store/dataset_repository.h"
#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"
#include "core/store/reviewer_queue.h"
#include "core/store/workspace.h"
#include "ui/review/lead_view.h"
#include "ui/review/login_dialog.h"
#include "ui/review/review_panel.h"
#include "ui/shell/language_manager.h"
#include "ui/shell/main_window.h"
#include "ui/shell/sample_workspace_offer.h"

using namespace medlora;

class SampleWorkspaceOfferTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(tmp_.isValid());
    // No bundled model or demo run of the user's home leaks in: an empty models folder.
    qputenv("MEDLORA_MODELS_DIR", tmp_.filePath("models").toUtf8());
    settings_ = std::make_unique<QSettings>(tmp_.filePath("settings.ini"), QSettings::IniFormat);
  }

  void accepting_sets_up_the_sample_workspace() {
    const QString file = tmp_.filePath("accept.medlora");
    QWidget parent;
    ui::SampleWorkspaceOffer offer(*settings_, &parent);
    QSignalSpy set_up(&offer, &ui::SampleWorkspaceOffer::set_up);
    QSignalSpy failed(&offer, &ui::SampleWorkspaceOffer::failed);
    QVERIFY(offer.maybe_offer(file));
    QVERIFY(offer.dialog());
    QCOMPARE(offer.dialog()->objectName(), QString("sample_workspace_offer"));
    QVERIFY(!offer.maybe_offer(file));  // one dialog at a time
    offer.dialog()->button(QMessageBox::Yes)->click();
    QVERIFY(set_up.wait(60000) || !failed.isEmpty());
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
    QCOMPARE(set_up.first().at(0).toString(), file);
    QVERIFY(set_up.first().at(1).toString().contains(pipeline::kSampleDatasetName));

    store::Workspace workspace(file.toStdString());
    const auto dataset = store::DatasetRepository(workspace).find_dataset(std::string(pipeline::kSampleDatasetName));
    QVERIFY(dataset);
    QVERIFY(dataset->total > 10);
    QCOMPARE(dataset->approved, dataset->total);
    QVERIFY(offer.was_offered(file));
    QVERIFY(!offer.maybe_offer(file));
  }

  void declining_leaves_it_empty_and_is_not_asked_again() {
    const QString file = tmp_.filePath("decline.medlora");
    {
      QWidget parent;
      ui::SampleWorkspaceOffer offer(*settings_, &parent);
      QSignalSpy declined(&offer, &ui::SampleWorkspaceOffer::declined);
      QSignalSpy set_up(&offer, &ui::SampleWorkspaceOffer::set_up);
      QVERIFY(offer.maybe_offer(file));
      offer.dialog()->button(QMessageBox::No)->click();
      QCOMPARE(declined.count(), 1);
      QVERIFY(!set_up.wait(300));
      QVERIFY(!offer.maybe_offer(file));
      QVERIFY(!offer.dialog());
    }
    store::Workspace workspace(file.toStdString());
    QVERIFY(store::DatasetRepository(workspace).list_datasets().empty());
    QVERIFY(pipeline::is_new_workspace(workspace));
    // A restart: a new offer reading the same settings does not ask either.
    QSettings reread(tmp_.filePath("settings.ini"), QSettings::IniFormat);
    QWidget parent;
    ui::SampleWorkspaceOffer again(reread, &parent);
    QVERIFY(again.was_offered(file));
    QVERIFY(!again.maybe_offer(file));
    // Another new workspace is still asked about.
    QVERIFY(again.maybe_offer(tmp_.filePath("third.medlora")));
  }

  void the_main_window_offers_it_on_its_first_start_and_reloads() {
    QSettings store(tmp_.filePath("window.ini"), QSettings::IniFormat);
    store.setValue("models/folder", tmp_.filePath("models"));
    store.setValue("compute/device", "cpu");
    store.setValue("ui/language", "en");
    const QString file = tmp_.filePath("window.medlora");
    store.setValue("workspace/file", file);
    ui::LanguageManager languages;
    languages.apply("en");
    {
      ui::MainWindow window(store, languages);
      QSignalSpy changed(&window, &ui::MainWindow::workspace_changed);
      QSignalSpy set_up(window.sample_offer(), &ui::SampleWorkspaceOffer::set_up);
      QTRY_VERIFY(window.sample_offer()->dialog());
      window.sample_offer()->dialog()->button(QMessageBox::Yes)->click();
      QVERIFY(set_up.wait(60000));
      QCOMPARE(changed.count(), 1);  // the panels reload the workspace
      QCOMPARE(changed.first().at(0).toString(), file);
    }
    store::Workspace workspace(file.toStdString());
    QVERIFY(store::DatasetRepository(workspace).find_dataset(std::string(pipeline::kSampleDatasetName)));
    ui::MainWindow again(store, languages);  // a second start: not asked
    QTest::qWait(100);
    QVERIFY(!again.sample_offer()->dialog());
  }

  void the_first_lead_account_gets_the_sample_study() {
    const QString file = tmp_.filePath("lead.medlora");
    {
      store::Workspace workspace(file.toStdString());
      pipeline::set_up_sample_workspace(workspace);
    }
    ui::ReviewPanel panel(file);
    panel.set_pbkdf2_iterations(1000);
    QVERIFY(!panel.sample_study_note()->isVisibleTo(&panel));
    create_first_lead(panel, "lead-li");
    QCOMPARE(panel.page(), ui::ReviewPanel::Page::Lead);
    QVERIFY(panel.lead_view());
    QVERIFY(panel.problem_label()->isHidden());
    QVERIFY(panel.sample_study_note()->isVisibleTo(&panel));
    QVERIFY(panel.sample_study_note()->text().contains("Assign"));

    store::Workspace workspace(file.toStdString());
    const int64_t study = store::resolve_study(workspace, pipeline::kSampleStudyName);
    QCOMPARE(panel.lead_view()->selected_study().value_or(0), study);
    QCOMPARE(panel.lead_view()->studies_table()->rowCount(), 1);
    const auto lead = *panel.account();
    store::ReviewStudyRepository studies(workspace);
    const auto summary = studies.study(lead, study);
    QCOMPARE(QString::fromStdString(summary.created_by), QString("lead-li"));
    QCOMPARE(summary.questions, pipeline::kSampleStudyQuestions);
    QCOMPARE(summary.systems, 2);
    // What the note says: a doctor account, assigned, has the answers to score.
    store::ReviewerAccounts accounts(workspace, 1000);
    accounts.create(lead, "dr-wang", "doctor", "dr-wang-password");
    QCOMPARE(studies.assign(lead, study, {"dr-wang"}), 2 * pipeline::kSampleStudyQuestions);
    const auto doctor = accounts.authenticate("dr-wang", "dr-wang-password");
    QVERIFY(doctor);
    const auto assigned = store::ReviewerQueue::studies_of(workspace, *doctor);
    QCOMPARE(assigned.size(), size_t{1});
    QCOMPARE(assigned.front().total, 2 * pipeline::kSampleStudyQuestions);
    // Signing out and in again: no second study, no note.
    panel.sign_out();
    QVERIFY(!panel.sample_study_note()->isVisibleTo(&panel));
  }

  void a_first_lead_without_the_sample_gets_no_study() {
    const QString file = tmp_.filePath("no-sample.medlora");
    ui::ReviewPanel panel(file);
    panel.set_pbkdf2_iterations(1000);
    create_first_lead(panel, "lead-zhao");
    QCOMPARE(panel.page(), ui::ReviewPanel::Page::Lead);
    QVERIFY(!panel.sample_study_note()->isVisibleTo(&panel));
    QVERIFY(panel.problem_label()->isHidden());
    QCOMPARE(panel.lead_view()->studies_table()->rowCount(), 0);
  }

  void a_workspace_with_data_is_not_asked() {
    const QString file = tmp_.filePath("busy.medlora");
    {
      store::Workspace workspace(file.toStdString());
      store::DatasetRepository(workspace).create_dataset("mine", "test");
    }
    QWidget parent;
    ui::SampleWorkspaceOffer offer(*settings_, &parent);
    QVERIFY(!offer.maybe_offer(file));
    QVERIFY(!offer.dialog());
  }

 private:
  static void create_first_lead(ui::ReviewPanel& panel, const QString& name) {
    panel.big_sign_in_button()->click();
    auto* dialog = panel.login_dialog();
    QVERIFY(dialog && dialog->creating_first_lead());
    dialog->new_name_edit()->setText(name);
    dialog->new_password_edit()->setText(name + "-password");
    dialog->repeat_password_edit()->setText(name + "-password");
    dialog->try_accept();
    QVERIFY2(dialog->error_label()->isHidden(), qPrintable(dialog->error_label()->text()));
    QTRY_VERIFY(panel.account().has_value());
  }

  QTemporaryDir tmp_;
  std::unique_ptr<QSettings> settings_;
};

QTEST_MAIN(SampleWorkspaceOfferTest)
#include "sample_workspace_offer_test.moc"
