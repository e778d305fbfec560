// The study lead's view against a real workspace: a study made through the New study dialog from
// a JSON-lines file, three doctors assigned through the Assign dialog, scores submitted through
// ReviewerQueue, the study closed and revealed through the view; the analysis tables match
// analyse_scores on the scores the test itself submitted; the report dialog writes PDF, HTML,
// CSV and JSON. Also: accounts, a dataset as the source, a bad file that leaves no study behind,
// closing over drafts, and systems hidden until the reveal.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>

#include "core/review/study_analysis.h"
#include "core/store/dataset_repository.h"
#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"
#include "core/store/reviewer_queue.h"
#include "core/store/test_set_runs.h"
#include "core/store/workspace.h"
#include "report/report_text.h"
#include "ui/review/accounts_dialog.h"
#include "ui/review/assign_dialog.h"
#include "ui/review/lead_view.h"
#include "ui/review/new_study_dialog.h"
#include "ui/review/report_export_dialog.h"
#include "ui/review/study_analysis_view.h"

using namespace medlora;
using ui::LeadView;

namespace {

const std::vector<std::string> kSystems = {"base", "adapter:chronic"};  // + "reference" from the file
const std::vector<std::string> kDoctors = {"dr_chen", "dr_li", "dr_smith"};
constexpr int kQuestions = 5;

std::string question_text(int q) { return "Question " + std::to_string(q) + ": how much salt per day?"; }

// Answer texts name their system so the test (not the reviewer's screen) can tell them apart.
std::string answer_text(const std::string& system, int q) { return "[" + system + "] answer " + std::to_string(q); }

// A score that differs by system, reviewer, question and axis (so that CIs have a width and the
// agreement is neither perfect nor nil), always 1..5.
int score_for(const std::string& system, size_t doctor, int q, size_t axis) {
  const int base = system == "reference" ? 4 : system == "base" ? 2 : 3;
  return std::clamp(base + static_cast<int>((static_cast<size_t>(q) * (doctor + 1) + axis) % 3) - 1, 1, 5);
}

struct Fixture {
  QTemporaryDir dir;
  QString file;
  std::unique_ptr<store::Workspace> workspace;
  std::optional<store::ReviewerAccount> lead;
  std::vector<store::ReviewerAccount> doctors;
  std::vector<QString> confirmations;  // titles the view asked about
  std::vector<QString> warnings;
  bool confirm_reveal = true;

  Fixture() {
    file = dir.filePath("ws.medlora");
    workspace = std::make_unique<store::Workspace>(file.toStdString());
    store::ReviewerAccounts accounts(*workspace, 1000);
    lead = accounts.create_first_lead("lead", "lead-password");
    for (const auto& name : kDoctors) {
      accounts.create(*lead, name, "doctor", "doctor-password");
      doctors.push_back(*accounts.authenticate(name, "doctor-password"));
    }
  }

  void attach(LeadView& view) {
    view.set_prompts({[this](const QString& title, const QString&) {
                        confirmations.push_back(title);
                        return confirm_reveal || title != LeadView::tr("Reveal systems");
                      },
                      [this](const QString& title, const QString& message) { warnings.push_back(title + ": " + message); }});
  }

  QString write_answers_file() const {
    const QString path = dir.filePath("answers.jsonl");
    std::ofstream out(path.toStdString());
    for (int q = 1; q <= kQuestions; ++q)
      for (const auto& system : kSystems) {
        QJsonObject line{{"item", QString("q%1").arg(q)},
                         {"question", QString::fromStdString(question_text(q))},
                         {"system", QString::fromStdString(system)},
                         {"answer", QString::fromStdString(answer_text(system, q))},
                         {"reference", QString::fromStdString(answer_text("reference", q))},
                         {"kind", system == "base" ? "base" : "adapter"}};
        out << QJsonDocument(line).toJson(QJsonDocument::Compact).toStdString() << "\n";
      }
    return path;
  }
};

QString cell_text(QTableWidget* table, int row, int column) {
  auto* item = table->item(row, column);
  return item ? item->text() : QString();
}

bool column_contains(QTableWidget* table, int column, const QString& text) {
  for (int row = 0; row < table->rowCount(); ++row)
    if (cell_text(table, row, column).contains(text)) return true;
  return false;
}

int64_t create_study_through_dialog(LeadView& view, const QString& name, const QString& jsonl) {
  auto* dialog = view.open_new_study_dialog();
  if (!dialog) return 0;
  dialog->name_edit()->setText(name);
  dialog->set_source(ui::StudySource::AnswersFile);
  dialog->file_edit()->setText(jsonl);
  dialog->seed_edit()->setText("4242");
  QSignalSpy created(dialog, &ui::NewStudyDialog::study_created);
  if (!dialog->create_study() || !created.wait(10000)) return 0;
  return created.at(0).at(0).toLongLong();
}

}  // namespace

class ReviewLeadViewTest : public QObject {
  Q_OBJECT

 private slots:
  void full_study_from_file_to_report();
  void accounts_dialog_adds_a_doctor();
  void dataset_source_and_closing_over_drafts();
  void test_set_run_source();
  void bad_answers_file_leaves_no_study();
};

void ReviewLeadViewTest::full_study_from_file_to_report() {
  Fixture f;
  LeadView view(f.file, *f.lead);
  f.attach(view);

  // --- New study dialog, from the JSON-lines file ---
  {
    auto* dialog = view.open_new_study_dialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->reviewers_spin()->value(), 3);
    QVERIFY(dialog->reference_check()->isChecked());
    dialog->reject();
  }
  const int64_t id = create_study_through_dialog(view, "Pilot", f.write_answers_file());
  QVERIFY(id > 0);
  QCOMPARE(view.selected_study(), std::optional<int64_t>(id));
  QCOMPARE(view.studies_table()->rowCount(), 1);
  QCOMPARE(cell_text(view.studies_table(), 0, 2), QString("3"));   // base, adapter, reference
  QCOMPARE(cell_text(view.studies_table(), 0, 3), QString("5"));
  QCOMPARE(cell_text(view.studies_table(), 0, 4), QString("15"));
  // Blinded while open: codes, no names.
  QCOMPARE(view.details()->systems_table()->rowCount(), 3);
  for (const auto& name : {"base", "adapter:chronic", "reference"})
    QVERIFY(!column_contains(view.details()->systems_table(), 1, name));
  QVERIFY(!view.details()->reveal_button()->isEnabled());

  // --- Assign dialog: three doctors by default, everyone on every answer ---
  auto* assign = view.open_assign_dialog();
  QVERIFY(assign);
  QCOMPARE(assign->chosen_reviewers(), kDoctors);
  QVERIFY(!assign->overlap().has_value());
  QVERIFY(assign->assign());
  QCOMPARE(assign->assignments(), 45);
  QCOMPARE(cell_text(view.studies_table(), 0, 5), QString("3"));
  QCOMPARE(cell_text(view.studies_table(), 0, 6), QString("0 %"));
  QCOMPARE(view.details()->progress_table()->rowCount(), 3);

  // --- The doctors score through their queues; the test keeps its own copy of every score ---
  review::ScoreTable expected;
  std::map<std::string, std::string> item_of_question;
  for (int q = 1; q <= kQuestions; ++q) item_of_question[question_text(q)] = "q" + std::to_string(q);
  for (size_t d = 0; d < f.doctors.size(); ++d) {
    store::ReviewerQueue queue(*f.workspace, f.doctors[d], id);
    for (const auto& entry : queue.queue()) {
      const auto screen = queue.load(entry.assignment_id);
      QVERIFY(screen);
      const std::string system = screen->answer.substr(1, screen->answer.find(']') - 1);
      const std::string item = item_of_question.at(screen->question);
      const int q = std::stoi(item.substr(1));
      if (d == 2 && system == "reference" && q == 4) {  // one skip: an exclusion, not a score
        queue.skip(entry.assignment_id, "answer cut off");
        continue;
      }
      store::ScoreEntry scores;
      for (size_t axis = 0; axis < 4; ++axis) {
        scores.axis(axis) = score_for(system, d, q, axis);
        expected.ratings.push_back({item, system, kDoctors[d], store::kReviewAxes[axis], double(score_for(system, d, q, axis))});
      }
      scores.harmful = system == "base" && q == 2 && d < 2;
      scores.severity = scores.harmful ? 2 : 0;
      scores.comment = scores.harmful ? "advises stopping insulin" : "";
      expected.flags.push_back({item, system, kDoctors[d], scores.harmful, scores.severity});
      queue.submit(entry.assignment_id, scores);
    }
  }
  view.refresh();
  QCOMPARE(cell_text(view.studies_table(), 0, 6), QString("100 %"));
  QCOMPARE(view.analysis_view()->message_label()->text(), LeadView::tr("The analysis appears once the study is closed."));

  // --- Close through the view; it offers the reveal, which computes the analysis off-thread ---
  QSignalSpy ready(view.analysis_view(), &ui::StudyAnalysisView::evaluation_ready);
  QVERIFY(view.close_selected_study());
  QVERIFY(ready.count() == 1 || ready.wait(20000));
  QCOMPARE(f.confirmations, (std::vector<QString>{LeadView::tr("Close study"), LeadView::tr("Reveal systems")}));
  QVERIFY2(f.warnings.empty(), qPrintable(f.warnings.empty() ? QString() : f.warnings.front()));
  QCOMPARE(cell_text(view.studies_table(), 0, 1), LeadView::tr("closed"));
  for (const auto& name : {"base", "adapter:chronic", "reference"})
    QVERIFY(column_contains(view.details()->systems_table(), 1, name));
  QVERIFY(column_contains(view.details()->audit_table(), 2, "close"));
  QVERIFY(column_contains(view.details()->audit_table(), 2, "reveal"));

  // --- The analysis shown is analyse_scores on exactly the submitted scores ---
  const auto analysis = review::analyse_scores(expected, ui::lead_analysis_options());
  auto* summary = view.analysis_view()->summary_table();
  QCOMPARE(summary->rowCount(), static_cast<int>(analysis.summaries.size()));
  QCOMPARE(summary->rowCount(), 12);
  for (const auto& s : analysis.summaries) {
    bool found = false;
    for (int row = 0; row < summary->rowCount(); ++row) {
      if (cell_text(summary, row, 0) != QString::fromStdString(s.system) ||
          cell_text(summary, row, 1) != ui::StudyAnalysisView::axis_name(s.axis))
        continue;
      found = true;
      QCOMPARE(cell_text(summary, row, 2), report::format_number(s.mean, 2));
      QCOMPARE(cell_text(summary, row, 4), report::format_interval(s.ci_low, s.ci_high, 2));
      QCOMPARE(cell_text(summary, row, 5), QString::number(s.n_ratings));
    }
    QVERIFY2(found, s.system.c_str());
  }
  // An independent mean for one cell: base on accuracy over every doctor and question.
  double sum = 0;
  int n = 0;
  for (size_t d = 0; d < 3; ++d)
    for (int q = 1; q <= kQuestions; ++q, ++n) sum += score_for("base", d, q, 0);
  QCOMPARE(analysis.find_summary("base", "accuracy")->mean, sum / n);
  auto* agreement = view.analysis_view()->agreement_table();
  QCOMPARE(agreement->rowCount(), 4);
  QCOMPARE(cell_text(agreement, 0, 3), report::format_number(analysis.agreement[0].krippendorff_alpha_ordinal, 3));
  QCOMPARE(cell_text(agreement, 0, 5), report::format_number(analysis.agreement[0].icc2_1, 3));
  QVERIFY(view.analysis_view()->harmful_label()->text().contains(report::format_number(analysis.harmful.fleiss_kappa, 3)));
  QCOMPARE(view.analysis_view()->comparisons_table()->rowCount(), 12);  // 3 pairs x 4 axes
  auto* flagged = view.analysis_view()->flagged_tree();
  QCOMPARE(flagged->topLevelItemCount(), 1);
  QVERIFY(flagged->topLevelItem(0)->text(0).contains("base"));
  QCOMPARE(flagged->topLevelItem(0)->childCount(), 3);
  QCOMPARE(flagged->topLevelItem(0)->child(0)->text(6), QString("advises stopping insulin"));
  QVERIFY(!view.analysis_view()->means_chart()->pixmap().isNull());

  // --- Report dialog: PDF, HTML (Chinese), CSV, JSON ---
  auto* report = view.open_report_dialog();
  QVERIFY(report);
  QCOMPARE(f.confirmations.size(), size_t(2));  // the analysis was revealed already: no new question
  const auto export_as = [&](ui::ReportExportFormat format, const QString& name) -> QByteArray {
    report->set_format(format);
    report->path_edit()->setText(f.dir.filePath(name));
    QSignalSpy exported(report, &ui::ReportExportDialog::exported);
    QSignalSpy failed(report, &ui::ReportExportDialog::export_failed);
    if (!report->start_export()) return {};
    if (exported.isEmpty() && failed.isEmpty()) exported.wait(20000);
    if (!failed.isEmpty()) qWarning() << failed.at(0).at(0).toString();
    QFile file(f.dir.filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
  };
  const QByteArray pdf = export_as(ui::ReportExportFormat::Pdf, "pilot.pdf");
  QVERIFY(pdf.size() > 1000);
  QVERIFY(pdf.startsWith("%PDF"));
  QVERIFY(report->open_file_button()->isEnabled());
  report->language_combo()->setCurrentIndex(1);
  const QByteArray html = export_as(ui::ReportExportFormat::Html, "pilot.html");
  QVERIFY(html.contains("adapter:chronic"));
  QVERIFY(QString::fromUtf8(html).contains(report::axis_label(report::Language::Chinese, "accuracy")));
  const QByteArray csv = export_as(ui::ReportExportFormat::Csv, "pilot.csv");
  const QList<QByteArray> lines = csv.trimmed().split('\n');
  QCOMPARE(lines.first().trimmed(), QByteArray("item,system,reviewer,axis,score,harmful,severity,comment"));
  QCOMPARE(lines.size(), 1 + static_cast<int>(expected.ratings.size()));
  const QByteArray json = export_as(ui::ReportExportFormat::Json, "pilot.json");
  QJsonParseError error{};
  const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
  QCOMPARE(error.error, QJsonParseError::NoError);
  QCOMPARE(object.value("summaries").toArray().size(), 12);
  QCOMPARE(object.value("summaries").toArray().at(0).toObject().value("mean").toDouble(), analysis.summaries[0].mean);
  report->close();
}

void ReviewLeadViewTest::accounts_dialog_adds_a_doctor() {
  Fixture f;
  LeadView view(f.file, *f.lead);
  f.attach(view);
  auto* dialog = view.open_accounts_dialog();
  QVERIFY(dialog);
  QCOMPARE(dialog->accounts_table()->rowCount(), 4);
  dialog->name_edit()->setText("dr_wang");
  dialog->role_combo()->setCurrentIndex(dialog->role_combo()->findData("doctor"));
  dialog->password_edit()->setText("long-enough-1");
  dialog->repeat_edit()->setText("long-enough-2");
  QVERIFY(!dialog->add_account());
  QVERIFY(dialog->message_label()->text().contains(ui::AccountsDialog::tr("differ")));
  dialog->password_edit()->setText("short");
  dialog->repeat_edit()->setText("short");
  QVERIFY(!dialog->add_account());  // the core refuses a short password
  dialog->password_edit()->setText("long-enough-1");
  dialog->repeat_edit()->setText("long-enough-1");
  QVERIFY(dialog->add_account());
  QCOMPARE(dialog->accounts_table()->rowCount(), 5);
  QVERIFY(column_contains(dialog->accounts_table(), 0, "dr_wang"));
  const auto info = store::ReviewerAccounts(*f.workspace).find("dr_wang");
  QVERIFY(info && info->role == "doctor");
  dialog->close();
}

void ReviewLeadViewTest::dataset_source_and_closing_over_drafts() {
  Fixture f;
  store::DatasetRepository datasets(*f.workspace);
  const int64_t dataset = datasets.create_dataset("clinic", "test");
  std::vector<data::RecordText> records(4);
  for (int i = 0; i < 4; ++i) {
    records[i].instruction = "What should patient " + std::to_string(i) + " do?";
    records[i].output = i == 3 ? "" : "Rest and drink water (" + std::to_string(i) + ").";  // no answer: left out
  }
  datasets.insert_records(dataset, records);
  LeadView view(f.file, *f.lead);
  f.attach(view);
  auto* dialog = view.open_new_study_dialog();
  QVERIFY(dialog);
  dialog->name_edit()->setText("Reference only");
  dialog->set_source(ui::StudySource::Dataset);
  QVERIFY(!dialog->reference_check()->isEnabled());
  QCOMPARE(dialog->dataset_combo()->count(), 1);
  QSignalSpy created(dialog, &ui::NewStudyDialog::study_created);
  QVERIFY(dialog->create_study());
  QVERIFY(created.wait(10000));
  const int64_t id = created.at(0).at(0).toLongLong();
  QCOMPARE(cell_text(view.studies_table(), 0, 2), QString("1"));
  QCOMPARE(cell_text(view.studies_table(), 0, 4), QString("3"));

  auto* assign = view.open_assign_dialog();
  QVERIFY(assign);
  assign->overlap_radio()->setChecked(true);
  assign->overlap_spin()->setValue(2);
  QVERIFY(assign->assign());
  QCOMPARE(assign->assignments(), 6);  // 3 answers x 2 reviewers each

  store::ReviewerQueue queue(*f.workspace, f.doctors[0], id);
  QVERIFY(queue.next_unscored());
  store::ScoreEntry draft;
  draft.accuracy = 4;
  queue.save_draft(*queue.next_unscored(), draft);
  view.refresh();
  f.confirm_reveal = false;
  QVERIFY(view.close_selected_study());
  QCOMPARE(f.confirmations, (std::vector<QString>{LeadView::tr("Close study"), LeadView::tr("Unsubmitted drafts"),
                                                  LeadView::tr("Reveal systems")}));
  QVERIFY(!view.analysis_view()->busy());
  QVERIFY(view.details()->reveal_button()->isEnabled());  // declined: still hidden, can reveal later
  QVERIFY(!column_contains(view.details()->systems_table(), 1, "reference"));
  QVERIFY(!column_contains(view.details()->audit_table(), 2, "reveal"));
}

void ReviewLeadViewTest::test_set_run_source() {
  Fixture f;
  store::TestSetRuns runs(*f.workspace);
  const int64_t run = runs.create("chat run", "file: q.txt", {{"a", "Is salt bad?", "In excess, yes."}, {"b", "Sleep?", ""}},
                                  {{"base", "{}"}, {"lora-r8", R"({"adapter":"chronic"})"}});
  const auto loaded = runs.load(run);
  for (const auto& question : loaded->questions)
    for (const auto& configuration : loaded->configurations)
      if (question.item != "b" || configuration.label != "lora-r8")  // one answer missing: not imported
        runs.record_answer(run, question.id, configuration.id, {"answer from " + configuration.label});
  LeadView view(f.file, *f.lead);
  f.attach(view);
  auto* dialog = view.open_new_study_dialog();
  QVERIFY(dialog);
  QCOMPARE(dialog->source(), ui::StudySource::TestSetRun);  // a workspace with runs starts there
  QCOMPARE(dialog->run_combo()->count(), 1);
  dialog->name_edit()->setText("From the chat tester");
  QSignalSpy created(dialog, &ui::NewStudyDialog::study_created);
  QVERIFY(dialog->create_study());
  QVERIFY(created.wait(10000));
  QCOMPARE(cell_text(view.studies_table(), 0, 2), QString("3"));  // base, lora-r8, reference (item a)
  QCOMPARE(cell_text(view.studies_table(), 0, 3), QString("2"));
  QCOMPARE(cell_text(view.studies_table(), 0, 4), QString("4"));
  QVERIFY(view.studies_table()->item(0, 0)->toolTip().contains("chat run"));
}

void ReviewLeadViewTest::bad_answers_file_leaves_no_study() {
  Fixture f;
  const QString path = f.dir.filePath("bad.jsonl");
  {
    std::ofstream out(path.toStdString());
    out << R"({"item":"q1","question":"Q?","system":"base","answer":"A."})" << "\n" << "{not json\n";
  }
  LeadView view(f.file, *f.lead);
  f.attach(view);
  auto* dialog = view.open_new_study_dialog();
  QVERIFY(dialog);
  dialog->name_edit()->setText("Broken");
  dialog->set_source(ui::StudySource::AnswersFile);
  dialog->file_edit()->setText(path);
  dialog->seed_edit()->setText("not a number");
  QVERIFY(!dialog->create_study());  // the seed must be a number
  dialog->seed_edit()->clear();
  QSignalSpy failed(dialog, &ui::NewStudyDialog::creation_failed);
  QVERIFY(dialog->create_study());
  QVERIFY(failed.wait(10000));
  QVERIFY2(failed.at(0).at(0).toString().contains("bad.jsonl"), qPrintable(failed.at(0).at(0).toString()));
  QVERIFY(dialog->isVisible());
  QVERIFY(store::ReviewStudyRepository(*f.workspace).list_studies(*f.lead).empty());
  dialog->reject();
}

QTEST_MAIN(ReviewLeadViewTest)
#include "review_lead_view_test.moc"
