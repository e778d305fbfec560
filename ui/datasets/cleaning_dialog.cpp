#include "ui/datasets/cleaning_dialog.h"

#include <QGridLayout>

#include "core/store/dataset_curation.h"
#include "core/store/dataset_repository.h"
#include "ui/datasets/change_preview_model.h"
#include "ui/datasets/dataset_table_model.h"

namespace medlora::ui {

CleaningDialog::CleaningDialog(const QString& workspace_file, int64_t dataset_id, const QString& editor, QWidget* parent)
    : PlanDialog(workspace_file, dataset_id, editor, parent),
      whitespace_(new QCheckBox(this)),
      punctuation_(new QCheckBox(this)),
      html_(new QCheckBox(this)),
      control_(new QCheckBox(this)),
      drop_empty_(new QCheckBox(this)),
      min_chars_(new QSpinBox(this)),
      max_chars_(new QSpinBox(this)),
      min_label_(new QLabel(this)),
      max_label_(new QLabel(this)),
      tabs_(new QTabWidget(this)),
      counts_(new QTableWidget(0, 2, this)),
      changes_model_(new ChangePreviewModel(this)),
      changes_view_(new QTableView(this)),
      dropped_(new QTableWidget(0, 3, this)) {
  setObjectName("cleaning_dialog");
  const data::CleaningRules defaults;
  whitespace_->setChecked(defaults.normalise_whitespace);
  punctuation_->setChecked(defaults.normalise_punctuation);
  html_->setChecked(defaults.strip_html);
  control_->setChecked(defaults.strip_control);
  drop_empty_->setChecked(defaults.drop_empty);
  min_chars_->setRange(0, 1000000);
  max_chars_->setRange(0, 10000000);
  min_chars_->setValue(static_cast<int>(defaults.min_chars));
  max_chars_->setValue(static_cast<int>(defaults.max_chars));
  min_label_->setBuddy(min_chars_);
  max_label_->setBuddy(max_chars_);

  auto* options = new QWidget(this);
  auto* grid = new QGridLayout(options);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->addWidget(control_, 0, 0);
  grid->addWidget(html_, 0, 1);
  grid->addWidget(punctuation_, 1, 0);
  grid->addWidget(whitespace_, 1, 1);
  grid->addWidget(drop_empty_, 2, 0);
  grid->addWidget(min_label_, 3, 0);
  grid->addWidget(min_chars_, 3, 1);
  grid->addWidget(max_label_, 4, 0);
  grid->addWidget(max_chars_, 4, 1);
  grid->setColumnStretch(2, 1);
  for (QCheckBox* box : {whitespace_, punctuation_, html_, control_, drop_empty_})
    connect(box, &QCheckBox::toggled, this, &CleaningDialog::invalidate_plan);
  connect(min_chars_, &QSpinBox::valueChanged, this, &CleaningDialog::invalidate_plan);
  connect(max_chars_, &QSpinBox::valueChanged, this, &CleaningDialog::invalidate_plan);

  set_up_preview_table(counts_, "rule_counts", StretchColumns::All);
  set_up_changes_view(changes_view_, changes_model_);
  set_up_preview_table(dropped_, "dropped", StretchColumns::Last);
  tabs_->addTab(counts_, QString());
  tabs_->addTab(changes_view_, QString());
  tabs_->addTab(dropped_, QString());
  set_content(options, tabs_);
  retranslate();
}

void CleaningDialog::capture_options() {
  rules_.normalise_whitespace = whitespace_->isChecked();
  rules_.normalise_punctuation = punctuation_->isChecked();
  rules_.strip_html = html_->isChecked();
  rules_.strip_control = control_->isChecked();
  rules_.drop_empty = drop_empty_->isChecked();
  rules_.min_chars = min_chars_->value();
  rules_.max_chars = max_chars_->value();
}

void CleaningDialog::plan(const DatasetSnapshot& snapshot, const BackgroundRunner::Control&) {
  result_ = data::plan_cleaning(snapshot.texts, rules_);
}

QString CleaningDialog::rule_description(const QString& rule) const {
  if (rule == "control") return tr("control and zero-width characters removed");
  if (rule == "html") return tr("HTML tags removed, entities decoded");
  if (rule == "punctuation") return tr("full/half-width punctuation normalised");
  if (rule == "whitespace") return tr("whitespace normalised and trimmed");
  if (rule == "empty") return tr("dropped: empty output or prompt");
  if (rule == "too_short") return tr("dropped: output shorter than the minimum");
  if (rule == "too_long") return tr("dropped: longer than the maximum");
  return rule;
}

QString CleaningDialog::show_plan() {
  counts_->setRowCount(0);
  for (const auto& [rule, count] : result_.counts) {
    const int row = counts_->rowCount();
    counts_->insertRow(row);
    counts_->setItem(row, 0, new QTableWidgetItem(rule_description(QString::fromStdString(rule))));
    auto* number = new QTableWidgetItem(QString::number(count));
    number->setData(Qt::UserRole, QString::fromStdString(rule));
    counts_->setItem(row, 1, number);
  }
  const DatasetSnapshot& records = snapshot();
  changes_model_->set_changes(result_.changed, records.ids);
  dropped_->setRowCount(static_cast<int>(result_.dropped.size()));
  int row = 0;
  for (const auto& [index, reason] : result_.dropped) {
    dropped_->setItem(row, 0, new QTableWidgetItem(QString::number(records.ids[index])));
    dropped_->setItem(row, 1, new QTableWidgetItem(rule_description(QString::fromStdString(reason))));
    const auto& text = records.texts[index];
    dropped_->setItem(row, 2, new QTableWidgetItem(text_excerpt(
                                  QString::fromStdString(text.instruction + " " + text.input + " | " + text.output), 160)));
    ++row;
  }
  if (result_.changed.empty() && result_.dropped.empty()) return {};
  return tr("%1 of %2 records would be edited and %3 dropped. Check the tabs below, then Apply.")
      .arg(result_.changed.size())
      .arg(records.size())
      .arg(result_.dropped.size());
}

QString CleaningDialog::apply_plan(store::Workspace& workspace, const DatasetSnapshot& records) {
  const auto applied =
      store::apply_cleaning(workspace, dataset_id(), records.ids, result_, rules_, editor().toStdString());
  return tr("Cleaned: %1 records edited (earlier versions kept), %2 dropped.").arg(applied.changed).arg(applied.deleted);
}

void CleaningDialog::clear_plan() {
  counts_->setRowCount(0);
  changes_model_->clear();
  dropped_->setRowCount(0);
}

void CleaningDialog::retranslate() {
  setWindowTitle(tr("Clean dataset"));
  control_->setText(tr("Remove control and zero-width characters"));
  html_->setText(tr("Strip HTML tags and decode entities"));
  punctuation_->setText(tr("Normalise full/half-width punctuation"));
  punctuation_->setToolTip(tr("Fullwidth ASCII forms become ASCII; Chinese sentence punctuation stays between Chinese characters"));
  whitespace_->setText(tr("Normalise whitespace and trim"));
  drop_empty_->setText(tr("Drop records with an empty output or prompt"));
  min_label_->setText(tr("Drop outputs shorter than (characters, 0 = off)"));
  max_label_->setText(tr("Drop texts longer than (characters, 0 = off)"));
  counts_->setHorizontalHeaderLabels({tr("Rule"), tr("Records")});
  dropped_->setHorizontalHeaderLabels({tr("Record"), tr("Why"), tr("Text")});
  tabs_->setTabText(0, tr("Counts per rule"));
  tabs_->setTabText(1, tr("Before / after"));
  tabs_->setTabText(2, tr("Dropped"));
}

}  // namespace medlora::ui
