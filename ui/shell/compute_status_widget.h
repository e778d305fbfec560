#pragma once
// Status-bar labels showing where models run: device, compute dtype and CPU threads.
#include <QLabel>
#include <QWidget>

#include "ui/settings/workbench_settings.h"

namespace medlora::ui {

class ComputeStatusWidget : public QWidget {
  Q_OBJECT

 public:
  explicit ComputeStatusWidget(QWidget* parent = nullptr);
  // Resolves the settings (runtime::resolve_compute); an error is shown, not thrown.
  void show_settings(const WorkbenchSettings& settings);
  QString device_text() const { return device_->text(); }
  QString dtype_text() const { return dtype_->text(); }
  QString threads_text() const { return threads_->text(); }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();

  QLabel* device_;
  QLabel* dtype_;
  QLabel* threads_;
  WorkbenchSettings settings_;
};

}  // namespace medlora::ui
