#pragma once
// Department tagging by keyword rules: the workspace's categories in an editable table (name,
// keywords, required, minimum share), a preview of the category each record would get, and
// Apply, which saves the rules and writes the categories (earlier versions kept).
#include <QCheckBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTabWidget>

#include "core/data/category_tagger.h"
#include "core/store/category_repository.h"
#include "ui/datasets/plan_dialog.h"

namespace medlora::ui {

class TaggingDialog : public PlanDialog {
  Q_OBJECT

 public:
  enum RuleColumn { NameColumn, KeywordsColumn, RequiredColumn, MinShareColumn, RuleColumnCount };
  // Assignments listed in the preview; the rest are counted and applied all the same.
  static constexpr int kMaxRowsShown = 5000;

  // `workspace` (the GUI thread's) supplies the current categories.
  TaggingDialog(store::Workspace& workspace, int64_t dataset_id, const QString& editor, QWidget* parent = nullptr);

  // The rules as the table shows them (keywords split at commas, semicolons and line breaks).
  std::vector<data::CategoryRule> rules_from_table() const;
  void add_rule_row(const data::CategoryRule& rule);
  // Writes the table's rules to the workspace (the GUI thread's connection); false and a
  // message on a bad rule.
  bool save_rules();

  QTableWidget* rules_table() const { return rules_table_; }
  QCheckBox* overwrite_check() const { return overwrite_; }
  QTableWidget* assignments_table() const { return assignments_; }
  QTableWidget* counts_table() const { return counts_; }

 protected:
  void capture_options() override;
  void plan(const DatasetSnapshot& snapshot, const BackgroundRunner::Control& control) override;
  QString show_plan() override;
  QString apply_plan(store::Workspace& workspace, const DatasetSnapshot& snapshot) override;
  void clear_plan() override;
  void retranslate() override;

 private:
  void load_rules();

  store::Workspace& workspace_;
  std::vector<data::CategoryRule> rules_;
  bool overwrite_value_ = false;
  data::TagPlan result_;
  QTableWidget* rules_table_;
  QPushButton* add_rule_;
  QPushButton* remove_rule_;
  QPushButton* defaults_;
  QPushButton* save_;
  QCheckBox* overwrite_;
  QTabWidget* tabs_;
  QTableWidget* assignments_;
  QTableWidget* counts_;
};

}  // namespace medlora::ui
