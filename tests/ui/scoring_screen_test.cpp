// The doctors' scoring screen: three doctors score a whole study with the keyboard alone (digits,
// Tab, Space, Enter), the store receives exactly those scores, no text on the screen names a
// system, and drafts, revisions and skips behave.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSqlQuery>
#include <QTest>
#include <QTextBrowser>

#include "core/store/reviewer_queue.h"
#include "review_ui_fixture.h"
#include "ui/review/score_scale.h"
#include "ui/review/scoring_screen.h"

using namespace medlora;
using medlora::ui::ScoringScreen;
using Mode = medlora::ui::ScoringScreen::Mode;

namespace {

// The scores doctor `d` gives the answer at `position` (all in 1..5, different per doctor).
store::ScoreEntry expected(int d, int position) {
  store::ScoreEntry e;
  e.accuracy = 1 + (d + position) % 5;
  e.safety = 1 + (d + 2 * position) % 5;
  e.completeness = 1 + (2 * d + position) % 5;
  e.readability = 1 + (d + position + 3) % 5;
  if (position == 4) {
    e.harmful = true;
    e.severity = d + 1;
    e.comment = "needs a warning";
  }
  return e;
}

Qt::Key digit(int value) { return static_cast<Qt::Key>(Qt::Key_0 + value); }

}  // namespace

class ScoringScreenTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<ui::testing::ReviewWorkspace> fixture_;

  std::unique_ptr<ScoringScreen> open_screen(const QString& doctor) {
    auto screen = std::make_unique<ScoringScreen>(fixture_->path, fixture_->doctors.at(doctor), fixture_->study);
    screen->resize(1000, 700);
    screen->show();
    QApplication::setActiveWindow(screen.get());
    if (!QTest::qWaitForWindowActive(screen.get())) qWarning("scoring screen not active");
    return screen;
  }

  // A key to whatever has the focus, as a user's keyboard would send it.
  static void key(ScoringScreen& screen, Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QWidget* target = QApplication::focusWidget();
    QTest::keyClick(target ? target : &screen, k, modifiers);
  }

  store::ReviewerQueue queue_of(const QString& doctor) {
    return store::ReviewerQueue(*fixture_->ws, fixture_->doctors.at(doctor), fixture_->study);
  }

 private slots:
  void init() { fixture_ = std::make_unique<ui::testing::ReviewWorkspace>(); }
  void cleanup() { fixture_.reset(); }

  void three_doctors_score_the_whole_queue_with_the_keyboard() {
    const QStringList secrets = fixture_->secrets();
    QCOMPARE(secrets.size(), 6);  // 2 names, the metadata path, its key, 2 codes
    QLabel probe(QStringLiteral("written by %1").arg(secrets.first()));
    QVERIFY(!ui::testing::first_leak(&probe, secrets).isEmpty());  // the walk does find a leak
    for (int d = 0; d < 3; ++d) {
      const QString doctor = ui::testing::kDoctorNames[d];
      auto screen = open_screen(doctor);
      for (int position = 1; position <= 6; ++position) {
        QCOMPARE(screen->mode(), Mode::Scoring);
        QCOMPARE(screen->position_label()->text(), QStringLiteral("Answer %1 of 6").arg(position));
        QCOMPARE(screen->progress_bar()->value(), position - 1);
        QVERIFY(!screen->answer_view()->toPlainText().isEmpty());
        QCOMPARE(ui::testing::first_leak(screen.get(), secrets), QString());
        QCOMPARE(QApplication::focusWidget(), screen->scale(0));
        const int64_t assignment = screen->current_assignment();
        const store::ScoreEntry want = expected(d, position);
        if (position == 2) {
          // Tab past safety, then Enter: refused inline, the focus goes to the missing axis.
          key(*screen, digit(*want.accuracy));
          QCOMPARE(QApplication::focusWidget(), screen->scale(1));
          key(*screen, Qt::Key_Tab);
          QCOMPARE(QApplication::focusWidget(), screen->scale(2));
          key(*screen, digit(*want.completeness));
          key(*screen, digit(*want.readability));
          QCOMPARE(QApplication::focusWidget(), screen->harmful_box());
          key(*screen, Qt::Key_Return);
          QVERIFY(screen->message_label()->text().contains("Safety"));
          QCOMPARE(screen->current_assignment(), assignment);
          QCOMPARE(queue_of(doctor).load(assignment)->latest.has_value(), false);
          QCOMPARE(QApplication::focusWidget(), screen->scale(1));
          key(*screen, digit(*want.safety));
          key(*screen, Qt::Key_Return);
        } else if (position == 4) {
          // Harmful needs a severity; the comment box takes Enter as a newline, Ctrl+Enter submits.
          for (size_t axis = 0; axis < 4; ++axis) key(*screen, digit(*want.axis(axis)));
          key(*screen, Qt::Key_Space);
          QVERIFY(screen->harmful_box()->isChecked());
          key(*screen, Qt::Key_Return);
          QVERIFY(screen->message_label()->text().contains("severe"));
          QCOMPARE(QApplication::focusWidget(), screen->severity_combo());
          for (int i = 0; i < want.severity; ++i) key(*screen, Qt::Key_Down);
          key(*screen, Qt::Key_Tab);
          QCOMPARE(QApplication::focusWidget(), screen->comment_edit());
          QTest::keyClicks(screen->comment_edit(), QString::fromStdString(want.comment));
          QCOMPARE(screen->current_assignment(), assignment);
          key(*screen, Qt::Key_Return, Qt::ControlModifier);
        } else {
          for (size_t axis = 0; axis < 4; ++axis) key(*screen, digit(*want.axis(axis)));
          key(*screen, Qt::Key_Return);
        }
        QVERIFY2(screen->current_assignment() != assignment, "Enter moves to the next unscored answer");
      }
      QCOMPARE(screen->mode(), Mode::Finished);
      QCOMPARE(screen->progress_bar()->value(), 6);
      QCOMPARE(ui::testing::first_leak(screen.get(), secrets), QString());

      const auto queue = queue_of(doctor);
      for (const store::QueueEntry& entry : queue.queue()) {
        QCOMPARE(QString::fromStdString(entry.status), QStringLiteral("submitted"));
        const auto item = queue.load(entry.assignment_id);
        QVERIFY(item && item->latest);
        QCOMPARE(item->latest->revision, 1);
        QVERIFY2(item->latest->scores == expected(d, entry.position),
                 qPrintable(QStringLiteral("doctor %1, position %2").arg(doctor).arg(entry.position)));
      }
      // A submitted answer, looked at again, shows its scores read-only (and still no secret).
      QVERIFY(screen->go_previous());
      QCOMPARE(screen->mode(), Mode::Submitted);
      QVERIFY(screen->scale(0)->read_only());
      QCOMPARE(screen->scale(0)->value(), expected(d, 6).accuracy);
      QCOMPARE(ui::testing::first_leak(screen.get(), secrets), QString());
    }
  }

  void a_draft_is_saved_and_restored_after_reopening() {
    int64_t first = 0;
    {
      auto screen = open_screen("dr-a");
      first = screen->current_assignment();
      key(*screen, Qt::Key_3);
      key(*screen, Qt::Key_4);
      screen->comment_edit()->setFocus();
      QTest::keyClicks(screen->comment_edit(), "unsure about the dose");
      key(*screen, Qt::Key_S, Qt::ControlModifier);
      QVERIFY(!screen->dirty());
      const auto saved = queue_of("dr-a").load(first);
      QVERIFY(saved && saved->draft);
      QCOMPARE(saved->status, std::string("draft"));
      QCOMPARE(saved->draft->accuracy, 3);
      QCOMPARE(saved->draft->safety, 4);
      QVERIFY(!saved->draft->completeness);
      QCOMPARE(saved->draft->comment, std::string("unsure about the dose"));

      // Moving away saves a changed answer by itself.
      key(*screen, Qt::Key_Right, Qt::AltModifier);
      const int64_t second = screen->current_assignment();
      QVERIFY(second != first);
      key(*screen, Qt::Key_2);
      key(*screen, Qt::Key_Left, Qt::AltModifier);
      QCOMPARE(screen->current_assignment(), first);
      QCOMPARE(queue_of("dr-a").load(second)->draft->accuracy, 2);
      // ... and so does the timer, a moment after a change.
      QCOMPARE(QApplication::focusWidget(), screen->scale(2));  // the first axis left unscored
      key(*screen, Qt::Key_5);
      QTRY_COMPARE_WITH_TIMEOUT(queue_of("dr-a").load(first)->draft->completeness, std::optional<int>(5), 4000);
      key(*screen, Qt::Key_1);  // readability, left for the destructor to save
    }
    auto screen = open_screen("dr-a");
    QCOMPARE(screen->current_assignment(), first);
    QCOMPARE(screen->scale(0)->value(), 3);
    QCOMPARE(screen->scale(1)->value(), 4);
    QCOMPARE(screen->scale(2)->value(), 5);
    QCOMPARE(screen->scale(3)->value(), 1);
    QCOMPARE(screen->comment_edit()->toPlainText(), QStringLiteral("unsure about the dose"));
    QVERIFY(screen->status_label()->text().contains("Draft"));
    QVERIFY(!screen->dirty());
    screen->harmful_box()->setFocus();
    key(*screen, Qt::Key_2);  // outside the scales a digit only fills an unscored axis: none is left
    QCOMPARE(screen->scale(0)->value(), 3);
    key(*screen, Qt::Key_Return);  // all four set: submits the restored draft
    const auto item = queue_of("dr-a").load(first);
    QVERIFY(item->latest && !item->draft);
    QCOMPARE(item->latest->scores.readability, 1);
  }

  void a_revision_needs_a_reason_and_becomes_revision_two() {
    auto screen = open_screen("dr-b");
    const int64_t first = screen->current_assignment();
    for (Qt::Key k : {Qt::Key_4, Qt::Key_4, Qt::Key_4, Qt::Key_4, Qt::Key_Return}) key(*screen, k);
    QVERIFY(screen->current_assignment() != first);
    key(*screen, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(screen->current_assignment(), first);
    QCOMPARE(screen->mode(), Mode::Submitted);
    QVERIFY(!screen->skip_button()->isEnabled());
    QVERIFY(!screen->save_button()->isEnabled());
    key(*screen, Qt::Key_2);  // read-only: a digit changes nothing
    QCOMPARE(screen->scale(0)->value(), 4);
    QCOMPARE(QApplication::focusWidget(), screen->revise_button());
    key(*screen, Qt::Key_Space);  // Revise…
    QCOMPARE(screen->mode(), Mode::Revising);
    key(*screen, Qt::Key_2);
    key(*screen, Qt::Key_Return);
    QVERIFY(screen->message_label()->text().contains("reason"));
    QCOMPARE(QApplication::focusWidget(), screen->reason_edit());
    QCOMPARE(queue_of("dr-b").load(first)->latest->revision, 1);
    QTest::keyClicks(screen->reason_edit(), "misread the dose");
    key(*screen, Qt::Key_Return);
    QCOMPARE(screen->mode(), Mode::Submitted);
    const auto item = queue_of("dr-b").load(first);
    QCOMPARE(item->latest->revision, 2);
    QCOMPARE(item->latest->reason, std::string("misread the dose"));
    QCOMPARE(item->latest->scores.accuracy, 2);
    QCOMPARE(item->latest->scores.safety, 4);
    QSqlQuery count(fixture_->ws->database());
    count.prepare("SELECT count(*) FROM score_revisions WHERE assignment_id = ?");
    count.addBindValue(qint64(first));
    QVERIFY(count.exec() && count.next());
    QCOMPARE(count.value(0).toInt(), 2);  // revision 1 is kept
    QVERIFY(screen->status_label()->text().contains("misread the dose"));
  }

  void skipping_needs_a_reason() {
    auto screen = open_screen("dr-c");
    const int64_t first = screen->current_assignment();
    key(*screen, Qt::Key_K, Qt::AltModifier);  // S&kip… (a mnemonic clicks after a short animation)
    QTRY_COMPARE(screen->mode(), Mode::Skipping);
    key(*screen, Qt::Key_Escape);
    QCOMPARE(screen->mode(), Mode::Scoring);
    key(*screen, Qt::Key_K, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), screen->reason_edit());
    key(*screen, Qt::Key_Return);
    QVERIFY(screen->message_label()->text().contains("reason"));
    QCOMPARE(queue_of("dr-c").load(first)->status, std::string("pending"));
    QTest::keyClicks(screen->reason_edit(), "outside my specialty");
    key(*screen, Qt::Key_Return);
    const auto item = queue_of("dr-c").load(first);
    QCOMPARE(item->status, std::string("skipped"));
    QCOMPARE(item->skip_reason, std::string("outside my specialty"));
    QVERIFY(screen->current_assignment() != first);
    QCOMPARE(screen->progress_bar()->value(), 1);
    // The skipped answer can be found again and still scored.
    key(*screen, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(screen->current_assignment(), first);
    QVERIFY(screen->status_label()->text().contains("outside my specialty"));
    QCOMPARE(screen->mode(), Mode::Scoring);
  }

  void a_study_closed_meanwhile_turns_the_screen_read_only() {
    auto screen = open_screen("dr-a");
    const int64_t first = screen->current_assignment();
    for (Qt::Key k : {Qt::Key_2, Qt::Key_3, Qt::Key_4}) key(*screen, k);
    store::ReviewStudyRepository(*fixture_->ws).close(*fixture_->lead, fixture_->study, /*force=*/true);
    key(*screen, Qt::Key_5);
    key(*screen, Qt::Key_Return);
    QVERIFY(screen->message_label()->text().contains("closed"));
    QCOMPARE(screen->mode(), Mode::Closed);
    QVERIFY(screen->scale(0)->read_only());
    QVERIFY(!screen->submit_button()->isEnabled());
    QVERIFY(!queue_of("dr-a").load(first)->latest);
  }
};

QTEST_MAIN(ScoringScreenTest)
#include "scoring_screen_test.moc"
