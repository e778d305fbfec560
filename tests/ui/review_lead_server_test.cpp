// The lead's review-server window against a real PostgreSQL cluster (the "postgres" ctest
// fixture): from the lead view's "Review server…", connect through the connect dialog (lead
// purpose), set up a fresh database, add a reviewer (passwords twice, never shown), publish a
// workspace study, watch the progress table follow a score the reviewer submits through the core,
// pull the score into the workspace (a second pull: nothing new) and close the study on the
// server. Every action runs off the GUI thread with its buttons disabled meanwhile. Also: the
// window's texts follow a language change.
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>
#include <QtTest>

#include <memory>
#include <optional>
#include <string>

#include "core/review_server/reviewer_roles.h"
#include "core/review_server/server_address.h"
#include "core/review_server/server_connection.h"
#include "core/review_server/server_review_queue.h"
#include "core/review_server/server_schema.h"
#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"
#include "core/store/reviewer_queue.h"
#include "core/store/workspace.h"
#include "tests/support/pg_cluster.h"
#include "ui/review/lead_server_dialog.h"
#include "ui/review/lead_view.h"
#include "ui/review/server_connect_dialog.h"
#include "ui/review/server_reviewer_dialog.h"

using namespace medlora;
using medlora::testing::PgCluster;

namespace {

constexpr int kWaitMs = 20000;  // an action or a progress read; polls come every 3 s
const char* kStudyName = "fever study";
const char* kReviewerPassword = "reviewer-pass-1";
constexpr int kQuestions = 2;
const std::vector<std::string> kSystems = {"llama-base-xq7", "chronic-adapter-zv2"};

// Says every source text back marked, so a test can see which texts were translated again.
class MarkingTranslator : public QTranslator {
 public:
  bool isEmpty() const override { return false; }
  QString translate(const char*, const char* source, const char* = nullptr, int = -1) const override {
    return QStringLiteral("«%1»").arg(QString::fromUtf8(source));
  }
};

// A lead's workspace with a study of two systems x two questions assigned to one doctor whose
// name is unique in the cluster (roles belong to the whole cluster).
struct LeadWorkspace {
  QTemporaryDir dir;
  QString file;
  std::unique_ptr<store::Workspace> ws;
  std::optional<store::ReviewerAccount> lead;
  std::optional<store::ReviewerAccount> doctor;
  std::string doctor_name = medlora::testing::unique_name("dr_ui");
  int64_t study = 0;

  LeadWorkspace() {
    file = dir.filePath("lead.medlora");
    ws = std::make_unique<store::Workspace>(file.toStdString());
    store::ReviewerAccounts accounts(*ws, 1000);
    lead = accounts.create_first_lead("lead-li", "lead-password");
    accounts.create(*lead, doctor_name, "doctor", "doctor-password");
    doctor = accounts.authenticate(doctor_name, "doctor-password");
    store::ReviewStudyRepository studies(*ws);
    study = studies.create_study(*lead, kStudyName, "ui test", 1, 20240501);
    std::vector<store::AnswerInput> answers;
    for (int q = 1; q <= kQuestions; ++q)
      for (const auto& system : kSystems)
        answers.push_back({"item-" + std::to_string(q), "Question " + std::to_string(q) + ": fever, what to do?",
                           system, "Rest and fluids, says " + system + " for " + std::to_string(q) + ".", "",
                           "adapter", "{}"});
    studies.add_answers(*lead, study, answers);
    studies.assign(*lead, study, {doctor_name});
  }
};

int assignments() { return kQuestions * static_cast<int>(kSystems.size()); }

}  // namespace

class ReviewLeadServerTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings_dir_.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings_dir_.path());
    PgCluster::get();  // fails here, with the reason, when the fixture's cluster is not there
  }

  void lead_publishes_follows_and_pulls();
  void texts_follow_a_language_change();

 private:
  // Waits for the dialog's running action and returns its message.
  static QString finish(ui::LeadServerDialog& dialog, QSignalSpy& finished) {
    if (finished.isEmpty() && !finished.wait(kWaitMs)) return QStringLiteral("(the action did not finish)");
    finished.clear();
    return dialog.message_label()->text();
  }
  static void check_disabled_while_busy(ui::LeadServerDialog& dialog) {
    QVERIFY(dialog.busy());
    for (QPushButton* button : {dialog.connect_button(), dialog.set_up_button(), dialog.add_reviewer_button(),
                                dialog.publish_button(), dialog.close_button(), dialog.pull_button()})
      QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
  }

  QTemporaryDir settings_dir_;
};

void ReviewLeadServerTest::lead_publishes_follows_and_pulls() {
  const PgCluster& cluster = PgCluster::get();
  const std::string database = cluster.create_database("ui_lead");  // empty: the window sets it up
  LeadWorkspace local;
  ui::LeadView view(local.file, *local.lead);
  view.select_study(local.study);
  QVERIFY(view.server_button()->isEnabled());
  ui::LeadServerDialog* dialog = view.open_server_dialog();
  QVERIFY(dialog);
  QVERIFY(dialog->isVisible());
  QCOMPARE(dialog->picked_study()->id, local.study);
  QVERIFY(!dialog->set_up_button()->isEnabled());  // not connected yet
  QVERIFY(!dialog->set_up_server());
  QSignalSpy finished(dialog, &ui::LeadServerDialog::action_finished);

  // Connect as the lead through the connect dialog.
  ui::ServerConnectDialog* connect = dialog->open_connect_dialog();
  QVERIFY(connect);
  connect->host_edit()->setText("127.0.0.1");
  connect->port_spin()->setValue(cluster.port());
  connect->database_edit()->setText(QString::fromStdString(database));
  connect->user_edit()->setText(QString::fromStdString(cluster.lead_role()));
  connect->password_edit()->setText(QString::fromStdString(cluster.lead_password()));
  connect->try_connect();
  QTRY_VERIFY_WITH_TIMEOUT(dialog->login().has_value(), kWaitMs);
  QCOMPARE(dialog->login()->address.database, database);
  QVERIFY(dialog->connection_label()->text().contains(QString::fromStdString(database)));

  // Set up: the schema appears on the server; a second set-up is refused, visibly.
  QVERIFY(dialog->set_up_server());
  check_disabled_while_busy(*dialog);
  QVERIFY2(finish(*dialog, finished).contains("set up"), qPrintable(dialog->message_label()->text()));
  const auto address = [&](const std::string& user) {
    return review_server::parse_server_url(cluster.url(user, database));
  };
  {
    review_server::ServerConnection lead(address(cluster.lead_role()), cluster.lead_password());
    const auto info = review_server::server_info(lead);
    QCOMPARE(info.schema_version, review_server::kServerSchemaVersion);
    QCOMPARE(info.lead_role, cluster.lead_role());
  }
  QVERIFY(dialog->set_up_server());
  QVERIFY2(finish(*dialog, finished).contains("was not set up"), qPrintable(dialog->message_label()->text()));
  QVERIFY(dialog->set_up_button()->isEnabled());

  // Add the study's doctor to the server; the passwords are hidden and must match.
  ui::ServerReviewerDialog* add = dialog->open_add_reviewer_dialog();
  QVERIFY(add);
  QCOMPARE(add->password_edit()->echoMode(), QLineEdit::Password);
  QCOMPARE(add->repeat_edit()->echoMode(), QLineEdit::Password);
  QSignalSpy added(add, &ui::ServerReviewerDialog::finished_adding);
  add->name_edit()->setText(QString::fromStdString(local.doctor_name));
  add->role_combo()->setCurrentIndex(add->role_combo()->findData("doctor"));
  add->password_edit()->setText(kReviewerPassword);
  add->repeat_edit()->setText("something-else");
  QVERIFY(!add->add_reviewer());
  QVERIFY(add->message_label()->text().contains("differ"));
  add->repeat_edit()->setText(kReviewerPassword);
  QVERIFY(add->add_reviewer());
  QVERIFY(!add->add_button()->isEnabled());
  QVERIFY(added.wait(kWaitMs));
  QVERIFY2(add->message_label()->text().contains("Added " + QString::fromStdString(local.doctor_name)),
           qPrintable(add->message_label()->text()));
  QVERIFY(!add->message_label()->text().contains(kReviewerPassword));
  QVERIFY(add->password_edit()->text().isEmpty());
  QVERIFY(add->repeat_edit()->text().isEmpty());
  {
    review_server::ServerConnection lead(address(cluster.lead_role()), cluster.lead_password());
    const auto reviewers = review_server::list_reviewers(lead);
    QCOMPARE(reviewers.size(), size_t(1));
    QCOMPARE(reviewers[0].name, local.doctor_name);
    QCOMPARE(reviewers[0].role, std::string("doctor"));
  }
  add->close();

  // Publish; the progress table shows the doctor with nothing done yet.
  QVERIFY(dialog->publish_button()->isEnabled());
  QVERIFY(!dialog->pull_button()->isEnabled());  // not on the server yet
  QVERIFY(dialog->publish_study());
  check_disabled_while_busy(*dialog);
  QVERIFY2(finish(*dialog, finished).contains("is published"), qPrintable(dialog->message_label()->text()));
  QTableWidget* table = dialog->progress_table();
  QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, kWaitMs);
  QCOMPARE(table->item(0, 0)->text(), QString::fromStdString(local.doctor_name));
  QCOMPARE(table->item(0, 1)->text(), QString("0"));
  QCOMPARE(table->item(0, 2)->text(), QString::number(assignments()));
  QCOMPARE(dialog->progress_bar()->value(), 0);
  QCOMPARE(dialog->progress_bar()->maximum(), assignments());
  QVERIFY(dialog->progress_timer()->isActive());

  // The doctor scores one answer through the core; the poll shows it without being asked.
  store::ScoreEntry given;
  given.accuracy = 4;
  given.safety = 5;
  given.completeness = 3;
  given.readability = 2;
  given.comment = "clear enough";
  std::string scored_answer;
  {
    review_server::ServerConnection doctor(address(local.doctor_name), kReviewerPassword);
    review_server::ServerReviewQueue queue(doctor, kStudyName);
    const auto next = queue.next_unscored();
    QVERIFY(next);
    scored_answer = queue.load(*next)->answer;
    QCOMPARE(queue.submit(*next, given), 1);
  }
  QTRY_COMPARE_WITH_TIMEOUT(table->item(0, 1)->text(), QString("1"), kWaitMs);
  QCOMPARE(dialog->progress_bar()->value(), 1);

  // Pull: the score is in the workspace, under the right answer; the lead view shows it.
  QVERIFY(dialog->pull_button()->isEnabled());
  QSignalSpy pulled(dialog, &ui::LeadServerDialog::scores_pulled);
  QVERIFY(dialog->pull_scores());
  check_disabled_while_busy(*dialog);
  const QString first_pull = finish(*dialog, finished);
  QVERIFY2(first_pull.contains(": 1 new scores and 0 revisions, 0 skips") && first_pull.contains("audit"), qPrintable(first_pull));
  QCOMPARE(pulled.size(), 1);
  {
    auto ws = store::Workspace::open_for_this_thread(local.file.toStdString());
    store::ReviewerQueue queue(*ws, *local.doctor, local.study);
    int submitted = 0;
    for (const auto& entry : queue.queue()) {
      if (entry.status != "submitted") continue;
      ++submitted;
      const auto item = queue.load(entry.assignment_id);
      QCOMPARE(item->answer, scored_answer);
      QVERIFY(item->latest);
      QVERIFY(item->latest->scores == given);
    }
    QCOMPARE(submitted, 1);
  }
  QCOMPARE(view.studies_table()->item(0, 6)->text(), QString("%1 %").arg(100 / assignments()));

  // A second pull finds nothing new.
  QVERIFY(dialog->pull_scores());
  const QString second_pull = finish(*dialog, finished);
  QVERIFY2(second_pull.contains("nothing new"), qPrintable(second_pull));

  // Close on the server (after asking): the poll shows it closed, the doctor's writes are refused.
  dialog->set_confirm([](const QString&, const QString&) { return false; });
  QVERIFY(!dialog->close_study());
  dialog->set_confirm([](const QString&, const QString&) { return true; });
  QVERIFY(dialog->close_study());
  check_disabled_while_busy(*dialog);
  QVERIFY2(finish(*dialog, finished).contains("is closed on the server"), qPrintable(dialog->message_label()->text()));
  QTRY_VERIFY_WITH_TIMEOUT(dialog->progress_label()->text().contains("closed"), kWaitMs);
  QTRY_VERIFY_WITH_TIMEOUT(!dialog->close_button()->isEnabled(), kWaitMs);
  {
    review_server::ServerConnection doctor(address(local.doctor_name), kReviewerPassword);
    review_server::ServerReviewQueue queue(doctor, kStudyName);
    QVERIFY(!queue.study_open());
  }

  // Hidden, the window stops polling.
  dialog->hide();
  QVERIFY(!dialog->progress_timer()->isActive());
  QTRY_VERIFY_WITH_TIMEOUT(!dialog->reading_progress(), kWaitMs);
}

void ReviewLeadServerTest::texts_follow_a_language_change() {
  LeadWorkspace local;
  ui::LeadServerDialog dialog(local.file, *local.lead, local.study);
  ui::ServerLogin login;
  login.address = review_server::parse_server_url("postgresql://lead@127.0.0.1:1/nowhere");
  dialog.adopt_login(login);  // reads the progress: refused at once, nothing listens on port 1
  QTRY_VERIFY_WITH_TIMEOUT(!dialog.reading_progress(), kWaitMs);
  QVERIFY2(dialog.progress_label()->text().startsWith("No progress to show"),
           qPrintable(dialog.progress_label()->text()));
  QVERIFY(dialog.set_up_button()->text().startsWith("&Set"));
  MarkingTranslator marking;
  QVERIFY(QCoreApplication::installTranslator(&marking));
  QCoreApplication::processEvents();
  const QString set_up = dialog.set_up_button()->text();
  const QString header = dialog.progress_table()->horizontalHeaderItem(1)->text();
  const QString message = dialog.message_label()->text();
  const QString connection = dialog.connection_label()->text();
  QCoreApplication::removeTranslator(&marking);
  QCoreApplication::processEvents();
  QVERIFY2(set_up.startsWith("«"), qPrintable(set_up));
  QVERIFY2(header.startsWith("«"), qPrintable(header));
  QVERIFY2(message.startsWith("«Connected to"), qPrintable(message));
  QVERIFY2(connection.startsWith("«Connected to"), qPrintable(connection));
  QVERIFY(dialog.set_up_button()->text().startsWith("&Set"));  // and back
}

QTEST_MAIN(ReviewLeadServerTest)
#include "review_lead_server_test.moc"
