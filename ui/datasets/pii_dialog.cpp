#include "ui/datasets/pii_dialog.h"

#include <QGridLayout>

#include "core/store/dataset_curation.h"
#include "core/store/dataset_repository.h"
#include "ui/datasets/change_preview_model.h"

namespace medlora::ui {

PiiDialog::PiiDialog(const QString& workspace_file, int64_t dataset_id, const QString& editor, QWidget* parent)
    : PlanDialog(workspace_file, dataset_id, editor, parent),
      phones_(new QCheckBox(this)),
      ids_(new QCheckBox(this)),
      emails_(new QCheckBox(this)),
      birth_dates_(new QCheckBox(this)),
      patterns_label_(new QLabel(this)),
      patterns_(new QPlainTextEdit(this)),
      tabs_(new QTabWidget(this)),
      counts_(new QTableWidget(0, 2, this)),
      changes_model_(new ChangePreviewModel(this)),
      changes_view_(new QTableView(this)) {
  setObjectName("pii_dialog");
  const data::PiiRules defaults;
  phones_->setChecked(defaults.phones);
  ids_->setChecked(defaults.ids);
  emails_->setChecked(defaults.emails);
  birth_dates_->setChecked(defaults.birth_dates);
  QStringList patterns;
  for (const auto& pattern : defaults.record_number_patterns) patterns << QString::fromStdString(pattern);
  patterns_->setPlainText(patterns.join('\n'));
  patterns_->setMaximumHeight(70);
  patterns_->setObjectName("record_number_patterns");
  patterns_label_->setBuddy(patterns_);

  auto* options = new QWidget(this);
  auto* grid = new QGridLayout(options);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->addWidget(phones_, 0, 0);
  grid->addWidget(ids_, 0, 1);
  grid->addWidget(emails_, 1, 0);
  grid->addWidget(birth_dates_, 1, 1);
  grid->addWidget(patterns_label_, 2, 0, 1, 2);
  grid->addWidget(patterns_, 3, 0, 1, 2);
  for (QCheckBox* box : {phones_, ids_, emails_, birth_dates_})
    connect(box, &QCheckBox::toggled, this, &PiiDialog::invalidate_plan);
  connect(patterns_, &QPlainTextEdit::textChanged, this, &PiiDialog::invalidate_plan);

  set_up_preview_table(counts_, "kind_counts", StretchColumns::All);
  set_up_changes_view(changes_view_, changes_model_);
  tabs_->addTab(counts_, QString());
  tabs_->addTab(changes_view_, QString());
  set_content(options, tabs_);
  retranslate();
}

void PiiDialog::capture_options() {
  rules_ = data::PiiRules{};
  rules_.phones = phones_->isChecked();
  rules_.ids = ids_->isChecked();
  rules_.emails = emails_->isChecked();
  rules_.birth_dates = birth_dates_->isChecked();
  rules_.record_number_patterns.clear();
  for (const QString& line : patterns_->toPlainText().split('\n', Qt::SkipEmptyParts))
    if (!line.trimmed().isEmpty()) rules_.record_number_patterns.push_back(line.trimmed().toStdString());
}

void PiiDialog::plan(const DatasetSnapshot& snapshot, const BackgroundRunner::Control&) {
  result_ = data::plan_scrub(snapshot.texts, rules_);
}

QString PiiDialog::kind_label(const QString& kind) const {
  if (kind == "phone") return tr("Phone numbers");
  if (kind == "cn_id") return tr("Chinese resident ID numbers (valid checksum)");
  if (kind == "email") return tr("E-mail addresses");
  if (kind == "birth_date") return tr("Dates of birth");
  if (kind == "record_number") return tr("Hospital record numbers");
  return kind;
}

int64_t PiiDialog::planned_count(const QString& kind) const {
  const auto found = result_.counts_per_kind.find(kind.toStdString());
  return has_plan() && found != result_.counts_per_kind.end() ? found->second : -1;
}

QString PiiDialog::show_plan() {
  counts_->setRowCount(0);
  for (const auto& [kind, count] : result_.counts_per_kind) {
    const int row = counts_->rowCount();
    counts_->insertRow(row);
    counts_->setItem(row, 0, new QTableWidgetItem(kind_label(QString::fromStdString(kind))));
    auto* number = new QTableWidgetItem(QString::number(count));
    number->setData(Qt::UserRole, QString::fromStdString(kind));
    counts_->setItem(row, 1, number);
  }
  changes_model_->set_changes(result_.changed, snapshot().ids);
  if (result_.matches.empty()) return {};
  return tr("%1 identifiers in %2 records would be masked. Check every change under \"Before / after\", then Apply.")
      .arg(result_.matches.size())
      .arg(result_.changed.size());
}

QString PiiDialog::apply_plan(store::Workspace& workspace, const DatasetSnapshot& records) {
  const int64_t edited =
      store::apply_scrub(workspace, dataset_id(), records.ids, records.texts, result_, rules_, editor().toStdString());
  return tr("Masked %1 identifiers in %2 records; each masking is logged and the records are flagged \"pii\".")
      .arg(result_.matches.size())
      .arg(edited);
}

void PiiDialog::clear_plan() {
  counts_->setRowCount(0);
  changes_model_->clear();
}

void PiiDialog::retranslate() {
  setWindowTitle(tr("Mask personal identifiers"));
  phones_->setText(tr("Phone numbers (Chinese and international)"));
  ids_->setText(tr("Chinese resident ID numbers (checksum verified)"));
  emails_->setText(tr("E-mail addresses"));
  birth_dates_->setText(tr("Dates of birth (after a cue such as 出生日期 or DOB)"));
  patterns_label_->setText(tr("Hospital &record-number patterns (PCRE, one a line; group 1 is masked when present)"));
  counts_->setHorizontalHeaderLabels({tr("Kind"), tr("Found")});
  tabs_->setTabText(0, tr("Counts per kind"));
  tabs_->setTabText(1, tr("Before / after"));
}

}  // namespace medlora::ui
