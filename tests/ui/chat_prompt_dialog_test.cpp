// The chat answer's "Prompt and tokens" window: an answer finished with a prompt (a ChatAnswer
// filled by hand, as the worker sends it) opens a PromptDialog whose table shows its tokens;
// answers reopened from a transcript, failed answers and the answer still streaming have no
// prompt, and the button is disabled with a tooltip that says why. Side-by-side columns have
// the same button for their configuration's prompt. The button, the window and
// its token view switch to Chinese live.
#include <QEvent>
#include <QTableWidget>
#include <QTranslator>
#include <QtTest>

#include "ui/chat/answer_view.h"
#include "ui/chat/conversation_view.h"
#include "ui/chat/prompt_dialog.h"
#include "ui/chat/side_by_side_view.h"
#include "ui/models/prompt_tokens_view.h"

using namespace medlora;

namespace {

ui::ChatAnswer answer_with_prompt() {
  ui::ChatAnswer answer;
  answer.job_id = 1;
  answer.question_text = "What helps a fever?";
  answer.text = "Rest and fluids.";
  answer.metadata.configuration = "base";
  answer.metadata.finish_reason = "eos";
  answer.metadata.tokens = 4;
  answer.status = "done";
  answer.prompt.text = "<s>[INST] What helps a fever? [/INST]";
  answer.prompt.ids = {1, 518, 25580, 29962, 1724};
  answer.prompt.pieces = {"<s>", "▁[", "INST", "]", "▁What"};
  answer.prompt.special = {true, false, false, false, false};
  return answer;
}

}  // namespace

class ChatPromptDialogTest : public QObject {
  Q_OBJECT

 private slots:
  void a_finished_answer_opens_its_prompt_and_tokens() {
    ui::ConversationView conversation;
    conversation.add_question("What helps a fever?");
    conversation.begin_answer("base");
    ui::AnswerView* answer = conversation.streaming_answer();
    QVERIFY(answer);
    QVERIFY(!answer->prompt_button()->isEnabled());  // still streaming
    QVERIFY(answer->prompt_button()->toolTip().contains("finished"));
    conversation.finish_streaming(answer_with_prompt());

    QVERIFY(answer->prompt_button()->isEnabled());
    QVERIFY(answer->prompt_button()->text().contains('&'));  // keyboard: a mnemonic
    QCOMPARE(answer->prompt().ids.size(), 5);
    QVERIFY(!answer->prompt_dialog());
    answer->prompt_button()->click();
    ui::PromptDialog* dialog = answer->prompt_dialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->windowTitle().contains("base"));
    QTableWidget* table = dialog->tokens_view()->token_table();
    QCOMPARE(table->rowCount(), 5);
    QCOMPARE(table->item(0, 0)->text(), QString("1"));
    QCOMPARE(table->item(0, 1)->text(), QString("<s>"));
    QCOMPARE(table->item(0, 2)->text(), QString("special"));
    QVERIFY(table->item(0, 1)->font().bold());
    QCOMPARE(table->item(4, 1)->text(), QString("▁What"));
    QVERIFY(table->item(4, 2)->text().isEmpty());
    QCOMPARE(dialog->tokens_view()->text_view()->toPlainText(), QString("<s>[INST] What helps a fever? [/INST]"));
    QVERIFY(dialog->tokens_view()->summary_label()->text().contains("5 token(s)"));

    // A second click raises the same window instead of opening another.
    answer->prompt_button()->click();
    QCOMPARE(answer->prompt_dialog(), dialog);
    QCOMPARE(answer->findChildren<ui::PromptDialog*>().size(), 1);
    // Closing it frees it; the button opens a fresh one.
    dialog->close();
    QTRY_VERIFY(!answer->prompt_dialog());
    answer->show_prompt();
    QVERIFY(answer->prompt_dialog());
    QCOMPARE(answer->prompt_dialog()->tokens_view()->token_table()->rowCount(), 5);
  }

  void a_reopened_answer_has_no_prompt_and_says_why() {
    ui::ConversationView conversation;
    conversation.add_question("What helps a fever?");
    const auto stored = answer_with_prompt();
    conversation.add_answer("base", stored.text, stored.metadata, "done");  // as open_chat does
    ui::AnswerView* answer = conversation.answers().value(0);
    QVERIFY(answer);
    QVERIFY(answer->prompt().empty());
    QVERIFY(!answer->prompt_button()->isEnabled());
    QVERIFY2(answer->prompt_button()->toolTip().contains("reopened"), qPrintable(answer->prompt_button()->toolTip()));
    answer->show_prompt();  // nothing to show
    QVERIFY(!answer->prompt_dialog());
  }

  void a_failed_answer_has_no_prompt() {
    ui::ConversationView conversation;
    conversation.begin_answer("base");
    ui::ChatAnswer failed;
    failed.status = "error";
    failed.error = "the model folder is missing";
    ui::AnswerView* answer = conversation.streaming_answer();
    conversation.finish_streaming(failed);
    QVERIFY(!answer->prompt_button()->isEnabled());
    QVERIFY2(answer->prompt_button()->toolTip().contains("failed"), qPrintable(answer->prompt_button()->toolTip()));
  }

  void the_button_and_window_retranslate() {
    ui::AnswerView answer("base");
    answer.finish("Rest.", {}, "done", answer_with_prompt().prompt);
    answer.show_prompt();
    QVERIFY(answer.prompt_dialog());
    answer.prompt_button()->setText("stale");
    answer.prompt_dialog()->setWindowTitle("stale");
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&answer, &change);
    QCoreApplication::sendEvent(answer.prompt_dialog(), &change);
    QCOMPARE(answer.prompt_button()->text(), QString("Prompt an&d tokens..."));
    QVERIFY(answer.prompt_dialog()->windowTitle().contains("base"));
    QVERIFY(answer.prompt_button()->isEnabled());
  }

  void side_by_side_columns_open_their_own_prompt() {
    ui::SideBySideView view;
    view.reset({"base", "adapter", "merged"});
    QVERIFY(!view.column_prompt_button(0)->isEnabled());
    ui::ChatAnswer first = answer_with_prompt();
    first.configuration = 0;
    view.finish(first);
    ui::ChatAnswer failed;
    failed.configuration = 1;
    failed.status = "error";
    failed.error = "no such adapter";
    view.finish(failed);
    view.finish_all("stopped");  // column 2 never answered
    QVERIFY(view.column_prompt_button(0)->isEnabled());
    QVERIFY(!view.column_prompt_button(1)->isEnabled());
    QVERIFY(view.column_prompt_button(1)->toolTip().contains("failed"));
    QVERIFY(!view.column_prompt_button(2)->isEnabled());
    QVERIFY(!view.column_prompt_button(2)->toolTip().contains("once the answer is finished"));
    view.column_prompt_button(0)->click();
    ui::PromptDialog* dialog = view.column_prompt_dialog(0);
    QVERIFY(dialog);
    QVERIFY(dialog->windowTitle().contains("base"));
    QCOMPARE(dialog->tokens_view()->token_table()->rowCount(), 5);
    QCOMPARE(dialog->tokens_view()->token_table()->item(0, 2)->text(), QString("special"));
    view.show_prompt(1);  // no prompt: nothing opens
    QVERIFY(!view.column_prompt_dialog(1));
  }

  void switches_to_chinese_live() {
    ui::AnswerView answer("base");
    answer.finish("Rest.", {}, "done", answer_with_prompt().prompt);
    answer.show();
    answer.show_prompt();
    QVERIFY(answer.prompt_dialog());
    QTranslator zh;
    QVERIFY(zh.load(":/i18n/medlora_zh_CN.qm"));
    QCoreApplication::installTranslator(&zh);
    // Installing a translator posts LanguageChange to the widgets: let the loop deliver it.
    QTRY_COMPARE(answer.prompt_button()->text(), QString::fromUtf8("提示词和词元(&D)..."));
    QTRY_COMPARE(answer.prompt_dialog()->windowTitle(), QString::fromUtf8("提示词和词元：base"));
    auto* view = answer.prompt_dialog()->tokens_view();
    QTRY_VERIFY2(view->summary_label()->text().contains(QString::fromUtf8("提示词共 5 个词元，其中 1 个为特殊词元")),
                 qPrintable(view->summary_label()->text()));
    QCOMPARE(view->token_table()->item(0, 2)->text(), QString::fromUtf8("特殊"));
    QCoreApplication::removeTranslator(&zh);
    QTRY_COMPARE(answer.prompt_button()->text(), QString("Prompt an&d tokens..."));
  }
};

QTEST_MAIN(ChatPromptDialogTest)
#include "chat_prompt_dialog_test.moc"
