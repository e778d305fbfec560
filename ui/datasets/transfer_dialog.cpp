#include "ui/datasets/transfer_dialog.h"

#include <QEvent>

namespace medlora::ui {

TransferDialog::TransferDialog(const QString& thread_name, QWidget* parent)
    : QDialog(parent), worker_(new DatasetIoWorker) {
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  thread_.setObjectName(thread_name);
  thread_.start();
}

TransferDialog::~TransferDialog() {
  worker_->request_stop();
  thread_.quit();
  thread_.wait();
}

void TransferDialog::request_stop() {
  if (!running_) return;
  worker_->request_stop();
  on_stop_requested();
}

void TransferDialog::begin_job() {
  running_ = true;
  update_controls();
  worker_->clear_stop();
}

void TransferDialog::end_job() {
  running_ = false;
  update_controls();
  Q_EMIT finished();
  if (close_when_done_) QDialog::reject();
}

void TransferDialog::reject() {
  if (running_) {
    close_when_done_ = true;
    request_stop();
    return;
  }
  QDialog::reject();
}

void TransferDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QDialog::changeEvent(event);
}

}  // namespace medlora::ui
