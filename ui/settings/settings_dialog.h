#pragma once
// Edits WorkbenchSettings: models folder, compute device/dtype/threads, language.
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include "ui/settings/workbench_settings.h"
#include "ui/shell/path_field.h"

namespace medlora::ui {

class SettingsDialog : public QDialog {
  Q_OBJECT

 public:
  explicit SettingsDialog(const WorkbenchSettings& settings, QWidget* parent = nullptr);
  // The edited settings (added model folders carried over unchanged).
  WorkbenchSettings settings() const;

  QLineEdit* models_dir_edit() const { return models_dir_; }
  PathField* models_dir_field() const { return models_dir_field_; }
  QComboBox* device_combo() const { return device_; }
  QComboBox* dtype_combo() const { return dtype_; }
  QSpinBox* threads_spin() const { return threads_; }
  QComboBox* language_combo() const { return language_; }

 public slots:
  void accept() override;

 private:
  void update_preview();

  WorkbenchSettings original_;
  QLineEdit* models_dir_;
  PathField* models_dir_field_;
  QComboBox* device_;
  QComboBox* dtype_;
  QSpinBox* threads_;
  QComboBox* language_;
  QLabel* preview_;
  QDialogButtonBox* buttons_;
};

}  // namespace medlora::ui
