// The Datasets panel against a real workspace: keyboard decisions that move on, edits that keep
// their history, search and filters, bulk actions, each tool's preview before its apply,
// coverage and token charts, and import / export on the worker thread with cancel.
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <algorithm>
#include <fstream>

#include "core/data/pii_scrubber.h"
#include "core/store/category_repository.h"
#include "core/store/dataset_curation.h"
#include "core/store/dataset_transfer.h"
#include "core/store/dataset_repository.h"
#include "core/store/term_repository.h"
#include "core/store/workspace.h"
#include "core/tokenizer/tokenizer_trainer.h"
#include "tests/ui/dataset_workspace_fixture.h"
#include "ui/datasets/change_preview_model.h"
#include "ui/datasets/cleaning_dialog.h"
#include "ui/datasets/coverage_chart.h"
#include "ui/datasets/dataset_table_model.h"
#include "ui/datasets/datasets_panel.h"
#include "ui/datasets/dedup_dialog.h"
#include "ui/datasets/export_dialog.h"
#include "ui/datasets/import_dialog.h"
#include "ui/datasets/pii_dialog.h"
#include "ui/datasets/record_editor.h"
#include "ui/datasets/record_filter_bar.h"
#include "ui/datasets/tagging_dialog.h"
#include "ui/datasets/terms_dialog.h"
#include "ui/datasets/token_histogram.h"

using namespace medlora;
using data::ReviewStatus;
using ui::DatasetsPanel;

namespace {

data::RecordText record(const std::string& input, const std::string& output, const std::string& instruction = "") {
  data::RecordText r;
  r.instruction = instruction;
  r.input = input;
  r.output = output;
  return r;
}

// The dataset "clinic" of 20 records the tool dialogs are tried on.
std::vector<data::RecordText> clinic_records() {
  std::vector<data::RecordText> records = {
      record("<b>发热</b>怎么办？", "多喝水，  休息。", "回答问题"),           // 0: html, whitespace
      record("What is a fever?", "A raised body temperature."),               // 1
      record("What is a fever?", "A raised body temperature."),               // 2: exact copy of 1
      record("请联系 13812345678 咨询", "好的，我们会回电。"),               // 3: phone
      record("身份证 11010519491231002X 的病人", "已记录在案。"),            // 4: valid ID
      record("样本编号 110105194912310021 的结果", "结果正常。"),            // 5: bad checksum
      record("心梗患者应该注意什么", "心梗患者需要按时服药。"),              // 6: term
      record("儿童腹泻，宝宝哭闹", "请到儿科就诊。"),                        // 7: 儿科
  };
  for (int i = 8; i < 20; ++i)
    records.push_back(record("Question " + std::to_string(i) + " about sleep", "Answer " + std::to_string(i) + " sleep well."));
  return records;
}

struct Fixture : testing::DatasetWorkspace {
  Fixture() : DatasetWorkspace("clinic", clinic_records()) {}
};

bool wait_idle(ui::PlanDialog* dialog) {
  return QTest::qWaitFor([dialog] { return !dialog->busy(); }, 15000);
}

}  // namespace

class DatasetsPanelTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void shows_the_datasets_with_counts_per_status() {
    Fixture f;
    DatasetsPanel panel(f.file);
    QCOMPARE(panel.dataset_combo()->count(), 1);
    QVERIFY(panel.dataset_combo()->currentText().contains("20 records: 20 pending, 0 approved"));
    QCOMPARE(panel.current_dataset_id(), f.dataset);
    QCOMPARE(panel.table_model()->rowCount(), 20);
    QCOMPARE(panel.current_record_id(), f.ids[0]);  // the first record is opened
    QVERIFY(panel.problem_label()->isHidden());
  }

  void deletes_a_dataset_with_its_records() {
    Fixture f;
    DatasetsPanel panel(f.file);
    QVERIFY(panel.delete_current_dataset(false));
    QCOMPARE(f.repository->list_datasets().size(), size_t{0});
    QCOMPARE(f.repository->record_count(f.dataset), int64_t{0});
    QCOMPARE(panel.dataset_combo()->count(), 0);
    QTRY_COMPARE(panel.table_model()->rowCount(), 0);
    QCOMPARE(panel.current_record_id(), int64_t{0});
    QVERIFY(!panel.approve_action()->isEnabled());
  }

  void refuses_a_file_that_is_not_a_workspace() {
    QTemporaryDir dir;
    const QString bad = dir.filePath("notes.txt");
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("these are notes, not a database");
    file.close();
    DatasetsPanel panel(bad);
    QVERIFY(panel.workspace() == nullptr);
    QVERIFY(!panel.problem_label()->isHidden());
    QVERIFY(panel.problem_label()->text().contains("notes.txt"));
    QVERIFY(!panel.approve_action()->isEnabled());
    Fixture f;
    QVERIFY(panel.open_workspace(f.file));
    QVERIFY(panel.problem_label()->isHidden());
    QCOMPARE(panel.table_model()->rowCount(), 20);
  }

  void keyboard_decisions_are_stored_and_move_to_the_next_record() {
    Fixture f;
    DatasetsPanel panel(f.file);
    panel.set_reviewer("dr. wang");
    panel.resize(1200, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    panel.table_view()->setFocus();
    QCOMPARE(panel.current_record_id(), f.ids[0]);
    panel.editor()->note_edit()->setText("clear and correct");

    QTest::keyClick(panel.table_view(), Qt::Key_Return, Qt::ControlModifier);
    store::StoredRecord first = f.get(0);
    QCOMPARE(first.status, ReviewStatus::Approved);
    QCOMPARE(first.reviewer, std::string("dr. wang"));
    QCOMPARE(first.review_note, std::string("clear and correct"));
    QCOMPARE(panel.current_record_id(), f.ids[1]);
    QCOMPARE(panel.table_view()->currentIndex().row(), 1);

    QTest::keyClick(panel.editor()->output_edit(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(f.get(1).status, ReviewStatus::Rejected);
    QCOMPARE(panel.current_record_id(), f.ids[2]);
    QTest::keyClick(panel.table_view(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(f.get(2).status, ReviewStatus::NeedsEdit);
    QCOMPARE(panel.current_record_id(), f.ids[3]);
    QVERIFY(panel.dataset_combo()->currentText().contains("17 pending, 1 approved, 1 rejected, 1 need edit"));

    // Alt+Up / Alt+Down walk the table.
    QTest::keyClick(panel.table_view(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(panel.current_record_id(), f.ids[2]);
    QTest::keyClick(panel.table_view(), Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(panel.current_record_id(), f.ids[3]);

    // Under a "pending" filter a decided record leaves the table: the next one takes its row.
    auto* status = panel.filter_bar()->status_combo();
    status->setCurrentIndex(status->findData("pending"));
    QCOMPARE(panel.table_model()->rowCount(), 17);
    QCOMPARE(panel.current_record_id(), f.ids[3]);
    QTest::keyClick(panel.table_view(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(f.get(3).status, ReviewStatus::Approved);
    QCOMPARE(panel.table_model()->rowCount(), 16);
    QCOMPARE(panel.current_record_id(), f.ids[4]);
  }

  void approving_without_a_reviewer_name_is_refused() {
    Fixture f;
    DatasetsPanel panel(f.file);
    panel.set_reviewer("  ");
    QVERIFY(!panel.decide(ReviewStatus::Approved));
    QCOMPARE(f.get(0).status, ReviewStatus::Pending);
    QVERIFY(panel.problem_label()->text().contains("Reviewer"));
  }

  void an_edit_is_saved_as_a_new_version_with_its_history() {
    Fixture f;
    DatasetsPanel panel(f.file);
    panel.set_reviewer("dr. wang");
    panel.show();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    QVERIFY(panel.select_row(1));
    QVERIFY(!panel.save_action()->isEnabled());
    panel.editor()->output_edit()->setPlainText("A body temperature above 37.5 °C.");
    panel.editor()->category_combo()->setCurrentText("内科");
    panel.editor()->reason_edit()->setText("more precise");
    QVERIFY(panel.save_action()->isEnabled());
    QTest::keyClick(panel.editor()->output_edit(), Qt::Key_S, Qt::ControlModifier);

    const store::StoredRecord saved = f.get(1);
    QCOMPARE(saved.text.output, std::string("A body temperature above 37.5 °C."));
    QCOMPARE(saved.text.category, std::string("内科"));
    QCOMPARE(saved.version, int64_t{2});
    const auto history = f.repository->history(f.ids[1]);
    QCOMPARE(history.size(), size_t{1});
    QCOMPARE(history[0].output, std::string("A raised body temperature."));
    QCOMPARE(history[0].edited_by, std::string("dr. wang"));
    QCOMPARE(history[0].reason, std::string("more precise"));
    // The editor shows the new version and lists the old one.
    QCOMPARE(panel.editor()->history_tree()->topLevelItemCount(), 1);
    QCOMPARE(panel.editor()->history_tree()->topLevelItem(0)->text(3), QString("more precise"));
    panel.editor()->history_tree()->setCurrentItem(panel.editor()->history_tree()->topLevelItem(0));
    QVERIFY(panel.editor()->version_view()->toPlainText().contains("A raised body temperature."));
    QVERIFY(panel.editor()->header_label()->text().contains("version 2"));
    QVERIFY(!panel.editor()->is_modified());

    // Approve with an unsaved edit: the edit is saved first.
    panel.editor()->output_edit()->setPlainText("Above 37.5 °C, measured under the tongue.");
    QVERIFY(panel.decide(ReviewStatus::Approved));
    QCOMPARE(f.get(1).text.output, std::string("Above 37.5 °C, measured under the tongue."));
    QCOMPARE(f.get(1).status, ReviewStatus::Approved);
    QCOMPARE(f.repository->history(f.ids[1]).size(), size_t{2});
  }

  void search_and_filters_narrow_the_table() {
    Fixture f;
    f.repository->set_status({f.ids[8], f.ids[9]}, ReviewStatus::Approved, "dr. li");
    f.repository->add_flag({f.ids[10]}, "check");
    DatasetsPanel panel(f.file);
    auto* bar = panel.filter_bar();
    QTest::keyClicks(bar->search_edit(), "fever");
    QCOMPARE(panel.table_model()->rowCount(), 20);  // debounced: not yet
    QTRY_COMPARE(panel.table_model()->rowCount(), 2);
    QCOMPARE(panel.current_record_id(), f.ids[1]);
    bar->search_edit()->clear();
    QTRY_COMPARE(panel.table_model()->rowCount(), 20);

    bar->status_combo()->setCurrentIndex(bar->status_combo()->findData("approved"));
    QCOMPARE(panel.table_model()->rowCount(), 2);
    bar->status_combo()->setCurrentIndex(0);
    bar->flag_combo()->setCurrentText("check");
    QCOMPARE(panel.table_model()->rowCount(), 1);
    QCOMPARE(panel.table_model()->record_id(0), f.ids[10]);
    bar->flag_combo()->setCurrentText("");
    bar->min_length_spin()->setValue(30);  // characters of instruction + input + output
    const int long_ones = panel.table_model()->rowCount();
    QVERIFY(long_ones > 0 && long_ones < 20);
    bar->min_length_spin()->setValue(0);
    bar->max_length_spin()->setValue(20);  // only "儿童腹泻，宝宝哭闹" + "请到儿科就诊。" (16)
    QCOMPARE(panel.table_model()->rowCount(), 1);
    QCOMPARE(panel.table_model()->record_id(0), f.ids[7]);
    bar->max_length_spin()->setValue(0);
    f.repository->replace_all_texts(f.dataset, {{f.ids[7], [&] { auto t = f.get(7).text; t.category = "儿科"; return t; }()}},
                                    "test", "tag");
    panel.refresh_datasets();
    panel.table_model()->reload();
    auto* category = bar->category_combo();
    // Categories are those of the workspace (its default departments) and of the records.
    QVERIFY(category->findData("儿科") >= 0);
    category->setCurrentIndex(category->findData("儿科"));
    QCOMPARE(panel.table_model()->rowCount(), 1);
    category->setCurrentIndex(1);  // (untagged)
    QCOMPARE(panel.table_model()->rowCount(), 19);
  }

  void bulk_actions_act_on_the_selection() {
    Fixture f;
    DatasetsPanel panel(f.file);
    panel.set_reviewer("dr. zhao");
    auto* view = panel.table_view();
    const auto select_rows = [&](int first, int last) {
      QItemSelection selection(panel.table_model()->index(first, 0),
                               panel.table_model()->index(last, ui::DatasetTableModel::ColumnCount - 1));
      view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    };
    select_rows(10, 14);
    QCOMPARE(panel.selected_record_ids(), (std::vector<int64_t>(f.ids.begin() + 10, f.ids.begin() + 15)));
    QVERIFY(panel.bulk_approve_action()->isEnabled());
    panel.bulk_approve_action()->trigger();
    for (int i = 10; i < 15; ++i) {
      QCOMPARE(f.get(i).status, ReviewStatus::Approved);
      QCOMPARE(f.get(i).reviewer, std::string("dr. zhao"));
    }
    QCOMPARE(f.get(9).status, ReviewStatus::Pending);
    select_rows(8, 9);
    panel.bulk_reject_action()->trigger();
    QCOMPARE(f.get(8).status, ReviewStatus::Rejected);

    select_rows(15, 19);
    QCOMPARE(panel.bulk_set_category("急诊"), int64_t{5});
    QCOMPARE(f.get(17).text.category, std::string("急诊"));
    QCOMPARE(f.repository->history(f.ids[17]).size(), size_t{1});
    select_rows(15, 16);
    QCOMPARE(panel.bulk_add_flag("check-dose"), int64_t{2});
    QCOMPARE(f.get(16).flags, std::vector<std::string>{"check-dose"});

    select_rows(18, 19);
    QCOMPARE(panel.bulk_delete(), int64_t{2});
    QCOMPARE(f.repository->record_count(f.dataset), int64_t{18});
    QVERIFY(!f.repository->get_record(f.ids[19]));
    QCOMPARE(panel.table_model()->rowCount(), 18);
    QVERIFY(panel.dataset_combo()->currentText().contains("18 records"));
  }

  void cleaning_previews_then_applies() {
    Fixture f;
    DatasetsPanel panel(f.file);
    panel.set_reviewer("engineer");
    auto* dialog = qobject_cast<ui::CleaningDialog*>(panel.open_tool(DatasetsPanel::Tool::Clean));
    QVERIFY(dialog);
    QVERIFY(!dialog->apply_button()->isEnabled());
    dialog->preview();
    QVERIFY(wait_idle(dialog));
    QVERIFY2(dialog->has_plan(), qPrintable(dialog->last_error()));
    int html = -1;
    for (int row = 0; row < dialog->counts_table()->rowCount(); ++row)
      if (dialog->counts_table()->item(row, 1)->data(Qt::UserRole).toString() == "html")
        html = dialog->counts_table()->item(row, 1)->text().toInt();
    QCOMPARE(html, 1);
    QVERIFY(dialog->changes_model()->rowCount() >= 2);  // input (html) and output (whitespace) of record 0
    auto* changes = dialog->changes_model();
    QCOMPARE(changes->index(0, ui::ChangePreviewModel::RecordColumn).data().toLongLong(), f.ids[0]);
    QCOMPARE(changes->index(0, ui::ChangePreviewModel::FieldColumn).data().toString(), QString("input"));
    QCOMPARE(changes->index(0, ui::ChangePreviewModel::RulesColumn).data().toString(), QString("html, whitespace"));
    QCOMPARE(changes->index(0, ui::ChangePreviewModel::BeforeColumn).data().toString(), QString("<b>发热</b>怎么办？"));
    QCOMPARE(changes->index(0, ui::ChangePreviewModel::AfterColumn).data().toString(), QString("发热怎么办？"));
    QCOMPARE(f.get(0).text.input, std::string("<b>发热</b>怎么办？"));  // nothing written yet

    // A changed option drops the preview.
    dialog->min_chars_spin()->setValue(3);
    QVERIFY(!dialog->has_plan());
    QVERIFY(!dialog->apply_button()->isEnabled());
    dialog->min_chars_spin()->setValue(2);
    dialog->preview();
    QVERIFY(wait_idle(dialog));
    QVERIFY(dialog->apply_button()->isEnabled());
    QSignalSpy applied(dialog, &ui::PlanDialog::applied);
    dialog->apply();
    QVERIFY(wait_idle(dialog));
    QCOMPARE(applied.count(), 1);
    QCOMPARE(f.get(0).text.input, std::string("发热怎么办？"));
    QCOMPARE(f.get(0).text.output, std::string("多喝水， 休息。"));  // runs of spaces collapse to one
    const auto history = f.repository->history(f.ids[0]);
    QCOMPARE(history.size(), size_t{1});
    QCOMPARE(history[0].reason, std::string("cleaning"));
    QCOMPARE(history[0].edited_by, std::string("engineer"));
    const auto operations = f.repository->operations(f.dataset);
    QVERIFY(std::any_of(operations.begin(), operations.end(), [](const auto& o) { return o.kind == "clean"; }));
    // The panel shows the cleaned text at once.
    QVERIFY(panel.table_model()->index(0, ui::DatasetTableModel::InputColumn).data().toString().startsWith("发热怎么办"));
  }

  void dedup_previews_groups_then_removes_the_copies() {
    Fixture f;
    f.repository->set_status({f.ids[2]}, ReviewStatus::Approved, "dr. li");
    DatasetsPanel panel(f.file);
    auto* dialog = qobject_cast<ui::DedupDialog*>(panel.open_tool(DatasetsPanel::Tool::Dedup));
    QVERIFY(dialog);
    dialog->preview();
    QVERIFY(wait_idle(dialog));
    QVERIFY2(dialog->has_plan(), qPrintable(dialog->last_error()));
    // The approved copy is kept in preference.
    QCOMPARE(dialog->planned_deletions(), std::vector<int64_t>{f.ids[1]});
    QCOMPARE(dialog->groups_tree()->topLevelItemCount(), 1);
    QCOMPARE(dialog->groups_tree()->topLevelItem(0)->text(0).toLongLong(), f.ids[2]);
    QCOMPARE(f.repository->record_count(f.dataset), int64_t{20});
    dialog->apply();
    QVERIFY(wait_idle(dialog));
    QCOMPARE(f.repository->record_count(f.dataset), int64_t{19});
    QVERIFY(!f.repository->get_record(f.ids[1]));
    QVERIFY(f.repository->get_record(f.ids[2]));
    QCOMPARE(panel.table_model()->rowCount(), 19);
  }

  void pii_scrub_previews_counts_then_masks_and_logs() {
    Fixture f;
    QVERIFY(data::is_valid_chinese_id("11010519491231002X"));
    QVERIFY(!data::is_valid_chinese_id("110105194912310021"));
    DatasetsPanel panel(f.file);
    auto* dialog = qobject_cast<ui::PiiDialog*>(panel.open_tool(DatasetsPanel::Tool::Pii));
    QVERIFY(dialog);
    dialog->preview();
    QVERIFY(wait_idle(dialog));
    QVERIFY2(dialog->has_plan(), qPrintable(dialog->last_error()));
    QCOMPARE(dialog->planned_count("phone"), int64_t{1});
    QCOMPARE(dialog->planned_count("cn_id"), int64_t{1});
    QCOMPARE(dialog->planned_count("email"), int64_t{0});
    QCOMPARE(dialog->changes_model()->rowCount(), 2);
    QCOMPARE(f.get(3).text.input, std::string("请联系 13812345678 咨询"));
    dialog->apply();
    QVERIFY(wait_idle(dialog));
    QCOMPARE(f.get(3).text.input, std::string("请联系 [PHONE] 咨询"));
    QCOMPARE(f.get(4).text.input, std::string("身份证 [CN_ID] 的病人"));
    QCOMPARE(f.get(5).text.input, std::string("样本编号 110105194912310021 的结果"));  // checksum fails: kept
    const auto maskings = f.repository->maskings(f.ids[3]);
    QCOMPARE(maskings.size(), size_t{1});
    QCOMPARE(maskings[0].kind, std::string("phone"));
    QCOMPARE(maskings[0].original_hash.size(), size_t{64});
    QCOMPARE(f.get(4).flags, std::vector<std::string>{"pii"});
    const auto counts = f.repository->masking_counts(f.dataset);
    QCOMPARE(counts.at("cn_id"), int64_t{1});
  }

  // The dialogs and `medlora dataset clean|dedup|scrub|tag` (store::*_dataset with apply) write
  // the same operation-log entries for the same operation on the same records.
  void dialogs_log_what_the_cli_logs() {
    Fixture gui;
    Fixture cli;
    {
      DatasetsPanel panel(gui.file);
      for (const auto tool : {DatasetsPanel::Tool::Clean, DatasetsPanel::Tool::Dedup, DatasetsPanel::Tool::Pii,
                              DatasetsPanel::Tool::Tag}) {
        auto* dialog = qobject_cast<ui::PlanDialog*>(panel.open_tool(tool));
        QVERIFY(dialog);
        dialog->preview();
        QVERIFY(wait_idle(dialog));
        QVERIFY2(dialog->has_plan(), qPrintable(dialog->last_error()));
        dialog->apply();
        QVERIFY(wait_idle(dialog));
        QVERIFY2(dialog->last_error().isEmpty(), qPrintable(dialog->last_error()));
        dialog->close();
      }
    }
    store::clean_dataset(*cli.workspace, cli.dataset, data::CleaningRules{}, true, "engineer");
    store::dedup_dataset(*cli.workspace, cli.dataset, data::NearDupOptions{}, true, store::DuplicateAction::Delete, true);
    store::scrub_dataset(*cli.workspace, cli.dataset, data::PiiRules{}, true, "engineer");
    store::tag_dataset(*cli.workspace, cli.dataset, false, true, "engineer");
    const auto entries = [](store::DatasetRepository& repository, int64_t dataset) {
      QStringList lines;
      for (const auto& operation : repository.operations(dataset))
        lines << QString::fromStdString(operation.kind + " " + operation.parameters_json + " " + operation.counts_json);
      return lines;
    };
    const QStringList gui_log = entries(*gui.repository, gui.dataset);
    QCOMPARE(gui_log, entries(*cli.repository, cli.dataset));
    QVERIFY(gui_log.filter(QRegularExpression("^dedup-delete ")).size() == 1);
    QVERIFY(gui_log.filter(QRegularExpression("^dedup ")).size() == 1);
    QVERIFY(gui_log.filter(QRegularExpression("^(clean|scrub|tag) ")).size() == 3);
  }

  void tagging_uses_the_editable_rules() {
    Fixture f;
    DatasetsPanel panel(f.file);
    auto* dialog = qobject_cast<ui::TaggingDialog*>(panel.open_tool(DatasetsPanel::Tool::Tag));
    QVERIFY(dialog);
    QCOMPARE(dialog->rules_table()->rowCount(), 6);  // the workspace's default departments
    // A new rule typed into the table: "sleep" records go to 睡眠.
    dialog->add_rule_row({"睡眠", {"sleep"}, true, 0.2});
    dialog->preview();
    QVERIFY(wait_idle(dialog));
    QVERIFY2(dialog->has_plan(), qPrintable(dialog->last_error()));
    QVERIFY(dialog->assignments_table()->rowCount() >= 13);
    QCOMPARE(f.get(7).text.category, std::string());
    dialog->apply();
    QVERIFY(wait_idle(dialog));
    QCOMPARE(f.get(7).text.category, std::string("儿科"));
    QCOMPARE(f.get(1).text.category, std::string("内科"));
    QCOMPARE(f.get(12).text.category, std::string("睡眠"));
    const auto saved = store::CategoryRepository(*f.workspace).find("睡眠");
    QVERIFY(saved && saved->required);
    QCOMPARE(saved->min_share, 0.2);
  }

  void term_standardisation_imports_csv_previews_and_applies() {
    Fixture f;
    const QString csv = f.dir.filePath("terms.csv");
    {
      std::ofstream out(csv.toStdString());
      out << "synonym,standard\n心梗,心肌梗死\nbroken line without standard\n";
    }
    DatasetsPanel panel(f.file);
    auto* dialog = qobject_cast<ui::TermsDialog*>(panel.open_tool(DatasetsPanel::Tool::Terms));
    QVERIFY(dialog);
    QVERIFY(dialog->import_csv(csv));
    QVERIFY(dialog->message_label()->text().contains("1 added"));
    QVERIFY(dialog->message_label()->text().contains("terms.csv:3"));
    QCOMPARE(dialog->terms_table()->rowCount(), 1);
    dialog->preview();
    QVERIFY(wait_idle(dialog));
    QVERIFY2(dialog->has_plan(), qPrintable(dialog->last_error()));
    QCOMPARE(dialog->replacements_table()->rowCount(), 1);
    QCOMPARE(dialog->replacements_table()->item(0, 2)->text(), QString("2"));
    QCOMPARE(dialog->changes_model()->rowCount(), 2);  // input and output of record 6
    dialog->apply();
    QVERIFY(wait_idle(dialog));
    QCOMPARE(f.get(6).text.input, std::string("心肌梗死患者应该注意什么"));
    QCOMPARE(f.get(6).text.output, std::string("心肌梗死患者需要按时服药。"));
    QCOMPARE(store::TermRepository(*f.workspace).standard_for("心梗"), std::optional<std::string>("心肌梗死"));
  }

  void coverage_chart_warns_below_a_required_share() {
    Fixture f;
    store::CategoryRepository categories(*f.workspace);
    auto paediatrics = *categories.find("儿科");
    paediatrics.required = true;
    paediatrics.min_share = 0.3;
    categories.update(paediatrics);
    f.repository->replace_all_texts(f.dataset, {{f.ids[7], [&] { auto t = f.get(7).text; t.category = "儿科"; return t; }()}},
                                    "test", "tag");
    DatasetsPanel panel(f.file);
    panel.tabs()->setCurrentWidget(panel.coverage_chart());
    const auto& rows = panel.coverage_chart()->rows();
    const auto found = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r.category == "儿科"; });
    QVERIFY(found != rows.end());
    QCOMPARE(found->count, int64_t{1});
    QVERIFY(found->below_minimum);
    QVERIFY(panel.coverage_chart()->warning_label()->text().contains("儿科"));
    QVERIFY(panel.coverage_chart()->warning_label()->text().contains("5.0 % < 30.0 %"));
    // The History tab lists the operations logged for the dataset, newest first.
    f.repository->log_operation(f.dataset, "tag", "{\"rules\":6}", "{\"changed\":1}");
    panel.tabs()->setCurrentWidget(panel.history_tree());
    QCOMPARE(panel.history_tree()->topLevelItemCount(), 1);
    QCOMPARE(panel.history_tree()->topLevelItem(0)->text(1), QString("tag"));
    QCOMPARE(panel.history_tree()->topLevelItem(0)->text(2), QString("{\"changed\":1}"));
  }

  void token_histogram_needs_a_tokenizer_and_counts_with_one() {
    Fixture f;
    DatasetsPanel panel(f.file);
    auto* tokens = panel.token_histogram();
    tokens->tokenizer_edit()->setText(f.dir.filePath("no-model-here"));
    QSignalSpy failed(tokens, &ui::TokenHistogram::failed);
    tokens->compute();
    QCOMPARE(failed.count(), 1);
    QVERIFY(tokens->message_label()->text().contains("tokenizer.model"));

    const auto model_dir = std::filesystem::path(f.dir.filePath("tok").toStdString());
    const auto corpus = std::filesystem::path(f.dir.filePath("corpus.txt").toStdString());
    {
      std::ofstream out(corpus);
      for (int i = 0; i < 200; ++i)
        out << "The patient has a mild fever and a cough on day " << i << ".\n"
            << "患者发热咳嗽第" << i << "天，建议多喝水并休息。\n";
    }
    tokenizer::TokenizerTrainOptions options;
    options.input_files = {corpus};
    options.output_dir = model_dir;
    options.vocab_size = 320;
    tokenizer::train_tokenizer(options);
    tokens->tokenizer_edit()->setText(QString::fromStdString(model_dir.string()));
    tokens->max_length_spin()->setValue(40);
    QSignalSpy computed(tokens, &ui::TokenHistogram::computed);
    tokens->compute();
    QVERIFY(QTest::qWaitFor([tokens] { return !tokens->busy(); }, 15000));
    QCOMPARE(computed.count(), 1);
    QCOMPARE(tokens->stats().records, int64_t{20});
    QCOMPARE(tokens->stats().max_length, int64_t{40});
    QVERIFY(!tokens->stats().histogram.empty());
    QVERIFY(tokens->stats().max > 5);
    QVERIFY(tokens->message_label()->text().contains("20 records"));
  }

  void imports_on_the_worker_and_lists_broken_records() {
    Fixture f;
    const QString jsonl = f.dir.filePath("more.jsonl");
    {
      std::ofstream out(jsonl.toStdString());
      out << "{\"instruction\":\"\",\"input\":\"q1\",\"output\":\"a1\"}" << "\n"
          << "{\"input\":\"q2\",\"output\":\"a2\"}" << "\n"
          << "{\"input\": broken" << "\n"
          << "{\"question\":\"q3\",\"answer\":\"a3\"}" << "\n";
    }
    DatasetsPanel panel(f.file);
    auto* dialog = panel.open_import_dialog();
    QVERIFY(dialog);
    dialog->add_paths({jsonl});
    QCOMPARE(dialog->name_edit()->text(), QString("more"));
    QSignalSpy finished(dialog, &ui::ImportDialog::finished);
    dialog->start_import();
    QVERIFY(dialog->running());
    QVERIFY(finished.wait(15000));
    QVERIFY2(dialog->summary().has_value(), qPrintable(dialog->error()));
    QCOMPARE(dialog->summary()->imported, qint64{3});
    QCOMPARE(dialog->summary()->errors.size(), 1);
    QVERIFY(dialog->summary()->errors[0].first.endsWith("more.jsonl:3"));
    QCOMPARE(dialog->errors_table()->rowCount(), 1);
    QVERIFY(dialog->result_label()->text().contains("Imported 3 records"));
    const auto dataset = f.repository->find_dataset("more");
    QVERIFY(dataset);
    QCOMPARE(dataset->total, int64_t{3});
    // Logged as `medlora dataset import` logs the same file (store::import_into_workspace).
    Fixture cli;
    data::ImportOptions options;
    const auto imported = store::import_into_workspace(*cli.workspace, "more", {jsonl.toStdString()}, options);
    const auto gui_log = f.repository->operations(dataset->id);
    const auto cli_log = cli.repository->operations(imported.dataset_id);
    QCOMPARE(gui_log.size(), size_t{1});
    QCOMPARE(cli_log.size(), size_t{1});
    QCOMPARE(gui_log[0].kind, std::string("import"));
    QCOMPARE(gui_log[0].parameters_json, cli_log[0].parameters_json);
    QCOMPARE(gui_log[0].counts_json, cli_log[0].counts_json);
    // The panel switched to the new dataset.
    QCOMPARE(panel.current_dataset_id(), dataset->id);
    QCOMPARE(panel.table_model()->rowCount(), 3);
    QCOMPARE(panel.dataset_combo()->count(), 2);
  }

  void a_cancelled_import_leaves_nothing() {
    Fixture f;
    const QString jsonl = f.dir.filePath("big.jsonl");
    {
      std::ofstream out(jsonl.toStdString());
      for (int i = 0; i < 20000; ++i) out << "{\"input\":\"question " << i << "\",\"output\":\"answer\"}" << "\n";
    }
    DatasetsPanel panel(f.file);
    auto* dialog = panel.open_import_dialog();
    dialog->add_paths({jsonl});
    QSignalSpy finished(dialog, &ui::ImportDialog::finished);
    dialog->start_import();
    dialog->request_stop();
    QVERIFY(finished.wait(15000));
    QVERIFY2(dialog->summary().has_value(), qPrintable(dialog->error()));
    QVERIFY(dialog->summary()->cancelled);
    QVERIFY(!f.repository->find_dataset("big"));
    QCOMPARE(f.repository->list_datasets().size(), size_t{1});
  }

  void exports_approved_records_split_on_the_worker() {
    Fixture f;
    std::vector<int64_t> approved(f.ids.begin(), f.ids.begin() + 10);
    f.repository->set_status(approved, ReviewStatus::Approved, "dr. li");
    DatasetsPanel panel(f.file);
    auto* dialog = panel.open_export_dialog();
    QVERIFY(dialog);
    const QString out = f.dir.filePath("out.jsonl");
    dialog->file_edit()->setText(out);
    dialog->split_check()->setChecked(true);
    dialog->validation_spin()->setValue(0.2);
    QSignalSpy finished(dialog, &ui::ExportDialog::finished);
    dialog->start_export();
    QVERIFY(finished.wait(15000));
    QVERIFY2(dialog->summary().has_value(), qPrintable(dialog->error()));
    QCOMPARE(dialog->summary()->records, qint64{10});
    QCOMPARE(dialog->summary()->files.size(), 2);
    QVERIFY(QFile::exists(f.dir.filePath("out_train.jsonl")));
    QVERIFY(QFile::exists(f.dir.filePath("out_validation.jsonl")));
    QVERIFY(QFile::exists(f.dir.filePath("out_train.jsonl.manifest.json")));
    QFile train(f.dir.filePath("out_train.jsonl"));
    QVERIFY(train.open(QIODevice::ReadOnly));
    int lines = 0;
    while (!train.atEnd())
      if (!train.readLine().trimmed().isEmpty()) ++lines;
    QCOMPARE(lines + 2, 10);
    const auto operations = f.repository->operations(f.dataset);
    // Logged as `medlora dataset split` logs it.
    QCOMPARE(operations.size(), size_t{1});
    QCOMPARE(operations[0].kind, std::string("split"));
    QVERIFY(QString::fromStdString(operations[0].parameters_json).contains("out_train.jsonl"));
    QVERIFY(QString::fromStdString(operations[0].counts_json).contains("\"train\":8"));
  }
};

QTEST_MAIN(DatasetsPanelTest)
#include "datasets_panel_test.moc"
