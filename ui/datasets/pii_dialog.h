#pragma once
// PII scrubbing with a preview: counts per kind (phone, Chinese ID, e-mail, date of birth,
// record number) and every masked field before and after. Apply stores the masked texts
// (earlier versions kept), logs each masking (the identifier only as a hash) and flags the
// records "pii".
#include <QCheckBox>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>

#include "core/data/pii_scrubber.h"
#include "ui/datasets/plan_dialog.h"

namespace medlora::ui {

class ChangePreviewModel;

class PiiDialog : public PlanDialog {
  Q_OBJECT

 public:
  PiiDialog(const QString& workspace_file, int64_t dataset_id, const QString& editor, QWidget* parent = nullptr);

  QCheckBox* phones_check() const { return phones_; }
  QCheckBox* ids_check() const { return ids_; }
  QCheckBox* emails_check() const { return emails_; }
  QCheckBox* birth_dates_check() const { return birth_dates_; }
  QPlainTextEdit* patterns_edit() const { return patterns_; }
  QTableWidget* counts_table() const { return counts_; }
  ChangePreviewModel* changes_model() const { return changes_model_; }
  // Count of the previewed plan for a kind name ("phone", "cn_id", ...); -1 when absent.
  int64_t planned_count(const QString& kind) const;

 protected:
  void capture_options() override;
  void plan(const DatasetSnapshot& snapshot, const BackgroundRunner::Control& control) override;
  QString show_plan() override;
  QString apply_plan(store::Workspace& workspace, const DatasetSnapshot& snapshot) override;
  void clear_plan() override;
  void retranslate() override;

 private:
  QString kind_label(const QString& kind) const;

  data::PiiRules rules_;
  data::ScrubResult result_;
  QCheckBox* phones_;
  QCheckBox* ids_;
  QCheckBox* emails_;
  QCheckBox* birth_dates_;
  QLabel* patterns_label_;
  QPlainTextEdit* patterns_;
  QTabWidget* tabs_;
  QTableWidget* counts_;
  ChangePreviewModel* changes_model_;
  QTableView* changes_view_;
};

}  // namespace medlora::ui
