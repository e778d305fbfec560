#include "ui/shell/compute_status_widget.h"

#include <QEvent>
#include <QHBoxLayout>

#include "core/runtime/compute_options.h"

namespace medlora::ui {

ComputeStatusWidget::ComputeStatusWidget(QWidget* parent)
    : QWidget(parent), device_(new QLabel(this)), dtype_(new QLabel(this)), threads_(new QLabel(this)) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(12);
  layout->addWidget(device_);
  layout->addWidget(dtype_);
  layout->addWidget(threads_);
  device_->setObjectName("status_device");
  dtype_->setObjectName("status_dtype");
  threads_->setObjectName("status_threads");
}

void ComputeStatusWidget::show_settings(const WorkbenchSettings& settings) {
  settings_ = settings;
  retranslate();
}

void ComputeStatusWidget::retranslate() {
  try {
    const auto compute = settings_.compute();
    const QString device = QString::fromStdString(compute.device.str());
    device_->setText(tr("Device: %1").arg(device));
    dtype_->setText(tr("Dtype: %1").arg(QString::fromStdString(runtime::dtype_name(compute.dtype))));
    threads_->setText(tr("Threads: %1").arg(compute.threads));
    device_->setToolTip(tr("Setting: %1").arg(settings_.device));
    dtype_->setToolTip(tr("Setting: %1").arg(settings_.dtype));
    device_->setStyleSheet(QString());
  } catch (const std::exception& e) {
    device_->setText(tr("Device: not available"));
    device_->setToolTip(QString::fromStdString(e.what()));
    dtype_->setText(tr("Dtype: -"));
    threads_->setText(tr("Threads: -"));
    device_->setStyleSheet("color: #c62828");
  }
}

void ComputeStatusWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace medlora::ui
