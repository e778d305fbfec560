// A conversation record in the Datasets panel: the table shows its first question and its
// number of turns, the editor shows its turns (role and text each) instead of the
// instruction/input/output boxes, an edit of the turns is saved as a new version with its
// history, a broken conversation is refused with the reason, and it is approved and exported
// as {"messages": [...]}.
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

#include "core/store/dataset_repository.h"
#include "core/store/workspace.h"
#include "tests/ui/dataset_workspace_fixture.h"
#include "ui/datasets/dataset_table_model.h"
#include "ui/datasets/datasets_panel.h"
#include "ui/datasets/export_dialog.h"
#include "ui/datasets/record_editor.h"
#include "ui/datasets/turn_list_editor.h"

using namespace medlora;
using data::ReviewStatus;
using ui::DatasetsPanel;

namespace {

// A plain record and a conversation (system prompt, four turns).
std::vector<data::RecordText> conversation_records() {
  data::RecordText plain;
  plain.input = "What is a fever?";
  plain.output = "A raised body temperature.";
  data::RecordText chat;
  chat.messages = {{"system", "You are a triage nurse."},
                   {"user", "My daughter has a rash."},
                   {"assistant", "Does it fade when you press a glass on it?"},
                   {"user", "No, it does not."},
                   {"assistant", "Call an ambulance now."}};
  return {plain, chat};
}

struct Fixture : testing::DatasetWorkspace {
  Fixture() : DatasetWorkspace("chats", conversation_records()) {}
};

}  // namespace

class DatasetsConversationTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void the_table_shows_the_first_question_and_the_turns() {
    Fixture f;
    DatasetsPanel panel(f.file);
    auto* model = panel.table_model();
    QCOMPARE(model->rowCount(), 2);
    const QString input = model->index(1, ui::DatasetTableModel::InputColumn).data().toString();
    QVERIFY2(input.contains("4 turns") && input.contains("My daughter has a rash."), qPrintable(input));
    QCOMPARE(model->index(1, ui::DatasetTableModel::InstructionColumn).data().toString(), QString("You are a triage nurse."));
    QCOMPARE(model->index(1, ui::DatasetTableModel::OutputColumn).data().toString(),
             QString("Does it fade when you press a glass on it?"));
    const QString tip = model->index(1, ui::DatasetTableModel::OutputColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains("Call an ambulance now."), qPrintable(tip));
    // The plain record is shown as before.
    QCOMPARE(model->index(0, ui::DatasetTableModel::InputColumn).data().toString(), QString("What is a fever?"));
  }

  void the_editor_edits_turns_and_saves_them_with_history() {
    Fixture f;
    DatasetsPanel panel(f.file);
    panel.set_reviewer("dr. wang");
    panel.show();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    QVERIFY(panel.select_row(1));
    ui::RecordEditor* editor = panel.editor();
    ui::TurnListEditor* turns = editor->turns_edit();
    QVERIFY(turns->isVisible());
    QVERIFY(!editor->output_edit()->isVisible());
    QCOMPARE(turns->turn_count(), 5);
    QCOMPARE(turns->role_combo(0)->currentData().toString(), QString("system"));
    QCOMPARE(turns->content_edit(4)->toPlainText(), QString("Call an ambulance now."));
    QVERIFY(!panel.save_action()->isEnabled());

    turns->content_edit(4)->setPlainText("Call an ambulance now: this can be meningitis.");
    QTest::mouseClick(turns->add_button(), Qt::LeftButton);
    QCOMPARE(turns->turn_count(), 6);
    QCOMPARE(turns->role_combo(5)->currentData().toString(), QString("user"));  // after an answer comes a question
    turns->content_edit(5)->setPlainText("Thank you.");
    QTest::mouseClick(turns->add_button(), Qt::LeftButton);
    QCOMPARE(turns->role_combo(6)->currentData().toString(), QString("assistant"));
    turns->content_edit(6)->setPlainText("Stay with her until they arrive.");
    QVERIFY(panel.save_action()->isEnabled());
    editor->reason_edit()->setText("safety advice");
    QVERIFY(panel.save_current_record());

    const store::StoredRecord saved = *f.repository->get_record(f.ids[1]);
    QCOMPARE(saved.version, int64_t{2});
    QCOMPARE(saved.text.messages.size(), size_t{7});
    QCOMPARE(saved.text.messages[4].content, std::string("Call an ambulance now: this can be meningitis."));
    QCOMPARE(saved.text.messages[6].role, std::string("assistant"));
    const auto history = f.repository->history(f.ids[1]);
    QCOMPARE(history.size(), size_t{1});
    QCOMPARE(history[0].messages.size(), size_t{5});
    QCOMPARE(history[0].reason, std::string("safety advice"));
    panel.editor()->history_tree()->setCurrentItem(panel.editor()->history_tree()->topLevelItem(0));
    QVERIFY(panel.editor()->version_view()->toPlainText().contains("assistant:\nCall an ambulance now."));

    // Remove the two new turns and the system turn, and change a role: saved as version 3.
    turns = panel.editor()->turns_edit();
    QCOMPARE(turns->turn_count(), 7);
    turns->remove_turn(6);
    QTest::mouseClick(turns->remove_button(5), Qt::LeftButton);
    turns->remove_turn(0);
    QCOMPARE(turns->turn_count(), 4);
    QVERIFY(panel.save_current_record());
    QCOMPARE(f.repository->get_record(f.ids[1])->text.messages.front().role, std::string("user"));
    QCOMPARE(f.repository->get_record(f.ids[1])->version, int64_t{3});

    // A conversation without an answer is refused, with the reason, and nothing is written.
    turns = panel.editor()->turns_edit();
    turns->role_combo(1)->setCurrentIndex(turns->role_combo(1)->findData("user"));
    turns->role_combo(3)->setCurrentIndex(turns->role_combo(3)->findData("user"));
    QVERIFY(!panel.save_current_record());
    QVERIFY2(panel.problem_label()->text().contains("no assistant turn"), qPrintable(panel.problem_label()->text()));
    QCOMPARE(f.repository->get_record(f.ids[1])->version, int64_t{3});
  }

  void a_conversation_is_approved_and_exported_as_messages() {
    Fixture f;
    DatasetsPanel panel(f.file);
    panel.set_reviewer("dr. li");
    QVERIFY(panel.select_row(1));
    QVERIFY(panel.decide(ReviewStatus::Approved));
    QCOMPARE(f.repository->get_record(f.ids[1])->status, ReviewStatus::Approved);
    auto* dialog = panel.open_export_dialog();
    QVERIFY(dialog);
    const QString out = f.dir.filePath("chats.jsonl");
    dialog->file_edit()->setText(out);
    QSignalSpy finished(dialog, &ui::ExportDialog::finished);
    dialog->start_export();
    QVERIFY(finished.wait(15000));
    QVERIFY2(dialog->summary().has_value(), qPrintable(dialog->error()));
    QCOMPARE(dialog->summary()->records, qint64{1});
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray line = file.readLine().trimmed();
    QVERIFY2(line.startsWith("{\"messages\": [{\"role\": \"system\", \"content\": \"You are a triage nurse.\"}"), line.constData());
    QVERIFY(file.readLine().trimmed().isEmpty());
  }
};

QTEST_MAIN(DatasetsConversationTest)
#include "datasets_conversation_test.moc"
