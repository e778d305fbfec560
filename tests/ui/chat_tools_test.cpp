// The chat tester's tool dialogs against real files and a real workspace: the user's rule files
// (round trip, a broken file reported, not hidden), the routing-rules editor (priority order,
// keyword splitting, the live decision, refusing invalid rules), the safety-rules editor
// (shipped rules survive the form, an invalid regex is named with its rule, the Test tab flags),
// the knowledge-base dialog (.txt, .md and a PDF written here, imported off the GUI thread and
// found by search; a dataset's answers; remove) and send-to-review (systems, kinds, answers and
// refusals).
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

#include <algorithm>
#include <map>
#include <set>

#include "core/chat/document_text.h"
#include "core/store/dataset_repository.h"
#include "core/store/knowledge_base.h"
#include "core/store/model_registry.h"
#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"
#include "core/store/test_set_runs.h"
#include "core/store/workspace.h"
#include "ui/chat/chat_rules_files.h"
#include "ui/chat/knowledge_base_dialog.h"
#include "ui/chat/routing_rules_dialog.h"
#include "ui/chat/safety_rules_dialog.h"
#include "ui/chat/send_to_review.h"
#include "ui/review/login_dialog.h"

using namespace medlora;

namespace {

void write_file(const QString& path, const QByteArray& content) {
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write(content);
}

void set_text(QTableWidget* table, int row, int column, const QString& text) {
  table->setItem(row, column, new QTableWidgetItem(text));
}

std::set<std::string> flag_rules(const QTreeWidget* flags) {
  std::set<std::string> rules;
  for (int i = 0; i < flags->topLevelItemCount(); ++i) rules.insert(flags->topLevelItem(i)->text(1).toStdString());
  return rules;
}

int row_of_document(const ui::KnowledgeBaseDialog& dialog, const std::string& title) {
  const auto& documents = dialog.documents();
  for (size_t i = 0; i < documents.size(); ++i)
    if (documents[i].title == title) return int(i);
  return -1;
}

}  // namespace

class ChatToolsTest : public QObject {
  Q_OBJECT

 private slots:
  void rules_files_round_trip_and_report_a_broken_file();
  void routing_dialog_edits_in_priority_order_with_a_live_reason();
  void routing_dialog_refuses_invalid_rules();
  void safety_dialog_keeps_the_rules_and_names_an_invalid_regex();
  void safety_dialog_test_tab_lists_flags();
  void knowledge_base_dialog_imports_documents_and_finds_them();
  void knowledge_base_dialog_imports_a_dataset_and_removes();
  void review_system_kind_reads_the_configuration();
  void send_to_review_creates_the_study();
  void send_to_review_refuses_missing_answers_unless_allowed();
  void send_to_review_dialogs_sign_in_a_lead_and_create_the_study();
};

void ChatToolsTest::rules_files_round_trip_and_report_a_broken_file() {
  QTemporaryDir dir;
  qputenv("MEDLORA_CONFIG_DIR", dir.filePath("from-env").toUtf8());
  ui::set_chat_config_dir({});
  QCOMPARE(ui::chat_config_dir(), dir.filePath("from-env"));
  ui::set_chat_config_dir(dir.filePath("config"));  // the setter wins over the environment
  QCOMPARE(ui::routing_rules_path(), dir.filePath("config/routing_rules.json"));

  QString error = "stale";
  QCOMPARE(ui::load_routing_rules(&error).to_json(), chat::RoutingRules::defaults().to_json());
  QVERIFY(error.isEmpty());
  QCOMPARE(ui::load_safety_rules(&error).to_json(), chat::SafetyRules::defaults().to_json());
  QVERIFY(error.isEmpty());

  chat::RoutingRules routing;
  routing.rules = {{"derm", {"皮疹", "rash"}}, {"chronic", {"糖尿病"}}};
  routing.default_adapter = "base";
  ui::save_routing_rules(routing);  // creates the folder
  QCOMPARE(ui::load_routing_rules(&error).to_json(), routing.to_json());
  QVERIFY(error.isEmpty());

  chat::SafetyRules safety = chat::SafetyRules::defaults();
  safety.dangerous_advice.resize(1);
  safety.disclaimer.en = "Ask your doctor.";
  ui::save_safety_rules(safety);
  QCOMPARE(ui::load_safety_rules(&error).to_json(), safety.to_json());

  write_file(ui::routing_rules_path(), "{\"version\": 1, \"rules\": [");
  const chat::RoutingRules fallback = ui::load_routing_rules(&error);
  QCOMPARE(fallback.to_json(), chat::RoutingRules::defaults().to_json());
  QVERIFY2(error.contains(ui::routing_rules_path()) && error.contains("JSON"), qPrintable(error));
  write_file(ui::safety_rules_path(), R"({"version": 1, "dangerous_advice": [{"id": "x", "regex": "(oops"}]})");
  ui::load_safety_rules(&error);
  QVERIFY2(error.contains("'x'") && error.contains("regex"), qPrintable(error));
  qunsetenv("MEDLORA_CONFIG_DIR");
  ui::set_chat_config_dir({});
}

void ChatToolsTest::routing_dialog_edits_in_priority_order_with_a_live_reason() {
  ui::RoutingRulesDialog dialog(chat::RoutingRules::defaults(), {"common", "chronic", "emergency"}, nullptr);
  QTableWidget* table = dialog.rules_table();
  QCOMPARE(table->rowCount(), 3);
  QCOMPARE(table->item(0, 0)->text(), QString("emergency"));
  QCOMPARE(dialog.rules().to_json(), chat::RoutingRules::defaults().to_json());

  QTest::keyClicks(dialog.try_question_edit(), "chest pain and a fever");  // typed: the decision follows
  QVERIFY2(dialog.decision_label()->text().contains("emergency"), qPrintable(dialog.decision_label()->text()));
  dialog.try_question_edit()->setText("胸痛还头痛");
  QVERIFY2(dialog.decision_label()->text().contains("emergency"), qPrintable(dialog.decision_label()->text()));
  QVERIFY(dialog.decision_label()->text().contains("胸痛"));

  // Emergency to the bottom: now the common rule wins the same question, live.
  table->setCurrentCell(0, 1);
  dialog.move_rule(+1);
  dialog.move_rule(+1);
  QCOMPARE(table->currentRow(), 2);
  const auto moved = dialog.rules();
  QCOMPARE(moved.rules.back().adapter, std::string("emergency"));
  QCOMPARE(moved.rules.front().adapter, std::string("chronic"));
  QVERIFY2(dialog.decision_label()->text().contains("common"), qPrintable(dialog.decision_label()->text()));

  // A new rule with keywords separated by 、 and commas.
  dialog.add_rule();
  const int row = table->rowCount() - 1;
  set_text(table, row, 0, "derm");
  set_text(table, row, 1, "皮疹、湿疹， rash ,");
  QCOMPARE(dialog.rules().rules.back().keywords, (std::vector<std::string>{"皮疹", "湿疹", "rash"}));
  dialog.try_question_edit()->setText("手上起了湿疹");
  QVERIFY2(dialog.decision_label()->text().contains("derm"), qPrintable(dialog.decision_label()->text()));

  // No rule matches: the default answers.
  dialog.default_adapter_combo()->setCurrentText("base");
  dialog.try_question_edit()->setText("how long should I sleep");
  QVERIFY2(dialog.decision_label()->text().contains("the base model"), qPrintable(dialog.decision_label()->text()));
  QCOMPARE(dialog.rules().default_adapter, std::string("base"));

  table->setCurrentCell(row, 0);
  dialog.remove_rule();
  QCOMPARE(dialog.rules().rules.size(), size_t(3));
  dialog.restore_shipped_rules();
  QCOMPARE(dialog.rules().to_json(), chat::RoutingRules::defaults().to_json());
  dialog.accept();
  QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void ChatToolsTest::routing_dialog_refuses_invalid_rules() {
  ui::RoutingRulesDialog dialog(chat::RoutingRules::defaults(), {"common"}, nullptr);
  QTableWidget* table = dialog.rules_table();
  set_text(table, 1, 1, " , 、 ");  // the chronic rule loses its keywords
  QVERIFY(dialog.validate().contains("2"));
  dialog.try_question_edit()->setText("头痛");
  QVERIFY(!dialog.error_label()->text().isEmpty());
  table->setCurrentCell(0, 0);
  dialog.accept();
  QVERIFY(dialog.result() != QDialog::Accepted);
  QCOMPARE(table->currentRow(), 1);  // the rule at fault is selected
  set_text(table, 1, 1, "糖尿病");
  set_text(table, 2, 0, "");  // a rule without adapter
  QVERIFY(dialog.validate().contains("3"));
  set_text(table, 2, 0, "common");
  dialog.default_adapter_combo()->setCurrentText("");
  QVERIFY(!dialog.validate().isEmpty());
  dialog.default_adapter_combo()->setCurrentText("common");
  QVERIFY2(dialog.validate().isEmpty(), qPrintable(dialog.validate()));
  QVERIFY(dialog.error_label()->text().isEmpty());
  dialog.accept();
  QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void ChatToolsTest::safety_dialog_keeps_the_rules_and_names_an_invalid_regex() {
  const chat::SafetyRules shipped = chat::SafetyRules::defaults();
  ui::SafetyRulesDialog dialog(shipped, nullptr);
  QCOMPARE(dialog.rules().to_json(), shipped.to_json());  // the form loses nothing
  QVERIFY(dialog.validate().isEmpty());

  QTableWidget* advice = dialog.advice_table();
  set_text(advice, 1, ui::SafetyRulesDialog::RegexColumn, "停药(|");
  const QString problem = dialog.validate();
  QVERIFY2(problem.contains(QString::fromStdString(shipped.dangerous_advice[1].id)) && problem.contains("regex"),
           qPrintable(problem));
  advice->setCurrentCell(0, 0);
  dialog.accept();
  QVERIFY(dialog.result() != QDialog::Accepted);
  QCOMPARE(dialog.error_label()->text(), problem);
  QCOMPARE(advice->currentRow(), 1);

  dialog.restore_shipped_rules();
  dialog.notice_edit("en")->setPlainText("Call 120 now.");
  dialog.emergency_advice_edit()->setPlainText("拨打120\n\n  call 911  \n");
  const chat::SafetyRules edited = dialog.rules();
  QCOMPARE(edited.emergency_notice.en, std::string("Call 120 now."));
  QCOMPARE(edited.emergency_advice, (std::vector<std::string>{"拨打120", "call 911"}));
  dialog.accept();
  QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void ChatToolsTest::safety_dialog_test_tab_lists_flags() {
  ui::SafetyRulesDialog dialog(chat::SafetyRules::defaults(), nullptr);
  dialog.test_question_edit()->setPlainText("我感冒了，吃什么药好？");
  dialog.test_answer_edit()->setPlainText("吃点阿莫西林就好了，保证治愈。");
  dialog.run_test();
  auto rules = flag_rules(dialog.test_flags());
  QVERIFY(rules.count("antibiotics-for-cold"));
  QVERIFY(rules.count("absolute-guarantee"));
  QVERIFY(dialog.test_summary_label()->text().contains(
      QString::fromStdString(chat::SafetyRules::defaults().disclaimer.zh)));

  // A new user rule takes part at once; the emergency question is flagged too.
  QTableWidget* advice = dialog.advice_table();
  advice->insertRow(advice->rowCount());
  set_text(advice, advice->rowCount() - 1, ui::SafetyRulesDialog::IdColumn, "no-sleep");
  set_text(advice, advice->rowCount() - 1, ui::SafetyRulesDialog::PhrasesColumn, "不用睡觉、熬夜");
  dialog.test_question_edit()->setPlainText("我胸痛，怎么办？");
  dialog.test_answer_edit()->setPlainText("多喝水，熬夜也没关系。");
  dialog.run_test();
  rules = flag_rules(dialog.test_flags());
  QVERIFY(rules.count("no-sleep"));
  QVERIFY(rules.count("chest-pain"));
  QVERIFY(dialog.test_summary_label()->text().contains(
      QString::fromStdString(chat::SafetyRules::defaults().emergency_notice.zh)));

  set_text(advice, 0, ui::SafetyRulesDialog::RegexColumn, "[");
  dialog.run_test();
  QCOMPARE(dialog.test_flags()->topLevelItemCount(), 0);
  QVERIFY(dialog.test_summary_label()->text().contains("antibiotics-for-cold"));
}

void ChatToolsTest::knowledge_base_dialog_imports_documents_and_finds_them() {
  QTemporaryDir dir;
  const QString workspace = dir.filePath("kb.medlora");
  write_file(dir.filePath("headache.txt"),
             "偏头痛的处理\n\n偏头痛发作时应在安静、光线较暗的房间休息。常用止痛药包括布洛芬和对乙酰氨基酚。\n");
  write_file(dir.filePath("chest.md"),
             "# Chest pain first aid\n\nCall an ambulance at once when **chest pain** spreads to the arm or jaw.\n");
  write_file(dir.filePath("notes.docx"), "not a supported document");
  QStringList files = {dir.filePath("headache.txt"), dir.filePath("chest.md"), dir.filePath("notes.docx")};
  if (chat::pdf_supported()) {
    QPdfWriter pdf(dir.filePath("vaccine.pdf"));
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setTitle("Influenza vaccination");
    QPainter painter(&pdf);
    painter.setFont(QFont("DejaVu Sans", 12));
    painter.drawText(QRect(0, 0, pdf.width(), pdf.height() / 4), Qt::TextWordWrap,
                     "Influenza vaccination is recommended every autumn for adults over sixty-five.");
    painter.end();
    files << dir.filePath("vaccine.pdf");
  }

  ui::KnowledgeBaseDialog dialog(workspace, nullptr);
  QVERIFY(dialog.documents().empty());
  QVERIFY(dialog.import_files(files));
  QVERIFY(dialog.busy());
  QVERIFY(!dialog.import_files(files));  // one job at a time
  dialog.wait_for_job();
  QVERIFY(!dialog.busy());
  const size_t expected = chat::pdf_supported() ? 3 : 2;
  QCOMPARE(dialog.documents().size(), expected);
  QCOMPARE(dialog.documents_table()->rowCount(), int(expected));
  const QString status = dialog.status_label()->text();
  QVERIFY2(status.contains("notes.docx") && status.contains(QString("Imported %1").arg(expected)), qPrintable(status));
  QVERIFY(row_of_document(dialog, "Chest pain first aid") >= 0);  // the Markdown heading is the title

  dialog.search_edit()->setText("偏头痛怎么办");
  dialog.search();
  QVERIFY(!dialog.passages().empty());
  QCOMPARE(dialog.passages().front().document_title, std::string("headache"));
  QVERIFY(dialog.passages_table()->item(0, ui::KnowledgeBaseDialog::TextColumn)->text().contains("布洛芬"));
  QVERIFY(dialog.passages().front().score > 0);

  dialog.search_edit()->setText("chest pain");  // the search box searches as one types
  QTRY_VERIFY(!dialog.passages().empty() && dialog.passages().front().document_title == "Chest pain first aid");
  if (chat::pdf_supported()) {
    dialog.search_edit()->setText("influenza vaccination");
    dialog.search();
    QVERIFY(!dialog.passages().empty());
    QVERIFY(QString::fromStdString(dialog.passages().front().text).contains("autumn"));
  }
  // Cancel at once: nothing of this import is kept, the earlier documents stay.
  write_file(dir.filePath("more.txt"), "Cancelled documents never reach the knowledge base.\n");
  QVERIFY(dialog.import_files({dir.filePath("more.txt")}));
  QTest::mouseClick(dialog.findChild<QPushButton*>("kb_cancel"), Qt::LeftButton);
  dialog.wait_for_job();
  QCOMPARE(dialog.documents().size(), expected);
  QVERIFY2(dialog.status_label()->text().contains("Cancelled"), qPrintable(dialog.status_label()->text()));

  dialog.top_k_spin()->setValue(1);
  QVERIFY(dialog.passages().size() <= 1);
  dialog.search_edit()->setText("zebra xylophone");
  dialog.search();
  QVERIFY(dialog.passages().empty());
}

void ChatToolsTest::knowledge_base_dialog_imports_a_dataset_and_removes() {
  QTemporaryDir dir;
  const QString workspace_file = dir.filePath("kb.medlora");
  int64_t dataset = 0;
  {
    store::Workspace workspace(workspace_file.toStdString());
    store::DatasetRepository repository(workspace);
    dataset = repository.create_dataset("clinic", "test");
    data::RecordText approved;
    approved.input = "高血压患者每天吃多少盐？";
    approved.output = "高血压患者每天食盐应少于5克，并减少腌制食品。";
    data::RecordText pending;
    pending.input = "What helps a sore throat?";
    pending.output = "Warm salt water gargles soothe a sore throat.";
    const auto ids = repository.insert_records(dataset, {approved, pending}).ids;
    repository.set_status({ids[0]}, data::ReviewStatus::Approved, "dr");
  }
  ui::KnowledgeBaseDialog dialog(workspace_file, nullptr);
  QVERIFY(dialog.import_dataset(dataset, /*approved_only=*/true));
  dialog.wait_for_job();
  QCOMPARE(dialog.documents().size(), size_t(1));
  QCOMPARE(dialog.documents().front().kind, std::string("dataset"));
  QCOMPARE(dialog.documents().front().chunk_count, int64_t(1));  // the pending record stayed out
  dialog.search_edit()->setText("高血压 食盐");
  dialog.search();
  QVERIFY(!dialog.passages().empty());
  QCOMPARE(dialog.passages().front().title, std::string("高血压患者每天吃多少盐？"));
  dialog.search_edit()->setText("sore throat");
  dialog.search();
  QVERIFY(dialog.passages().empty());

  QVERIFY(dialog.import_dataset(dataset, false));
  dialog.wait_for_job();
  QCOMPARE(dialog.documents().size(), size_t(2));
  QVERIFY(dialog.remove_document(dialog.documents().back().id));
  QCOMPARE(dialog.documents().size(), size_t(1));
  QCOMPARE(dialog.documents_table()->rowCount(), 1);
  QVERIFY(!dialog.remove_document(999999));
  QVERIFY(dialog.import_dataset(424242, false));  // an unknown dataset: reported, nothing added
  dialog.wait_for_job();
  QVERIFY2(dialog.status_label()->text().contains("failed"), qPrintable(dialog.status_label()->text()));
  QCOMPARE(dialog.documents().size(), size_t(1));
}

void ChatToolsTest::review_system_kind_reads_the_configuration() {
  QCOMPARE(ui::review_system_kind(R"({"model": "/m"})"), std::string("base"));
  QCOMPARE(ui::review_system_kind(R"({"model": "/m", "adapter": "/a"})"), std::string("adapter"));
  QCOMPARE(ui::review_system_kind(R"({"model": "/m", "adapter": ""})"), std::string("base"));
  QCOMPARE(ui::review_system_kind(R"({"routed_adapters": [{"name": "chronic"}]})"), std::string("adapter"));
  QCOMPARE(ui::review_system_kind(R"({"model": "/merged", "merged": true})"), std::string("merged"));
  QCOMPARE(ui::review_system_kind(R"({"kind": "merged", "adapter": "/a"})"), std::string("merged"));
  QCOMPARE(ui::review_system_kind("[1]"), std::string("other"));
  // What the chat tester writes: the mode decides, adapters left in the list do not.
  QCOMPARE(ui::review_system_kind(R"({"label": "b", "model_dir": "/m", "mode": "base", "adapters": [{"name": "x"}]})"),
           std::string("base"));
  QCOMPARE(ui::review_system_kind(R"({"model_dir": "/m", "mode": "routed", "adapters": [{"name": "x"}]})"),
           std::string("adapter"));
}

namespace {

// A workspace with a lead, a doctor and a run of 2 questions x 3 configurations (as the chat
// tester writes them: base, one adapter, and a merged model registered as such).
struct ReviewFixture {
  QTemporaryDir dir;
  std::unique_ptr<store::Workspace> workspace;
  std::optional<store::ReviewerAccount> lead;
  std::optional<store::ReviewerAccount> doctor;
  int64_t run = 0;
  std::vector<int64_t> questions, configurations;

  ReviewFixture() {
    workspace = std::make_unique<store::Workspace>(dir.filePath("review.medlora").toStdString());
    store::ReviewerAccounts accounts(*workspace, 1000);
    lead = accounts.create_first_lead("lead", "lead-password");
    accounts.create(*lead, "doctor", "doctor", "doctor-password");
    doctor = accounts.authenticate("doctor", "doctor-password");
    store::TestSetRuns runs(*workspace);
    run = runs.create("smoke", "file: q.txt",
                      {{"q-fever", "发烧怎么办？", "多喝水，体温超过38.5度可服退烧药。"}, {"", "What is a cold?", ""}},
                      {{"base", R"({"label": "base", "model_dir": "/models/tiny", "mode": "base", "adapters": []})"},
                       {"lora-r8", R"({"label": "lora-r8", "model_dir": "/models/tiny", "mode": "adapter",
                                       "adapters": [{"name": "r8", "dir": "/adapters/r8"}]})"},
                       {"merged-r8", R"({"label": "merged-r8", "model_dir": "/models/merged", "mode": "base"})"}});
    store::ModelRegistry(*workspace).register_model("merged", "/models/merged", "merged");
    const auto loaded = runs.load(run);
    for (const auto& q : loaded->questions) questions.push_back(q.id);
    for (const auto& c : loaded->configurations) configurations.push_back(c.id);
  }
  void answer(size_t q, size_t c, const std::string& text, const std::string& status = "done") {
    store::TestAnswerInput input;
    input.answer = text;
    input.status = status;
    store::TestSetRuns(*workspace).record_answer(run, questions[q], configurations[c], input);
  }
};

}  // namespace

void ChatToolsTest::send_to_review_creates_the_study() {
  ReviewFixture f;
  f.answer(0, 0, "多休息。");
  f.answer(0, 1, "多喝水，必要时服退烧药。");
  f.answer(1, 0, "A viral infection of the nose and throat.");
  f.answer(1, 1, "A common cold is a mild viral infection.");
  f.answer(0, 2, "多喝水。");
  f.answer(1, 2, "A cold is caused by a virus.");
  const auto run = store::TestSetRuns(*f.workspace).load(f.run);
  ui::SendToReviewOptions options = ui::default_send_options(*run);
  QVERIFY(options.study_name.contains("smoke"));
  QCOMPARE(options.reviewers_per_answer, 3);
  QVERIFY(options.reference_as_system);  // the run has a reference answer
  QCOMPARE(ui::missing_answer_count(*run), 0);

  options.reviewers_per_answer = 2;
  const auto result = ui::send_test_run_to_review(*f.workspace, *f.lead, f.run, options);
  QCOMPARE(result.added.questions, 2);
  QCOMPARE(result.added.systems, 4);  // base, lora-r8, merged-r8, reference
  QCOMPARE(result.added.answers, 7);  // 2 x 3 + the one reference answer
  QCOMPARE(result.missing_answers, 0);

  store::ReviewStudyRepository studies(*f.workspace);
  const auto summary = studies.study(*f.lead, result.study_id);
  QCOMPARE(QString::fromStdString(summary.name), options.study_name);
  QCOMPARE(summary.reviewers_per_answer, 2);
  QVERIFY(QString::fromStdString(summary.source).contains("smoke"));
  for (const auto& system : studies.systems(*f.lead, result.study_id)) QVERIFY(system.name.empty());  // blinded
  studies.close(*f.lead, result.study_id, true);
  std::map<std::string, store::StudySystem> revealed;
  for (const auto& system : studies.reveal(*f.lead, result.study_id)) revealed[system.name] = system;
  QCOMPARE(revealed.size(), size_t(4));
  QCOMPARE(revealed.at("merged-r8").kind, std::string("merged"));
  QCOMPARE(revealed.at("base").kind, std::string("base"));
  QCOMPARE(revealed.at("lora-r8").kind, std::string("adapter"));
  QVERIFY(QString::fromStdString(revealed.at("lora-r8").metadata_json).contains("/adapters/r8"));
  QCOMPARE(revealed.at("reference").kind, std::string("reference"));

  // The same name again is refused and writes nothing.
  QVERIFY_THROWS_EXCEPTION(std::exception, ui::send_test_run_to_review(*f.workspace, *f.lead, f.run, options));
  // A doctor cannot create studies.
  options.study_name = "by a doctor";
  QVERIFY_THROWS_EXCEPTION(std::exception, ui::send_test_run_to_review(*f.workspace, *f.doctor, f.run, options));
  QCOMPARE(studies.list_studies(*f.lead).size(), size_t(1));
}

void ChatToolsTest::send_to_review_refuses_missing_answers_unless_allowed() {
  ReviewFixture f;
  ui::SendToReviewOptions options = ui::default_send_options(*store::TestSetRuns(*f.workspace).load(f.run));
  options.reference_as_system = false;
  try {
    ui::send_test_run_to_review(*f.workspace, *f.lead, f.run, options);
    QFAIL("a run without answers was sent");
  } catch (const std::runtime_error& e) {
    QVERIFY2(QString(e.what()).contains("no finished answer"), e.what());
  }
  f.answer(0, 0, "多休息。");
  f.answer(0, 1, "", "done");            // empty: not sendable
  f.answer(1, 0, "partial", "stopped");  // stopped: not sendable
  f.answer(1, 1, "A common cold is a mild viral infection.");
  f.answer(0, 2, "多喝水。");
  f.answer(1, 2, "failed", "error");  // failed: not sendable
  try {
    ui::send_test_run_to_review(*f.workspace, *f.lead, f.run, options);
    QFAIL("a run with missing answers was sent");
  } catch (const std::runtime_error& e) {
    QVERIFY2(QString(e.what()).contains("missing 3 of its 6"), e.what());
  }
  store::ReviewStudyRepository studies(*f.workspace);
  QVERIFY(studies.list_studies(*f.lead).empty());

  options.only_finished_answers = true;
  const auto result = ui::send_test_run_to_review(*f.workspace, *f.lead, f.run, options);
  QCOMPARE(result.missing_answers, 3);
  QCOMPARE(result.added.answers, 3);
  QCOMPARE(result.added.systems, 3);
  QCOMPARE(result.added.questions, 2);
  QVERIFY_THROWS_EXCEPTION(std::runtime_error, ui::send_test_run_to_review(*f.workspace, *f.lead, 999, options));
}

void ChatToolsTest::send_to_review_dialogs_sign_in_a_lead_and_create_the_study() {
  ReviewFixture f;
  for (size_t q = 0; q < 2; ++q)
    for (size_t c = 0; c < 3; ++c) f.answer(q, c, "answer " + std::to_string(q) + "/" + std::to_string(c));
  // Plays the user at each modal window: the login, the options, the closing message.
  QStringList seen;
  QTimer driver;
  QObject::connect(&driver, &QTimer::timeout, [&] {
    QWidget* modal = QApplication::activeModalWidget();
    if (auto* login = qobject_cast<ui::LoginDialog*>(modal)) {
      seen << "login";
      login->name_edit()->setText("lead");
      login->password_edit()->setText("lead-password");
      login->try_accept();
    } else if (auto* box = qobject_cast<QMessageBox*>(modal)) {
      seen << "message: " + box->text();
      box->done(QMessageBox::Ok);
    } else if (auto* dialog = qobject_cast<QDialog*>(modal)) {
      auto* name = dialog->findChild<QLineEdit*>("study_name");
      if (!name) return;
      seen << "options: " + name->text();
      name->setText("Interactive study");
      dialog->findChild<QSpinBox*>("reviewers_per_answer")->setValue(4);
      dialog->findChild<QCheckBox*>("reference_as_system")->setChecked(false);
      dialog->accept();
    }
  });
  driver.start(20);
  const QString file = QString::fromStdString(f.workspace->path());
  QVERIFY(ui::send_test_run_to_review(file, f.run, nullptr));
  driver.stop();
  QCOMPARE(seen.size(), 3);
  QCOMPARE(seen[0], QString("login"));
  QVERIFY2(seen[1].contains("smoke"), qPrintable(seen[1]));  // the default name comes from the run
  QVERIFY2(seen[2].contains("Interactive study") && seen[2].contains("Review panel"), qPrintable(seen[2]));
  const auto studies = store::ReviewStudyRepository(*f.workspace).list_studies(*f.lead);
  QCOMPARE(studies.size(), size_t(1));
  QCOMPARE(studies[0].name, std::string("Interactive study"));
  QCOMPARE(studies[0].reviewers_per_answer, 4);
  QCOMPARE(studies[0].answers, 6);  // no reference system this time
}

QTEST_MAIN(ChatToolsTest)
#include "chat_tools_test.moc"
