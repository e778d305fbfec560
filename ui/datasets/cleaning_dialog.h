#pragma once
// Cleaning with a preview: the rules of core/data/text_cleaning.h, what each one would change
// or drop, every edited field before and after; Apply writes the edits (old versions kept)
// and removes the dropped records.
#include <QCheckBox>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>

#include "core/data/text_cleaning.h"
#include "ui/datasets/plan_dialog.h"

namespace medlora::ui {

class ChangePreviewModel;

class CleaningDialog : public PlanDialog {
  Q_OBJECT

 public:
  CleaningDialog(const QString& workspace_file, int64_t dataset_id, const QString& editor, QWidget* parent = nullptr);

  QCheckBox* whitespace_check() const { return whitespace_; }
  QCheckBox* punctuation_check() const { return punctuation_; }
  QCheckBox* html_check() const { return html_; }
  QCheckBox* control_check() const { return control_; }
  QCheckBox* drop_empty_check() const { return drop_empty_; }
  QSpinBox* min_chars_spin() const { return min_chars_; }
  QSpinBox* max_chars_spin() const { return max_chars_; }
  QTableWidget* counts_table() const { return counts_; }
  ChangePreviewModel* changes_model() const { return changes_model_; }
  QTableWidget* dropped_table() const { return dropped_; }

 protected:
  void capture_options() override;
  void plan(const DatasetSnapshot& snapshot, const BackgroundRunner::Control& control) override;
  QString show_plan() override;
  QString apply_plan(store::Workspace& workspace, const DatasetSnapshot& snapshot) override;
  void clear_plan() override;
  void retranslate() override;

 private:
  QString rule_description(const QString& rule) const;

  data::CleaningRules rules_;
  data::CleaningResult result_;
  QCheckBox* whitespace_;
  QCheckBox* punctuation_;
  QCheckBox* html_;
  QCheckBox* control_;
  QCheckBox* drop_empty_;
  QSpinBox* min_chars_;
  QSpinBox* max_chars_;
  QLabel* min_label_;
  QLabel* max_label_;
  QTabWidget* tabs_;
  QTableWidget* counts_;
  ChangePreviewModel* changes_model_;
  QTableView* changes_view_;
  QTableWidget* dropped_;
};

}  // namespace medlora::ui
