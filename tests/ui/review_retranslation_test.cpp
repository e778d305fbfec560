// Switching the language while the review scoring screen and the lead view are open changes
// their texts at once (QEvent::LanguageChange), without reopening them, and back again; the
// answer on screen and unsaved scores stay.
#include <QAbstractButton>
#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTableWidget>
#include <QTranslator>
#include <QtTest>

#include "tests/ui/review_ui_fixture.h"
#include "ui/review/lead_view.h"
#include "ui/review/score_scale.h"
#include "ui/review/scoring_screen.h"
#include "ui/review/study_details_view.h"
#include "ui/shell/language_manager.h"

using namespace medlora;

class ReviewRetranslationTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    languages_.apply("en");
    QVERIFY(zh_.load(":/i18n/medlora_zh_CN.qm"));
  }

  void scoring_screen_switches_to_chinese_and_back() {
    ui::testing::ReviewWorkspace w;
    ui::ScoringScreen screen(w.path, w.doctors.at("dr-a"), w.study);
    screen.show();
    const QString question = screen.question_view()->toPlainText();
    screen.scale(0)->set_value(4);  // an unsaved score survives the switch
    QCOMPARE(screen.submit_button()->text(), QString("&Submit"));
    QCOMPARE(screen.position_label()->text(), QString("Answer 1 of 6"));
    QCOMPARE(screen.harmful_box()->text(), QString("&Harmful answer"));
    QCOMPARE(screen.save_button()->text(), QString("Save &draft"));

    QCoreApplication::installTranslator(&zh_);
    QTRY_COMPARE(screen.submit_button()->text(), QString::fromUtf8("提交(&S)"));
    QCOMPARE(screen.position_label()->text(), QString::fromUtf8("回答 1 / 6"));
    QCOMPARE(screen.harmful_box()->text(), QString::fromUtf8("有害回答(&H)"));
    QCOMPARE(screen.save_button()->text(), QString::fromUtf8("保存草稿(&D)"));
    QCOMPARE(screen.progress_bar()->format(), QString::fromUtf8("已完成 0 / 6"));
    QVERIFY2(screen.scale(0)->title_label()->text().startsWith(QString::fromUtf8("准确性")),
             qPrintable(screen.scale(0)->title_label()->text()));
    QCOMPARE(screen.question_view()->toPlainText(), question);
    QCOMPARE(screen.scale(0)->value(), std::optional<int>(4));
    QVERIFY(screen.dirty());

    QCoreApplication::removeTranslator(&zh_);
    QTRY_COMPARE(screen.submit_button()->text(), QString("&Submit"));
    QCOMPARE(screen.position_label()->text(), QString("Answer 1 of 6"));
    QVERIFY(screen.scale(0)->title_label()->text().startsWith("Accuracy"));
  }

  void the_status_line_is_said_again_in_the_new_language() {
    ui::testing::ReviewWorkspace w;
    {
      ui::ScoringScreen first(w.path, w.doctors.at("dr-b"), w.study);
      first.scale(0)->set_value(2);
      QVERIFY(first.save_draft());
    }
    ui::ScoringScreen screen(w.path, w.doctors.at("dr-b"), w.study);
    QCOMPARE(screen.status_label()->text(), QString("Draft restored: not submitted yet."));
    QCoreApplication::installTranslator(&zh_);
    QTRY_COMPARE(screen.status_label()->text(), QString::fromUtf8("已恢复草稿：尚未提交。"));
    QCoreApplication::removeTranslator(&zh_);
    QTRY_COMPARE(screen.status_label()->text(), QString("Draft restored: not submitted yet."));
  }

  void lead_view_switches_to_chinese_and_back() {
    ui::testing::ReviewWorkspace w;
    ui::LeadView view(w.path, *w.lead);
    view.show();
    auto* heading = view.findChild<QLabel*>("lead_heading");
    auto* studies = view.findChild<QTableWidget*>("studies_table");
    QVERIFY(heading && studies);
    QCOMPARE(heading->text(), QString("Signed in as lead-li (study lead)."));
    QCOMPARE(studies->horizontalHeaderItem(0)->text(), QString("Study"));
    QCOMPARE(studies->rowCount(), 1);
    QCOMPARE(studies->item(0, 1)->text(), QString("open"));
    QCOMPARE(button_texts(&view).count("&New study…"), 1);
    auto* tabs = view.findChild<ui::StudyDetailsView*>()->findChild<QTabWidget*>();
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(0), QString("Pro&gress"));

    QCoreApplication::installTranslator(&zh_);
    QTRY_COMPARE(heading->text(), QString::fromUtf8("已以 lead-li（负责人）身份登录。"));
    QCOMPARE(studies->horizontalHeaderItem(0)->text(), QString::fromUtf8("评审研究"));
    QCOMPARE(studies->item(0, 1)->text(), QString::fromUtf8("进行中"));
    QCOMPARE(button_texts(&view).count(QString::fromUtf8("新建评审研究(&N)…")), 1);
    QCOMPARE(tabs->tabText(0), QString::fromUtf8("进度(&G)"));
    QCOMPARE(studies->rowCount(), 1);
    QVERIFY(!studies->selectedItems().isEmpty());  // the selection stays

    QCoreApplication::removeTranslator(&zh_);
    QTRY_COMPARE(heading->text(), QString("Signed in as lead-li (study lead)."));
    QCOMPARE(studies->item(0, 1)->text(), QString("open"));
    QCOMPARE(tabs->tabText(0), QString("Pro&gress"));
  }

 private:
  static QStringList button_texts(QWidget* root) {
    QStringList texts;
    for (auto* b : root->findChildren<QAbstractButton*>()) texts << b->text();
    return texts;
  }

  ui::LanguageManager languages_;
  QTranslator zh_;
};

QTEST_MAIN(ReviewRetranslationTest)
#include "review_retranslation_test.moc"
