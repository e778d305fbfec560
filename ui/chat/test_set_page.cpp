#include "ui/chat/test_set_page.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QVBoxLayout>

#include "core/store/dataset_repository.h"
#include "core/store/workspace.h"
#include "ui/chat/send_to_review.h"

namespace medlora::ui {

TestSetPage::TestSetPage(QWidget* parent)
    : QWidget(parent),
      questions_label_(new QLabel(this)),
      from_dataset_(new QRadioButton(this)),
      dataset_(new QComboBox(this)),
      approved_only_(new QCheckBox(this)),
      limit_label_(new QLabel(this)),
      limit_(new QSpinBox(this)),
      from_file_(new QRadioButton(this)),
      file_(new QLineEdit(this)),
      file_field_(new PathField(PathField::Kind::OpenFile, file_, this)),
      configurations_label_(new QLabel(this)),
      use_compared_(new QRadioButton(this)),
      use_chat_(new QRadioButton(this)),
      name_label_(new QLabel(this)),
      name_(new QLineEdit(this)),
      run_(new QPushButton(QIcon(":/icons/generate.png"), QString(), this)),
      stop_(new QPushButton(QIcon(":/icons/stop.png"), QString(), this)),
      resume_(new QPushButton(this)),
      progress_(new QProgressBar(this)),
      runs_label_(new QLabel(this)),
      runs_(new QComboBox(this)),
      delete_(new QPushButton(this)),
      export_(new QPushButton(this)),
      review_(new QPushButton(this)),
      results_(new QTableWidget(this)) {
  setObjectName("test_set_page");
  // Two independent choices among sibling radio buttons: each pair needs its own group.
  auto* sources = new QButtonGroup(this);
  sources->addButton(from_file_);
  sources->addButton(from_dataset_);
  auto* configurations = new QButtonGroup(this);
  configurations->addButton(use_compared_);
  configurations->addButton(use_chat_);
  from_file_->setChecked(true);
  limit_->setRange(0, 1000000);
  limit_->setSpecialValueText(tr("all"));
  limit_label_->setBuddy(limit_);
  name_label_->setBuddy(name_);
  runs_label_->setBuddy(runs_);
  use_compared_->setChecked(true);
  progress_->setRange(0, 1);
  progress_->setValue(0);
  results_->setObjectName("test_results");
  results_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  results_->setWordWrap(true);
  results_->horizontalHeader()->setStretchLastSection(true);

  auto* grid = new QGridLayout;
  grid->addWidget(questions_label_, 0, 0);
  grid->addWidget(from_file_, 0, 1);
  grid->addWidget(file_field_, 0, 2, 1, 4);
  grid->addWidget(from_dataset_, 1, 1);
  grid->addWidget(dataset_, 1, 2);
  grid->addWidget(approved_only_, 1, 3);
  grid->addWidget(limit_label_, 1, 4);
  grid->addWidget(limit_, 1, 5);
  grid->addWidget(configurations_label_, 2, 0);
  grid->addWidget(use_compared_, 2, 1, 1, 2);
  grid->addWidget(use_chat_, 2, 3, 1, 3);
  grid->addWidget(name_label_, 3, 0);
  grid->addWidget(name_, 3, 1, 1, 5);
  grid->setColumnStretch(2, 1);
  auto* run_row = new QHBoxLayout;
  run_row->addWidget(run_);
  run_row->addWidget(stop_);
  run_row->addWidget(resume_);
  run_row->addWidget(progress_, 1);
  auto* runs_row = new QHBoxLayout;
  runs_row->addWidget(runs_label_);
  runs_row->addWidget(runs_, 1);
  runs_row->addWidget(delete_);
  runs_row->addWidget(export_);
  runs_row->addWidget(review_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(grid);
  layout->addLayout(run_row);
  layout->addLayout(runs_row);
  layout->addWidget(results_, 1);

  connect(run_, &QPushButton::clicked, this, &TestSetPage::start_new);
  connect(stop_, &QPushButton::clicked, this, &TestSetPage::stop_requested);
  connect(resume_, &QPushButton::clicked, this, &TestSetPage::resume_current);
  connect(runs_, &QComboBox::currentIndexChanged, this, [this] {
    if (!busy_) show_run(current_run_id());
    update_buttons();
  });
  connect(delete_, &QPushButton::clicked, this, &TestSetPage::delete_current);
  connect(export_, &QPushButton::clicked, this, &TestSetPage::export_with_dialog);
  connect(review_, &QPushButton::clicked, this, &TestSetPage::send_to_review);
  for (QRadioButton* radio : {from_dataset_, from_file_}) connect(radio, &QRadioButton::toggled, this, &TestSetPage::update_buttons);
  connect(file_, &QLineEdit::textChanged, this, &TestSetPage::update_buttons);
  retranslate();
  update_buttons();
}

void TestSetPage::set_workspace(store::Workspace* workspace, const QString& workspace_file) {
  workspace_ = workspace;
  workspace_file_ = workspace_file;
  dataset_->clear();
  try {
    if (workspace_)
      for (const auto& d : store::DatasetRepository(*workspace_).list_datasets())
        dataset_->addItem(tr("%1 (%n record(s))", nullptr, static_cast<int>(d.total)).arg(QString::fromStdString(d.name)),
                          static_cast<qlonglong>(d.id));
  } catch (const std::exception& e) {
    emit status_message(tr("The datasets cannot be read: %1").arg(e.what()));
  }
  refresh_runs();
}

void TestSetPage::refresh_runs() {
  const qint64 keep = current_run_id();
  {
    const QSignalBlocker blocker(runs_);
    runs_->clear();
    try {
      if (workspace_)
        for (const auto& run : store::TestSetRuns(*workspace_).list())
          runs_->addItem(tr("%1 — %2 of %3 answers — %4")
                             .arg(QString::fromStdString(run.name))
                             .arg(run.done_count)
                             .arg(run.question_count * run.configuration_count)
                             .arg(QString::fromStdString(run.source)),
                         static_cast<qlonglong>(run.id));
    } catch (const std::exception& e) {
      emit status_message(tr("The test-set runs cannot be read: %1").arg(e.what()));
    }
  }
  if (!select_run(keep) && runs_->count() > 0) runs_->setCurrentIndex(0);
  show_run(current_run_id());
  update_buttons();
}

bool TestSetPage::select_run(qint64 run_id) {
  const int index = runs_->findData(static_cast<qlonglong>(run_id));
  if (index < 0) return false;
  const QSignalBlocker blocker(runs_);
  runs_->setCurrentIndex(index);
  return true;
}

qint64 TestSetPage::current_run_id() const { return runs_->currentData().toLongLong(); }

void TestSetPage::show_run(qint64 run_id) {
  shown_.reset();
  results_->clear();
  results_->setRowCount(0);
  results_->setColumnCount(0);
  if (!workspace_ || run_id <= 0) return;
  try {
    shown_ = store::TestSetRuns(*workspace_).load(run_id);
  } catch (const std::exception& e) {
    emit status_message(tr("The run cannot be read: %1").arg(e.what()));
  }
  if (!shown_) return;
  QStringList headers{tr("Question")};
  for (const auto& c : shown_->configurations) headers << QString::fromStdString(c.label);
  results_->setColumnCount(headers.size());
  results_->setHorizontalHeaderLabels(headers);
  results_->setRowCount(static_cast<int>(shown_->questions.size()));
  for (int row = 0; row < static_cast<int>(shown_->questions.size()); ++row) {
    const auto& q = shown_->questions[row];
    auto* item = new QTableWidgetItem(QString::fromStdString(q.question));
    item->setToolTip(QString::fromStdString(q.question));
    results_->setItem(row, 0, item);
    results_->setVerticalHeaderItem(row, new QTableWidgetItem(QString::fromStdString(q.item)));
    for (int col = 0; col < static_cast<int>(shown_->configurations.size()); ++col) {
      const auto* a = shown_->answer(q.id, shown_->configurations[col].id);
      if (!a) continue;
      set_cell(row, col, QString::fromStdString(a->answer), QString::fromStdString(a->status),
               a->safety_flags_json != "[]", QString::fromStdString(a->error));
    }
  }
}

void TestSetPage::set_cell(int row, int column, const QString& text, const QString& status, bool flagged,
                           const QString& error) {
  auto* item = new QTableWidgetItem(status == "error" ? tr("Error: %1").arg(error) : text);
  QString tip = text;
  if (status == "stopped") tip = tr("(stopped) %1").arg(text);
  if (flagged) tip = tr("⚠ flagged by the safety rules\n%1").arg(tip);
  item->setToolTip(status == "error" ? error : tip);
  if (status == "error") item->setBackground(QColor("#fde7e9"));
  else if (flagged) item->setBackground(QColor("#fff4ce"));
  else if (status == "stopped") item->setForeground(QColor("#767676"));
  item->setData(Qt::UserRole, status);
  results_->setItem(row, column + 1, item);
}

void TestSetPage::set_busy(bool busy) {
  busy_ = busy;
  update_buttons();
}

void TestSetPage::run_started(qint64 run_id, qint64 total) {
  running_run_ = run_id;
  refresh_runs();
  select_run(run_id);
  show_run(run_id);
  progress_->setRange(0, static_cast<int>(std::max<qint64>(total, 1)));
}

void TestSetPage::run_progress(qint64 done, qint64 total) {
  progress_->setRange(0, static_cast<int>(std::max<qint64>(total, 1)));
  progress_->setValue(static_cast<int>(done));
}

void TestSetPage::answer_arrived(const ChatAnswer& answer) {
  if (!shown_ || shown_->summary.id != running_run_ || answer.question < 0) return;
  set_cell(answer.question, answer.configuration, answer.text, answer.status, !answer.metadata.safety.flags.empty(),
           answer.error);
}

void TestSetPage::run_finished(bool cancelled, const QString& error) {
  const qint64 run = running_run_;
  running_run_ = 0;
  refresh_runs();
  if (run > 0) {
    select_run(run);
    show_run(run);
  }
  if (!error.isEmpty()) emit status_message(tr("The test set could not run: %1").arg(error));
  else emit status_message(cancelled ? tr("Test set stopped; Resume answers the rest") : tr("Test set finished"));
  update_buttons();
}

void TestSetPage::start_new() {
  TestSetJob job;
  if (from_file_->isChecked()) {
    job.questions_file = file_->text().trimmed();
    if (job.questions_file.isEmpty()) return;
  } else {
    job.dataset_id = dataset_->currentData().toLongLong();
    job.approved_only = approved_only_->isChecked();
    job.dataset_limit = limit_->value();
  }
  job.name = name_->text().trimmed();
  if (job.name.isEmpty()) job.name = tr("Test set %1").arg(QDateTime::currentDateTime().toString("yyyy-MM-dd HH:mm"));
  progress_->setValue(0);
  emit run_requested(job, use_compared_->isChecked());
}

void TestSetPage::resume_current() {
  if (current_run_id() <= 0) return;
  TestSetJob job;
  job.resume_run_id = current_run_id();
  progress_->setValue(0);
  emit run_requested(job, false);
}


bool TestSetPage::export_jsonl(const QString& path, QString* error) {
  try {
    if (!shown_) throw std::runtime_error(tr("Choose a run first.").toStdString());
    const size_t lines = store::write_answers_jsonl(*shown_, path.toStdString());
    emit status_message(tr("Wrote %n answer(s) to %1", nullptr, static_cast<int>(lines)).arg(path));
    return true;
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
}

void TestSetPage::export_with_dialog() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export answers"), QString(), tr("JSON lines (*.jsonl)"));
  if (path.isEmpty()) return;
  QString error;
  if (!export_jsonl(path, &error)) QMessageBox::warning(this, tr("Export answers"), error);
}

void TestSetPage::send_to_review() {
  if (current_run_id() <= 0 || workspace_file_.isEmpty()) return;
  if (send_test_run_to_review(workspace_file_, current_run_id(), this))
    emit status_message(tr("The test set was sent to a review study"));
}

void TestSetPage::delete_current() {
  if (!workspace_ || current_run_id() <= 0) return;
  if (QMessageBox::question(this, tr("Delete run"), tr("Delete the run \"%1\" and all its answers?").arg(runs_->currentText())) !=
      QMessageBox::Yes)
    return;
  try {
    store::TestSetRuns(*workspace_).remove(current_run_id());
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Delete run"), QString::fromStdString(e.what()));
  }
  refresh_runs();
}

void TestSetPage::update_buttons() {
  const bool have_questions = from_file_->isChecked() ? !file_->text().trimmed().isEmpty() : dataset_->count() > 0;
  const bool have_run = current_run_id() > 0;
  run_->setEnabled(!busy_ && workspace_ && have_questions);
  stop_->setEnabled(busy_);
  resume_->setEnabled(!busy_ && have_run && shown_ &&
                      shown_->summary.done_count < shown_->summary.question_count * shown_->summary.configuration_count);
  for (QWidget* w : std::initializer_list<QWidget*>{delete_, export_, review_}) w->setEnabled(!busy_ && have_run);
  runs_->setEnabled(!busy_);
}

void TestSetPage::retranslate() {
  questions_label_->setText(tr("Questions:"));
  from_file_->setText(tr("From a &file:"));
  file_->setPlaceholderText(tr("JSON lines with \"question\" (and \"reference\"), or plain text: one question a line"));
  file_field_->set_dialog_title(tr("Choose a file of questions"));
  file_field_->set_filter(tr("Questions (*.jsonl *.json *.txt);;All files (*)"));
  from_dataset_->setText(tr("From a &dataset:"));
  approved_only_->setText(tr("A&pproved records only"));
  limit_label_->setText(tr("F&irst:"));
  configurations_label_->setText(tr("Configurations:"));
  use_compared_->setText(tr("The c&ompared configurations (side-by-side rows)"));
  use_chat_->setText(tr("The &chat configuration"));
  name_label_->setText(tr("&Name:"));
  name_->setPlaceholderText(tr("Test set <date>"));
  run_->setText(tr("&Run"));
  run_->setToolTip(tr("Answer every question with every configuration; answers are saved as they arrive"));
  stop_->setText(tr("&Stop"));
  stop_->setToolTip(tr("Stop after the current token; Resume goes on later"));
  resume_->setText(tr("Res&ume"));
  resume_->setToolTip(tr("Answer what the chosen run is still missing, with the settings it started with"));
  runs_label_->setText(tr("R&uns:"));
  delete_->setText(tr("De&lete"));
  export_->setText(tr("E&xport JSONL..."));
  review_->setText(tr("Send to re&view..."));
  review_->setToolTip(tr("Turn this run's answers into a blind review study"));
}

void TestSetPage::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace medlora::ui
