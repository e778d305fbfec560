#pragma once
// Exact and near-duplicate removal with a preview: every group shows the record kept and the
// ones that would go, with their similarity; Apply deletes those (approved records are kept in
// preference when asked).
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QTreeWidget>

#include "core/data/near_duplicates.h"
#include "ui/datasets/plan_dialog.h"

namespace medlora::ui {

class DedupDialog : public PlanDialog {
  Q_OBJECT

 public:
  // Groups listed in the preview tree; the rest are counted and removed all the same.
  static constexpr int kMaxGroupsShown = 2000;

  DedupDialog(const QString& workspace_file, int64_t dataset_id, const QString& editor, QWidget* parent = nullptr);

  QCheckBox* near_check() const { return near_; }
  QDoubleSpinBox* threshold_spin() const { return threshold_; }
  QDoubleSpinBox* prompt_threshold_spin() const { return prompt_threshold_; }
  QCheckBox* prefer_approved_check() const { return prefer_approved_; }
  QTreeWidget* groups_tree() const { return groups_; }
  // Record ids the previewed plan would delete.
  std::vector<int64_t> planned_deletions() const;

 protected:
  void capture_options() override;
  void plan(const DatasetSnapshot& snapshot, const BackgroundRunner::Control& control) override;
  QString show_plan() override;
  QString apply_plan(store::Workspace& workspace, const DatasetSnapshot& snapshot) override;
  void clear_plan() override;
  void retranslate() override;

 private:
  void add_groups(const std::vector<data::DuplicateGroup>& groups, const QString& kind, int& shown);

  data::NearDupOptions options_;
  bool find_near_ = true;
  bool prefer_approved_value_ = true;
  data::DedupResult result_;
  QCheckBox* near_;
  QDoubleSpinBox* threshold_;
  QDoubleSpinBox* prompt_threshold_;
  QCheckBox* prefer_approved_;
  QLabel* threshold_label_;
  QLabel* prompt_threshold_label_;
  QTreeWidget* groups_;
};

}  // namespace medlora::ui
