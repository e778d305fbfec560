#include "ui/review/assign_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>

namespace medlora::ui {

AssignDialog::AssignDialog(store::Workspace& workspace, const store::ReviewerAccount& lead, int64_t study_id,
                           QWidget* parent)
    : QDialog(parent),
      workspace_(workspace),
      lead_(lead),
      study_id_(study_id),
      summary_(new QLabel(this)),
      reviewers_(new QListWidget(this)),
      everyone_(new QRadioButton(tr("&Every reviewer scores every answer"), this)),
      per_answer_(new QRadioButton(tr("&Reviewers per question:"), this)),
      overlap_(new QSpinBox(this)),
      message_(new QLabel(this)),
      assign_(new QPushButton(tr("&Assign"), this)) {
  setObjectName("assign_dialog");
  const store::StudyProgress progress = store::ReviewStudyRepository(workspace_).progress(lead_, study_id_);
  answers_ = progress.study.answers;
  setWindowTitle(tr("Assign reviewers to \"%1\"").arg(QString::fromStdString(progress.study.name)));
  summary_->setText(tr("%1 questions, %2 answers. Reviewers are doctors; each sees the answers in their own "
                       "random order, with the systems hidden.")
                        .arg(progress.study.questions)
                        .arg(progress.study.answers));
  summary_->setWordWrap(true);
  reviewers_->setObjectName("assign_reviewers");
  reviewers_->setToolTip(tr("Tick the doctors who score this study (Space ticks the current one)"));

  std::vector<std::string> assigned;
  for (const auto& reviewer : progress.reviewers) assigned.push_back(reviewer.reviewer);
  int checked = 0;
  for (const auto& account : store::ReviewerAccounts(workspace_).list()) {
    if (account.role != "doctor") continue;
    auto* item = new QListWidgetItem(QString::fromStdString(account.name), reviewers_);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    const bool was_assigned = std::find(assigned.begin(), assigned.end(), account.name) != assigned.end();
    const bool check = assigned.empty() ? checked < 3 : was_assigned;
    item->setCheckState(check ? Qt::Checked : Qt::Unchecked);
    checked += check ? 1 : 0;
  }
  everyone_->setChecked(true);
  overlap_->setRange(1, 50);
  overlap_->setValue(progress.study.reviewers_per_answer);
  overlap_->setToolTip(tr("Each question goes to this many of the chosen reviewers (all answers of a question "
                          "to the same ones, so that systems are compared by the same raters)"));
  message_->setObjectName("assign_message");
  message_->setWordWrap(true);
  assign_->setDefault(true);

  auto* overlap_row = new QHBoxLayout;
  overlap_row->addWidget(per_answer_);
  overlap_row->addWidget(overlap_);
  overlap_row->addStretch();
  auto* buttons = new QDialogButtonBox(this);
  buttons->addButton(assign_, QDialogButtonBox::AcceptRole);
  buttons->addButton(QDialogButtonBox::Cancel);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(summary_);
  layout->addWidget(new QLabel(tr("Doctors:"), this));
  layout->addWidget(reviewers_, 1);
  layout->addWidget(everyone_);
  layout->addLayout(overlap_row);
  layout->addWidget(message_);
  layout->addWidget(buttons);
  resize(460, 420);

  connect(reviewers_, &QListWidget::itemChanged, this, &AssignDialog::update_controls);
  connect(everyone_, &QRadioButton::toggled, this, &AssignDialog::update_controls);
  connect(overlap_, &QSpinBox::valueChanged, this, &AssignDialog::update_controls);
  connect(buttons, &QDialogButtonBox::accepted, this, &AssignDialog::assign);
  connect(buttons, &QDialogButtonBox::rejected, this, &AssignDialog::reject);
  if (reviewers_->count() == 0)
    message_->setText(tr("This workspace has no doctor accounts yet: add them with Accounts… first."));
  update_controls();
}

std::vector<std::string> AssignDialog::chosen_reviewers() const {
  std::vector<std::string> names;
  for (int row = 0; row < reviewers_->count(); ++row)
    if (reviewers_->item(row)->checkState() == Qt::Checked) names.push_back(reviewers_->item(row)->text().toStdString());
  return names;
}

std::optional<int> AssignDialog::overlap() const {
  if (everyone_->isChecked()) return std::nullopt;
  return overlap_->value();
}

bool AssignDialog::assign() {
  const auto names = chosen_reviewers();
  if (names.empty()) {
    message_->setText(tr("Tick at least one doctor."));
    return false;
  }
  try {
    assignments_ = store::ReviewStudyRepository(workspace_).assign(lead_, study_id_, names, overlap());
  } catch (const std::exception& e) {
    message_->setText(tr("Not assigned: %1").arg(QString::fromUtf8(e.what())));
    return false;
  }
  emit assigned(assignments_);
  accept();
  return true;
}

void AssignDialog::update_controls() {
  overlap_->setEnabled(per_answer_->isChecked());
  const int chosen = static_cast<int>(chosen_reviewers().size());
  assign_->setEnabled(chosen > 0);
  if (chosen == 0) return;
  const int per_answer = overlap() ? std::min(*overlap(), chosen) : chosen;
  message_->setText(tr("%1 reviewers, %2 per answer: %3 scorings in all.")
                        .arg(chosen)
                        .arg(per_answer)
                        .arg(per_answer * answers_));
}

}  // namespace medlora::ui
