// PromptTokensView (the Models panel's tryout and the chat tester's prompt window): one row
// per token with its id and piece, special tokens bold and marked "special", control
// characters escaped so every row stays one line, a summary that counts them, clear(), and
// live retranslation of the headers and summary.
#include <QEvent>
#include <QFont>
#include <QTableWidget>
#include <QtTest>

#include "ui/models/prompt_tokens_view.h"

using namespace medlora;

class PromptTokensViewTest : public QObject {
  Q_OBJECT

 private slots:
  void shows_one_row_per_token_with_special_ones_marked() {
    ui::PromptTokensView view;
    view.show_prompt("<|im_start|>user\nHi<|im_end|>", {151644, 872, 198, 13048, 151645},
                     {"<|im_start|>", "user", "\n", "Hi", "<|im_end|>"}, {true, false, false, false, true});
    QCOMPARE(view.text_view()->toPlainText(), QString("<|im_start|>user\nHi<|im_end|>"));
    QTableWidget* table = view.token_table();
    QCOMPARE(table->rowCount(), 5);
    QCOMPARE(table->columnCount(), 3);
    QCOMPARE(table->item(0, 0)->text(), QString("151644"));
    QCOMPARE(table->item(0, 1)->text(), QString("<|im_start|>"));
    QCOMPARE(table->item(1, 1)->text(), QString("user"));
    QCOMPARE(table->item(2, 1)->text(), QString("\\n"));  // escaped: one line per row
    QCOMPARE(table->item(4, 0)->text(), QString("151645"));
    for (int row : {0, 4}) {
      QCOMPARE(table->item(row, 2)->text(), QString("special"));
      for (int column = 0; column < 3; ++column) QVERIFY(table->item(row, column)->font().bold());
    }
    for (int row : {1, 2, 3}) {
      QVERIFY(table->item(row, 2)->text().isEmpty());
      QVERIFY(!table->item(row, 1)->font().bold());
    }
    QVERIFY2(view.summary_label()->text().contains("5 token(s)"), qPrintable(view.summary_label()->text()));
    QVERIFY2(view.summary_label()->text().contains("2 of them special"), qPrintable(view.summary_label()->text()));
  }

  void escapes_control_characters_and_tolerates_short_lists() {
    ui::PromptTokensView view;
    view.show_prompt("a\tb", {7, 8, 9}, {QString("\t"), QString(QChar(0x01))}, {false});
    QCOMPARE(view.token_table()->rowCount(), 3);
    QCOMPARE(view.token_table()->item(0, 1)->text(), QString("\\t"));
    QCOMPARE(view.token_table()->item(1, 1)->text(), QString("\\x01"));
    QVERIFY(view.token_table()->item(2, 1)->text().isEmpty());  // no piece given for the last id
    QVERIFY(view.summary_label()->text().contains("0 of them special"));
  }

  void clear_empties_text_table_and_summary() {
    ui::PromptTokensView view;
    const QString empty_summary = view.summary_label()->text();
    QVERIFY(!empty_summary.isEmpty());
    view.show_prompt("x", {1}, {"x"}, {true});
    QVERIFY(view.summary_label()->text() != empty_summary);
    view.clear();
    QCOMPARE(view.token_table()->rowCount(), 0);
    QVERIFY(view.text_view()->toPlainText().isEmpty());
    QCOMPARE(view.summary_label()->text(), empty_summary);
  }

  void retranslates_on_language_change() {
    ui::PromptTokensView view;
    view.show_prompt("x", {1}, {"x"}, {true});
    view.token_table()->horizontalHeaderItem(0)->setText("stale");
    view.summary_label()->setText("stale");
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&view, &change);
    QCOMPARE(view.token_table()->horizontalHeaderItem(0)->text(), QString("Id"));
    QVERIFY(view.summary_label()->text().contains("1 token(s)"));
  }
};

QTEST_MAIN(PromptTokensViewTest)
#include "prompt_tokens_view_test.moc"
