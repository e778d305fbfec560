#include "ui/datasets/dedup_dialog.h"

#include <QGridLayout>
#include <QHeaderView>

#include "core/store/dataset_curation.h"
#include "core/store/dataset_repository.h"
#include "ui/datasets/dataset_table_model.h"

namespace medlora::ui {

namespace {
QString record_excerpt(const data::RecordText& text) {
  return text_excerpt(QString::fromStdString(text.instruction + " " + text.input + " | " + text.output), 160);
}
}  // namespace

DedupDialog::DedupDialog(const QString& workspace_file, int64_t dataset_id, const QString& editor, QWidget* parent)
    : PlanDialog(workspace_file, dataset_id, editor, parent),
      near_(new QCheckBox(this)),
      threshold_(new QDoubleSpinBox(this)),
      prompt_threshold_(new QDoubleSpinBox(this)),
      prefer_approved_(new QCheckBox(this)),
      threshold_label_(new QLabel(this)),
      prompt_threshold_label_(new QLabel(this)),
      groups_(new QTreeWidget(this)) {
  setObjectName("dedup_dialog");
  const data::NearDupOptions defaults;
  near_->setChecked(true);
  threshold_->setObjectName("threshold");
  threshold_->setRange(0.05, 1.0);
  threshold_->setSingleStep(0.05);
  threshold_->setDecimals(2);
  threshold_->setValue(defaults.threshold);
  prompt_threshold_->setRange(0.0, 1.0);
  prompt_threshold_->setSingleStep(0.05);
  prompt_threshold_->setDecimals(2);
  prompt_threshold_->setValue(defaults.prompt_threshold);
  prefer_approved_->setChecked(true);
  threshold_label_->setBuddy(threshold_);
  prompt_threshold_label_->setBuddy(prompt_threshold_);
  groups_->setObjectName("groups");
  groups_->setColumnCount(4);
  groups_->header()->setStretchLastSection(true);

  auto* options = new QWidget(this);
  auto* grid = new QGridLayout(options);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->addWidget(near_, 0, 0, 1, 2);
  grid->addWidget(threshold_label_, 1, 0);
  grid->addWidget(threshold_, 1, 1);
  grid->addWidget(prompt_threshold_label_, 2, 0);
  grid->addWidget(prompt_threshold_, 2, 1);
  grid->addWidget(prefer_approved_, 3, 0, 1, 2);
  grid->setColumnStretch(2, 1);
  connect(near_, &QCheckBox::toggled, this, [this](bool on) {
    threshold_->setEnabled(on);
    prompt_threshold_->setEnabled(on);
    invalidate_plan();
  });
  connect(threshold_, &QDoubleSpinBox::valueChanged, this, &DedupDialog::invalidate_plan);
  connect(prompt_threshold_, &QDoubleSpinBox::valueChanged, this, &DedupDialog::invalidate_plan);
  connect(prefer_approved_, &QCheckBox::toggled, this, &DedupDialog::invalidate_plan);
  set_content(options, groups_);
  retranslate();
}

void DedupDialog::capture_options() {
  options_ = data::NearDupOptions{};
  options_.threshold = threshold_->value();
  options_.prompt_threshold = prompt_threshold_->value();
  find_near_ = near_->isChecked();
  prefer_approved_value_ = prefer_approved_->isChecked();
}

void DedupDialog::plan(const DatasetSnapshot& snapshot, const BackgroundRunner::Control& control) {
  std::vector<bool> prefer_keep;
  if (prefer_approved_value_) {
    prefer_keep.reserve(snapshot.size());
    for (const auto status : snapshot.statuses) prefer_keep.push_back(status == data::ReviewStatus::Approved);
  }
  result_ = data::find_duplicates(
      snapshot.texts, options_, find_near_,
      [&control](int64_t done, int64_t total) {
        control.progress(done, total);
        return !control.stop_requested();
      },
      prefer_keep);
}

void DedupDialog::add_groups(const std::vector<data::DuplicateGroup>& groups, const QString& kind, int& shown) {
  const DatasetSnapshot& records = snapshot();
  for (const auto& group : groups) {
    if (shown >= kMaxGroupsShown) return;
    ++shown;
    auto* top = new QTreeWidgetItem(groups_);
    top->setText(0, QString::number(records.ids[group.keep]));
    top->setText(1, tr("keep (%1)").arg(kind));
    top->setText(3, record_excerpt(records.texts[group.keep]));
    for (size_t i = 0; i < group.duplicates.size(); ++i) {
      const size_t index = group.duplicates[i];
      auto* child = new QTreeWidgetItem(top);
      child->setText(0, QString::number(records.ids[index]));
      child->setText(1, tr("remove"));
      child->setText(2, QString::number(i < group.similarity.size() ? group.similarity[i] : 1.0, 'f', 2));
      child->setText(3, record_excerpt(records.texts[index]));
    }
  }
}

QString DedupDialog::show_plan() {
  groups_->clear();
  int shown = 0;
  add_groups(result_.exact, tr("exact"), shown);
  add_groups(result_.near, tr("near"), shown);
  const size_t groups = result_.exact.size() + result_.near.size();
  if (groups == 0) return {};
  QString summary = tr("%1 exact and %2 near duplicates would be removed from %3 records, in %4 groups.")
                        .arg(result_.exact_removed)
                        .arg(result_.near_removed)
                        .arg(snapshot().size())
                        .arg(groups);
  if (static_cast<size_t>(shown) < groups) summary += tr(" The first %1 groups are listed.").arg(shown);
  return summary;
}

std::vector<int64_t> DedupDialog::planned_deletions() const {
  if (!has_plan()) return {};
  std::vector<int64_t> ids;
  for (const size_t index : data::duplicate_indices(result_)) ids.push_back(snapshot().ids[index]);
  return ids;
}

QString DedupDialog::apply_plan(store::Workspace& workspace, const DatasetSnapshot& records) {
  const auto applied = store::apply_dedup(workspace, dataset_id(), records.ids, result_, options_, find_near_,
                                          prefer_approved_value_, store::DuplicateAction::Delete);
  return tr("Removed %1 duplicate records (%2 exact, %3 near).")
      .arg(applied.deleted)
      .arg(result_.exact_removed)
      .arg(result_.near_removed);
}

void DedupDialog::clear_plan() { groups_->clear(); }

void DedupDialog::retranslate() {
  setWindowTitle(tr("Remove duplicates"));
  near_->setText(tr("Also find near-duplicates (MinHash over character shingles)"));
  threshold_label_->setText(tr("Near-duplicate &threshold (estimated Jaccard similarity)"));
  threshold_->setToolTip(tr("Lower finds more (and riskier) near-duplicates; 0.55 finds ~99 % of typo/spacing copies"));
  prompt_threshold_label_->setText(tr("Prompts must also match at (0 = off)"));
  prompt_threshold_->setToolTip(tr("Keeps records apart that share a template answer but ask about different things"));
  prefer_approved_->setText(tr("Keep the doctor-approved record of a group when there is one"));
  groups_->setHeaderLabels({tr("Record"), tr("Action"), tr("Similarity"), tr("Text")});
}

}  // namespace medlora::ui
