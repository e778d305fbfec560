#include "ui/review/new_study_dialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "core/store/dataset_repository.h"
#include "core/store/test_set_runs.h"

namespace medlora::ui {

NewStudyDialog::NewStudyDialog(const QString& workspace_file, store::Workspace& workspace,
                               const store::ReviewerAccount& lead, QWidget* parent)
    : QDialog(parent),
      workspace_file_(workspace_file),
      lead_(lead),
      name_(new QLineEdit(this)),
      source_(new QComboBox(this)),
      pages_(new QStackedWidget(this)),
      reviewers_(new QSpinBox(this)),
      reference_(new QCheckBox(tr("Include the reference answers as a s&ystem"), this)),
      seed_(new QLineEdit(this)),
      busy_(new QProgressBar(this)),
      message_(new QLabel(this)),
      create_(new QPushButton(tr("&Create"), this)),
      cancel_(new QPushButton(tr("Cancel"), this)) {
  setObjectName("new_study_dialog");
  setWindowTitle(tr("New review study"));
  name_->setObjectName("study_name");
  name_->setPlaceholderText(tr("e.g. Chronic disease adapters, pilot"));
  source_->addItem(tr("A test-set run of this workspace"), int(StudySource::TestSetRun));
  source_->addItem(tr("A dataset (its reference answers are the system)"), int(StudySource::Dataset));
  source_->addItem(tr("A JSON-lines answers file"), int(StudySource::AnswersFile));
  source_->setToolTip(tr("Where the questions and the answers to score come from"));
  pages_->addWidget(build_run_page(workspace));
  pages_->addWidget(build_dataset_page(workspace));
  pages_->addWidget(build_file_page());
  reviewers_->setRange(1, 20);
  reviewers_->setValue(3);
  reviewers_->setToolTip(tr("How many reviewers score each answer (three is the usual design)"));
  reference_->setChecked(true);
  reference_->setToolTip(tr("Questions with a reference answer also get that answer scored, blinded like any "
                            "other system"));
  seed_->setObjectName("study_seed");
  seed_->setPlaceholderText(tr("random"));
  seed_->setToolTip(tr("Seed of the blinding codes and of each reviewer's order; leave empty for a random one "
                       "(it is stored either way)"));
  busy_->setRange(0, 0);
  busy_->setVisible(false);
  message_->setObjectName("new_study_message");
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  create_->setDefault(true);

  auto* form = new QFormLayout;
  form->addRow(tr("&Name"), name_);
  form->addRow(tr("&Source"), source_);
  form->addRow(pages_);
  form->addRow(tr("Reviewers per &answer"), reviewers_);
  form->addRow(QString(), reference_);
  form->addRow(tr("S&eed"), seed_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(busy_, 1);
  buttons->addStretch();
  buttons->addWidget(create_);
  buttons->addWidget(cancel_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(message_);
  layout->addLayout(buttons);
  resize(560, sizeHint().height());

  connect(source_, &QComboBox::currentIndexChanged, this, [this] {
    pages_->setCurrentIndex(source_->currentIndex());
    update_controls();
  });
  connect(name_, &QLineEdit::textChanged, this, &NewStudyDialog::update_controls);
  connect(create_, &QPushButton::clicked, this, &NewStudyDialog::create_study);
  connect(cancel_, &QPushButton::clicked, this, &NewStudyDialog::reject);
  connect(&runner_, &BackgroundRunner::finished, this, [this](const QString& error) { on_finished(error); });
  // A file is the source that always exists; a workspace without runs starts there.
  set_source(runs_->count() > 0 ? StudySource::TestSetRun : StudySource::AnswersFile);
  update_controls();
}

QWidget* NewStudyDialog::build_run_page(store::Workspace& workspace) {
  auto* page = new QWidget(this);
  runs_ = new QComboBox(page);
  runs_->setObjectName("study_run");
  for (const auto& run : store::TestSetRuns(workspace).list())
    runs_->addItem(tr("%1 (%2 questions × %3 configurations, %4 answers)")
                       .arg(QString::fromStdString(run.name))
                       .arg(run.question_count)
                       .arg(run.configuration_count)
                       .arg(run.done_count),
                   qint64(run.id));
  auto* form = new QFormLayout(page);
  form->setContentsMargins(0, 0, 0, 0);
  form->addRow(tr("Test-set &run"), runs_);
  if (runs_->count() == 0) form->addRow(new QLabel(tr("This workspace has no test-set runs yet."), page));
  return page;
}

QWidget* NewStudyDialog::build_dataset_page(store::Workspace& workspace) {
  auto* page = new QWidget(this);
  datasets_ = new QComboBox(page);
  datasets_->setObjectName("study_dataset");
  for (const auto& dataset : store::DatasetRepository(workspace).list_datasets())
    datasets_->addItem(tr("%1 (%2 records, %3 approved)")
                           .arg(QString::fromStdString(dataset.name))
                           .arg(dataset.total)
                           .arg(dataset.approved),
                       qint64(dataset.id));
  approved_only_ = new QCheckBox(tr("Appr&oved records only"), page);
  max_questions_ = new QSpinBox(page);
  max_questions_->setRange(0, 1000000);
  max_questions_->setValue(100);
  max_questions_->setSpecialValueText(tr("all"));
  max_questions_->setToolTip(tr("The first N records of the dataset (by id) become the questions; 0 takes all"));
  auto* form = new QFormLayout(page);
  form->setContentsMargins(0, 0, 0, 0);
  form->addRow(tr("&Dataset"), datasets_);
  form->addRow(QString(), approved_only_);
  form->addRow(tr("At most &questions"), max_questions_);
  return page;
}

QWidget* NewStudyDialog::build_file_page() {
  auto* page = new QWidget(this);
  file_ = new QLineEdit(page);
  file_->setObjectName("study_answers_file");
  file_->setToolTip(tr("One JSON object a line: {\"item\", \"question\", \"system\", \"answer\", \"reference\"?, "
                       "\"kind\"?, \"metadata\"?}"));
  connect(file_, &QLineEdit::textChanged, this, &NewStudyDialog::update_controls);
  file_field_ = new PathField(PathField::Kind::OpenFile, file_, page);
  file_field_->set_dialog_title(tr("Answers file"));
  file_field_->set_filter(tr("JSON Lines (*.jsonl *.json);;All files (*)"));
  auto* form = new QFormLayout(page);
  form->setContentsMargins(0, 0, 0, 0);
  auto* label = new QLabel(tr("Answers &file"), page);  // a row of two widgets gets no buddy by itself
  label->setBuddy(file_);
  form->addRow(label, file_field_);
  return page;
}

void NewStudyDialog::set_source(StudySource source) {
  source_->setCurrentIndex(source_->findData(int(source)));
}

StudySource NewStudyDialog::source() const { return static_cast<StudySource>(source_->currentData().toInt()); }


std::optional<NewStudyRequest> NewStudyDialog::request() {
  NewStudyRequest request;
  request.name = name_->text().trimmed().toStdString();
  request.source = source();
  request.reviewers_per_answer = reviewers_->value();
  request.reference_as_system = reference_->isChecked();
  const auto fail = [this](const QString& why) -> std::optional<NewStudyRequest> {
    message_->setText(why);
    return std::nullopt;
  };
  if (request.name.empty()) return fail(tr("Give the study a name."));
  switch (request.source) {
    case StudySource::TestSetRun:
      if (runs_->currentIndex() < 0) return fail(tr("Choose a test-set run (this workspace has none yet)."));
      request.run_id = runs_->currentData().toLongLong();
      break;
    case StudySource::Dataset:
      if (datasets_->currentIndex() < 0) return fail(tr("Choose a dataset (this workspace has none yet)."));
      request.dataset_id = datasets_->currentData().toLongLong();
      request.approved_only = approved_only_->isChecked();
      request.max_questions = max_questions_->value();
      break;
    case StudySource::AnswersFile:
      if (file_->text().trimmed().isEmpty()) return fail(tr("Choose a JSON-lines answers file."));
      request.answers_file = file_->text().trimmed().toStdString();
      break;
  }
  if (!seed_->text().trimmed().isEmpty()) {
    bool ok = false;
    const qulonglong seed = seed_->text().trimmed().toULongLong(&ok);
    if (!ok) return fail(tr("The seed must be a whole number from 0 to 18446744073709551615, or empty."));
    request.seed = seed;
  }
  return request;
}

bool NewStudyDialog::create_study() {
  if (runner_.busy()) return false;
  const auto request = this->request();
  if (!request) return false;
  result_.reset();
  message_->setText(tr("Creating the study…"));
  const std::string file = workspace_file_.toStdString();
  const store::ReviewerAccount lead = lead_;
  runner_.start([this, file, lead, request = *request](const BackgroundRunner::Control&) {
    result_ = create_study_from_source(file, lead, request);  // read only after finished()
  });
  update_controls();
  return true;
}

void NewStudyDialog::on_finished(const QString& error) {
  update_controls();
  if (!error.isEmpty() || !result_) {
    message_->setText(tr("The study was not created: %1").arg(error));
    emit creation_failed(error);
    return;
  }
  created_ = result_->study_id;
  message_->setText(tr("Created with %1 questions, %2 systems and %3 answers.")
                        .arg(result_->added.questions)
                        .arg(result_->added.systems)
                        .arg(result_->added.answers));
  emit study_created(*created_);
  accept();
}

void NewStudyDialog::reject() {
  if (!runner_.busy()) QDialog::reject();
}

void NewStudyDialog::update_controls() {
  const bool idle = !runner_.busy();
  busy_->setVisible(!idle);
  create_->setEnabled(idle && !name_->text().trimmed().isEmpty());
  cancel_->setEnabled(idle);
  // A dataset's reference answers are its only system, so the choice does not apply there.
  reference_->setEnabled(idle && source() != StudySource::Dataset);
  for (QWidget* widget : std::initializer_list<QWidget*>{name_, source_, pages_, reviewers_, seed_})
    widget->setEnabled(idle);
}

}  // namespace medlora::ui
