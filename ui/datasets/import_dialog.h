#pragma once
// Import files or MedQuAD folders into a new or an existing dataset: format, encoding and
// column mapping, a progress bar with Cancel (the import runs on a worker thread and a
// cancelled one leaves nothing behind), and a summary of what was imported and skipped, with
// every broken record's place and reason.
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>

#include <optional>
#include <vector>

#include "core/store/record_types.h"
#include "ui/datasets/transfer_dialog.h"

namespace medlora::ui {

class ImportDialog : public TransferDialog {
  Q_OBJECT

 public:
  // `datasets` are offered as targets besides a new dataset.
  ImportDialog(const QString& workspace_file, const std::vector<store::DatasetSummary>& datasets,
               QWidget* parent = nullptr);

  void add_paths(const QStringList& paths);
  // Starts the import on the worker thread; finished() follows.
  void start_import();
  const std::optional<ImportSummary>& summary() const { return summary_; }
  const QString& error() const { return error_; }

  QListWidget* path_list() const { return paths_; }
  QComboBox* format_combo() const { return format_; }
  QComboBox* encoding_combo() const { return encoding_; }
  QLineEdit* column_edit(int field) const { return columns_[field]; }  // 0 instruction, 1 input, 2 output, 3 category
  QComboBox* target_combo() const { return target_; }
  QLineEdit* name_edit() const { return name_; }
  QPushButton* import_button() const { return import_; }
  QPushButton* cancel_button() const { return cancel_; }
  QProgressBar* progress_bar() const { return progress_; }
  QLabel* result_label() const { return result_; }
  QTableWidget* errors_table() const { return errors_; }

 Q_SIGNALS:
  // Records were written to `dataset_id`.
  void imported(qint64 dataset_id);

 protected:
  void retranslate() override;
  void update_controls() override;
  void on_stop_requested() override;

 private:
  void on_finished(const ImportSummary& summary);
  void on_failed(const QString& message);

  QString workspace_file_;
  std::optional<ImportSummary> summary_;
  QString error_;
  QLabel* paths_label_;
  QListWidget* paths_;
  QPushButton* add_files_;
  QPushButton* add_folder_;
  QPushButton* remove_path_;
  QLabel* format_label_;
  QComboBox* format_;
  QLabel* encoding_label_;
  QComboBox* encoding_;
  QLabel* columns_label_;
  QLineEdit* columns_[4];
  QLabel* target_label_;
  QComboBox* target_;
  QLineEdit* name_;
  QPushButton* import_;
  QPushButton* cancel_;
  QPushButton* close_;
  QLabel* stage_;
  QProgressBar* progress_;
  QLabel* result_;
  QTableWidget* errors_;
};

}  // namespace medlora::ui
