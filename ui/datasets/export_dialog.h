#pragma once
// Export a dataset for training: format (trainer JSONL/JSON or the seed's formatted JSON),
// approved records only or all, optionally split into train / validation / test (stratified
// by category, seeded). Runs on a worker thread with a progress bar and Cancel; each file
// gets a manifest beside it.
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>

#include <optional>

#include "core/store/record_types.h"
#include "ui/datasets/transfer_dialog.h"
#include "ui/shell/path_field.h"

namespace medlora::ui {

class ExportDialog : public TransferDialog {
  Q_OBJECT

 public:
  ExportDialog(const QString& workspace_file, const store::DatasetSummary& dataset, QWidget* parent = nullptr);

  void start_export();
  const std::optional<ExportSummary>& summary() const { return summary_; }
  const QString& error() const { return error_; }

  QLineEdit* file_edit() const { return file_; }
  PathField* file_field() const { return file_field_; }
  QComboBox* format_combo() const { return format_; }
  QCheckBox* all_records_check() const { return all_records_; }
  QCheckBox* split_check() const { return split_; }
  QDoubleSpinBox* validation_spin() const { return validation_; }
  QDoubleSpinBox* test_spin() const { return test_; }
  QSpinBox* seed_spin() const { return seed_; }
  QPushButton* export_button() const { return export_; }
  QLabel* result_label() const { return result_; }

 protected:
  void retranslate() override;
  void update_controls() override;

 private:

  QString workspace_file_;
  store::DatasetSummary dataset_;
  std::optional<ExportSummary> summary_;
  QString error_;
  QLabel* counts_;
  QLabel* file_label_;
  QLineEdit* file_;
  PathField* file_field_;
  QLabel* format_label_;
  QComboBox* format_;
  QCheckBox* all_records_;
  QCheckBox* split_;
  QLabel* validation_label_;
  QDoubleSpinBox* validation_;
  QLabel* test_label_;
  QDoubleSpinBox* test_;
  QLabel* seed_label_;
  QSpinBox* seed_;
  QPushButton* export_;
  QPushButton* cancel_;
  QPushButton* close_;
  QProgressBar* progress_;
  QLabel* result_;
};

}  // namespace medlora::ui
