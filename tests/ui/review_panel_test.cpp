// The Review panel: the first lead account on an empty workspace, sign-in that does not say
// which part was wrong, a doctor's studies and scoring screen, the lead's view, an engineer's note.
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include "core/store/reviewer_queue.h"
#include "review_ui_fixture.h"
#include "ui/review/lead_view.h"
#include "ui/review/login_dialog.h"
#include "ui/review/review_panel.h"
#include "ui/review/score_scale.h"
#include "ui/review/scoring_screen.h"

using namespace medlora;
using medlora::ui::LoginDialog;
using medlora::ui::ReviewPanel;
using Page = medlora::ui::ReviewPanel::Page;

class ReviewPanelTest : public QObject {
  Q_OBJECT

 private:
  static std::unique_ptr<ReviewPanel> open_panel(const QString& path) {
    auto panel = std::make_unique<ReviewPanel>(path);
    panel->set_pbkdf2_iterations(ui::testing::kTestIterations);
    panel->resize(1100, 750);
    panel->show();
    activate(panel.get());
    return panel;
  }

  // The window system gives the panel its activation back once a dialog closes.
  static void activate(QWidget* window) {
    window->activateWindow();
    QApplication::setActiveWindow(window);
    if (!QTest::qWaitForWindowActive(window)) qWarning("window not active");
  }

  static void key(QWidget* fallback, Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QWidget* target = QApplication::focusWidget();
    QTest::keyClick(target ? target : fallback, k, modifiers);
  }

  // Types a name and a password into the open sign-in dialog and presses Enter.
  static void type_credentials(LoginDialog* dialog, const QString& name, const QString& password) {
    dialog->name_edit()->clear();
    QTest::keyClicks(dialog->name_edit(), name);
    dialog->password_edit()->clear();
    QTest::keyClicks(dialog->password_edit(), password);
    QTest::keyClick(dialog->password_edit(), Qt::Key_Return);
  }

  static void sign_in_as(ReviewPanel& panel, const QString& name, const QString& password) {
    key(&panel, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(panel.login_dialog());
    QVERIFY(!panel.login_dialog()->creating_first_lead());
    type_credentials(panel.login_dialog(), name, password);
    QTRY_VERIFY(!panel.login_dialog());
    activate(&panel);
    QVERIFY(panel.account());
    QCOMPARE(QString::fromStdString(panel.account()->name()), name);
  }

 private slots:
  void the_first_account_of_a_workspace_is_a_lead() {
    ui::testing::ReviewWorkspace fixture(/*with_accounts=*/false);
    auto panel = open_panel(fixture.path);
    QCOMPARE(panel->page(), Page::SignedOut);
    QVERIFY(panel->user_label()->text().contains("Not signed in"));
    key(panel.get(), Qt::Key_L, Qt::ControlModifier);
    LoginDialog* dialog = panel->login_dialog();
    QVERIFY(dialog);
    QVERIFY(dialog->creating_first_lead());
    QCOMPARE(dialog->new_password_edit()->echoMode(), QLineEdit::Password);
    QCOMPARE(dialog->repeat_password_edit()->echoMode(), QLineEdit::Password);

    QTest::keyClicks(dialog->new_name_edit(), "lead-li");
    QTest::keyClicks(dialog->new_password_edit(), "short");
    QTest::keyClicks(dialog->repeat_password_edit(), "short");
    QTest::keyClick(dialog->repeat_password_edit(), Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->error_label()->text().contains(QString::number(store::ReviewerAccounts::kMinimumPasswordLength)));

    dialog->new_password_edit()->clear();
    dialog->repeat_password_edit()->clear();
    QTest::keyClicks(dialog->new_password_edit(), "lead-password");
    QTest::keyClicks(dialog->repeat_password_edit(), "lead-passwork");
    QTest::keyClick(dialog->repeat_password_edit(), Qt::Key_Return);
    QVERIFY(dialog->error_label()->text().contains("differ"));
    QVERIFY(store::ReviewerAccounts(*fixture.ws).empty());

    QTest::keyClicks(dialog->repeat_password_edit(), "lead-password");
    QTest::keyClick(dialog->repeat_password_edit(), Qt::Key_Return);
    QTRY_VERIFY(!panel->login_dialog());
    activate(panel.get());
    QVERIFY(panel->account() && panel->account()->is_lead());
    QCOMPARE(panel->page(), Page::Lead);
    QVERIFY(panel->lead_view());
    QVERIFY(panel->user_label()->text().contains("lead-li"));

    store::ReviewerAccounts accounts(*fixture.ws);
    const auto listed = accounts.list();
    QCOMPARE(listed.size(), size_t(1));
    QCOMPARE(listed[0].role, std::string("lead"));
    QVERIFY(accounts.authenticate("lead-li", "lead-password"));

    key(panel.get(), Qt::Key_L, Qt::ControlModifier);  // sign out
    QCOMPARE(panel->page(), Page::SignedOut);
    QVERIFY(!panel->account());
    QVERIFY(!panel->lead_view());
  }

  void a_wrong_password_does_not_say_which_part_was_wrong() {
    ui::testing::ReviewWorkspace fixture(true, /*with_study=*/false);
    auto panel = open_panel(fixture.path);
    QTest::mouseClick(panel->sign_button(), Qt::LeftButton);
    LoginDialog* dialog = panel->login_dialog();
    QVERIFY(dialog && !dialog->creating_first_lead());
    QCOMPARE(dialog->password_edit()->echoMode(), QLineEdit::Password);

    type_credentials(dialog, "dr-a", "wrong-password");
    QVERIFY(dialog->isVisible());
    const QString wrong_password = dialog->error_label()->text();
    QVERIFY(!wrong_password.isEmpty());
    QVERIFY(dialog->password_edit()->text().isEmpty());
    type_credentials(dialog, "nobody-here", "any-password");
    QCOMPARE(dialog->error_label()->text(), wrong_password);
    QVERIFY(!panel->account());

    type_credentials(dialog, "dr-a", "dr-a-password");
    QTRY_VERIFY(!panel->login_dialog());
    QCOMPARE(panel->page(), Page::Studies);
    QCOMPARE(panel->studies_list()->topLevelItemCount(), 0);  // no study assigned yet
  }

  void a_doctor_sees_their_studies_and_scores_one() {
    ui::testing::ReviewWorkspace fixture;
    const QStringList secrets = fixture.secrets();
    auto panel = open_panel(fixture.path);
    sign_in_as(*panel, "dr-b", "dr-b-password");
    QCOMPARE(panel->page(), Page::Studies);
    QTreeWidget* list = panel->studies_list();
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("fever study"));
    QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("0 of 6 done"));
    QCOMPARE(ui::testing::first_leak(panel.get(), secrets), QString());

    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(panel->page(), Page::Scoring);
    ui::ScoringScreen* screen = panel->scoring_screen();
    QVERIFY(screen);
    QCOMPARE(ui::testing::first_leak(panel.get(), secrets), QString());
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(screen->scale(0)));
    for (Qt::Key k : {Qt::Key_5, Qt::Key_4, Qt::Key_3, Qt::Key_2, Qt::Key_Return}) key(panel.get(), k);
    QCOMPARE(screen->progress().submitted, 1);
    const int64_t second = screen->current_assignment();
    key(panel.get(), Qt::Key_1);  // left on screen: kept as a draft when going back
    key(panel.get(), Qt::Key_B, Qt::AltModifier);  // &Back to my studies
    QTRY_COMPARE(panel->page(), Page::Studies);
    QVERIFY(!panel->scoring_screen());
    QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("1 of 6 done"));
    store::ReviewerQueue queue(*fixture.ws, fixture.doctors.at("dr-b"), fixture.study);
    QCOMPARE(queue.load(second)->draft->accuracy, 1);

    // Signing out from the scoring screen keeps the answer on screen too.
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(panel->scoring_screen()->current_assignment(), second);
    QCOMPARE(panel->scoring_screen()->scale(0)->value(), 1);
    key(panel.get(), Qt::Key_2);  // safety
    key(panel.get(), Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(panel->page(), Page::SignedOut);
    QVERIFY(!panel->scoring_screen());
    QCOMPARE(queue.load(second)->draft->safety, 2);
  }

  void a_lead_sees_the_lead_view_and_an_engineer_a_note() {
    ui::testing::ReviewWorkspace fixture;
    auto panel = open_panel(fixture.path);
    sign_in_as(*panel, "lead-li", "lead-password");
    QCOMPARE(panel->page(), Page::Lead);
    QVERIFY(panel->lead_view());
    QVERIFY(panel->lead_view()->isVisible());
    QVERIFY(!panel->scoring_screen());

    key(panel.get(), Qt::Key_L, Qt::ControlModifier);
    sign_in_as(*panel, "eng-wu", "eng-wu-password");
    QCOMPARE(panel->page(), Page::Engineer);
    QVERIFY(!panel->lead_view());
    QVERIFY(panel->findChild<QLabel*>("engineerNote")->text().contains("doctors"));
  }

  void sign_in_can_require_a_role() {
    ui::testing::ReviewWorkspace fixture(true, false);
    QString refusal;
    QTimer::singleShot(0, [&] {
      auto* dialog = qobject_cast<LoginDialog*>(QApplication::activeModalWidget());
      if (!dialog) return;
      type_credentials(dialog, "dr-a", "dr-a-password");
      refusal = dialog->error_label()->text();
      type_credentials(dialog, "lead-li", "lead-password");
    });
    const auto account = ui::sign_in(*fixture.ws, nullptr, "lead");
    QVERIFY(refusal.contains("lead"));
    QVERIFY(account && account->is_lead());
  }
};

QTEST_MAIN(ReviewPanelTest)
#include "review_panel_test.moc"
