#include "ui/datasets/tagging_dialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QRegularExpression>
#include <QVBoxLayout>

#include "core/store/dataset_curation.h"
#include "core/store/dataset_repository.h"
#include "core/store/transaction.h"
#include "ui/datasets/dataset_table_model.h"

namespace medlora::ui {

TaggingDialog::TaggingDialog(store::Workspace& workspace, int64_t dataset_id, const QString& editor, QWidget* parent)
    : PlanDialog(QString::fromStdString(workspace.path()), dataset_id, editor, parent),
      workspace_(workspace),
      rules_table_(new QTableWidget(0, RuleColumnCount, this)),
      add_rule_(new QPushButton(this)),
      remove_rule_(new QPushButton(this)),
      defaults_(new QPushButton(this)),
      save_(new QPushButton(this)),
      overwrite_(new QCheckBox(this)),
      tabs_(new QTabWidget(this)),
      assignments_(new QTableWidget(0, 4, this)),
      counts_(new QTableWidget(0, 2, this)) {
  setObjectName("tagging_dialog");
  rules_table_->setObjectName("rules");
  rules_table_->verticalHeader()->hide();
  rules_table_->horizontalHeader()->setSectionResizeMode(KeywordsColumn, QHeaderView::Stretch);
  rules_table_->setMinimumHeight(160);
  set_up_preview_table(assignments_, "assignments", StretchColumns::Last);
  set_up_preview_table(counts_, "category_counts", StretchColumns::All);

  auto* options = new QWidget(this);
  auto* layout = new QVBoxLayout(options);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(rules_table_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(add_rule_);
  buttons->addWidget(remove_rule_);
  buttons->addWidget(defaults_);
  buttons->addWidget(save_);
  buttons->addStretch(1);
  buttons->addWidget(overwrite_);
  layout->addLayout(buttons);
  tabs_->addTab(assignments_, QString());
  tabs_->addTab(counts_, QString());
  set_content(options, tabs_);

  load_rules();
  connect(rules_table_, &QTableWidget::itemChanged, this, &TaggingDialog::invalidate_plan);
  connect(overwrite_, &QCheckBox::toggled, this, &TaggingDialog::invalidate_plan);
  connect(add_rule_, &QPushButton::clicked, this, [this] {
    add_rule_row({});
    rules_table_->editItem(rules_table_->item(rules_table_->rowCount() - 1, NameColumn));
  });
  connect(remove_rule_, &QPushButton::clicked, this, [this] {
    const int row = rules_table_->currentRow();
    if (row >= 0) rules_table_->removeRow(row);
    invalidate_plan();
  });
  connect(defaults_, &QPushButton::clicked, this, [this] {
    rules_table_->setRowCount(0);
    for (const auto& rule : data::default_category_rules()) add_rule_row(rule);
    invalidate_plan();
  });
  connect(save_, &QPushButton::clicked, this, &TaggingDialog::save_rules);
  retranslate();
}

void TaggingDialog::load_rules() {
  const QSignalBlocker block(rules_table_);
  rules_table_->setRowCount(0);
  store::CategoryRepository repository(workspace_);
  for (const auto& rule : repository.rules()) add_rule_row(rule);
}

void TaggingDialog::add_rule_row(const data::CategoryRule& rule) {
  const QSignalBlocker block(rules_table_);
  const int row = rules_table_->rowCount();
  rules_table_->insertRow(row);
  rules_table_->setItem(row, NameColumn, new QTableWidgetItem(QString::fromStdString(rule.name)));
  QStringList keywords;
  for (const auto& keyword : rule.keywords) keywords << QString::fromStdString(keyword);
  rules_table_->setItem(row, KeywordsColumn, new QTableWidgetItem(keywords.join(", ")));
  auto* required = new QTableWidgetItem;
  required->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
  required->setCheckState(rule.required ? Qt::Checked : Qt::Unchecked);
  rules_table_->setItem(row, RequiredColumn, required);
  auto* share = new QTableWidgetItem;
  share->setData(Qt::EditRole, rule.min_share * 100.0);
  rules_table_->setItem(row, MinShareColumn, share);
}

std::vector<data::CategoryRule> TaggingDialog::rules_from_table() const {
  static const QRegularExpression separators(QStringLiteral("[,，;；、\\n]"));
  std::vector<data::CategoryRule> rules;
  for (int row = 0; row < rules_table_->rowCount(); ++row) {
    const auto text = [&](int column) {
      const QTableWidgetItem* item = rules_table_->item(row, column);
      return item ? item->text().trimmed() : QString();
    };
    data::CategoryRule rule;
    rule.name = text(NameColumn).toStdString();
    for (const QString& keyword : text(KeywordsColumn).split(separators, Qt::SkipEmptyParts))
      if (!keyword.trimmed().isEmpty()) rule.keywords.push_back(keyword.trimmed().toStdString());
    const QTableWidgetItem* required = rules_table_->item(row, RequiredColumn);
    rule.required = required && required->checkState() == Qt::Checked;
    const QTableWidgetItem* share = rules_table_->item(row, MinShareColumn);
    rule.min_share = share ? share->data(Qt::EditRole).toDouble() / 100.0 : 0.0;
    if (rule.name.empty() && rule.keywords.empty()) continue;  // a row added and left blank
    rules.push_back(std::move(rule));
  }
  return rules;
}

bool TaggingDialog::save_rules() {
  try {
    const auto rules = rules_from_table();
    store::Transaction transaction(workspace_);
    store::CategoryRepository repository(workspace_);
    repository.save_rules(rules);
    transaction.commit();
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Save categories"), QString::fromStdString(e.what()));
    return false;
  }
  summary_label()->setText(tr("Categories saved."));
  return true;
}

void TaggingDialog::capture_options() {
  rules_ = rules_from_table();
  overwrite_value_ = overwrite_->isChecked();
}

void TaggingDialog::plan(const DatasetSnapshot& snapshot, const BackgroundRunner::Control&) {
  result_ = data::plan_tagging(snapshot.texts, rules_, overwrite_value_);
}

QString TaggingDialog::show_plan() {
  const DatasetSnapshot& records = snapshot();
  const int shown = std::min(static_cast<int>(result_.assignments.size()), kMaxRowsShown);
  assignments_->setRowCount(shown);
  for (int row = 0; row < shown; ++row) {
    const auto& [index, category] = result_.assignments[static_cast<size_t>(row)];
    const auto& text = records.texts[index];
    assignments_->setItem(row, 0, new QTableWidgetItem(QString::number(records.ids[index])));
    assignments_->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(text.category)));
    assignments_->setItem(row, 2, new QTableWidgetItem(QString::fromStdString(category)));
    assignments_->setItem(row, 3, new QTableWidgetItem(text_excerpt(
                                      QString::fromStdString(text.instruction + " " + text.input + " | " + text.output), 160)));
  }
  counts_->setRowCount(0);
  for (const auto& [category, count] : result_.counts) {
    const int row = counts_->rowCount();
    counts_->insertRow(row);
    counts_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(category)));
    counts_->setItem(row, 1, new QTableWidgetItem(QString::number(count)));
  }
  if (result_.assignments.empty()) return {};
  QString summary = tr("%1 records would get a category; %2 would stay untagged.")
                        .arg(result_.assignments.size())
                        .arg(result_.untagged);
  if (shown < static_cast<int>(result_.assignments.size())) summary += tr(" The first %1 are listed.").arg(shown);
  return summary;
}

QString TaggingDialog::apply_plan(store::Workspace& workspace, const DatasetSnapshot& records) {
  store::CategoryRepository(workspace).save_rules(rules_);
  const int64_t changed = store::apply_tagging(workspace, dataset_id(), records.ids, records.texts, result_,
                                               overwrite_value_, editor().toStdString());
  return tr("Tagged %1 records; the categories are saved in the workspace.").arg(changed);
}

void TaggingDialog::clear_plan() {
  assignments_->setRowCount(0);
  counts_->setRowCount(0);
}

void TaggingDialog::retranslate() {
  setWindowTitle(tr("Tag categories by keywords"));
  rules_table_->setHorizontalHeaderLabels({tr("Category"), tr("Keywords (comma-separated; word* = prefix)"),
                                           tr("Required"), tr("Minimum share %")});
  add_rule_->setText(tr("Add category"));
  remove_rule_->setText(tr("Remove category"));
  defaults_->setText(tr("Default departments"));
  defaults_->setToolTip(tr("Replace the table with 内科, 外科, 儿科, 妇产科, 急诊, 慢病 and their keywords"));
  save_->setText(tr("Save categories"));
  save_->setToolTip(tr("Store the table in the workspace without tagging"));
  overwrite_->setText(tr("Re-tag records that already have a category"));
  assignments_->setHorizontalHeaderLabels({tr("Record"), tr("Now"), tr("Would become"), tr("Text")});
  counts_->setHorizontalHeaderLabels({tr("Category"), tr("Records assigned")});
  tabs_->setTabText(0, tr("Assignments"));
  tabs_->setTabText(1, tr("Counts"));
}

}  // namespace medlora::ui
