#pragma once
// What the import and export dialogs share: a DatasetIoWorker on a thread of its own, one job at
// a time, Cancel, and Close, which cancels a running job and closes once it has stopped (the
// worker rolls an import back, so nothing half-written stays). Texts retranslate live.
#include <QDialog>
#include <QThread>

#include "ui/datasets/dataset_io_worker.h"

namespace medlora::ui {

class TransferDialog : public QDialog {
  Q_OBJECT

 public:
  ~TransferDialog() override;

  bool running() const { return running_; }
  // Asks the running job to stop (nothing happens without one); its end comes as usual.
  void request_stop();

 Q_SIGNALS:
  // After every job that ended (done, cancelled or failed).
  void finished();

 protected:
  TransferDialog(const QString& thread_name, QWidget* parent);

  DatasetIoWorker* worker() const { return worker_; }
  // A job is about to be queued on the worker: controls are updated and the stop flag cleared.
  void begin_job();
  // The job ended: controls updated, finished() emitted, and the dialog closes if Close asked.
  void end_job();

  // Enables the controls for running() or not.
  virtual void update_controls() = 0;
  // Sets every text; run on QEvent::LanguageChange. Subclasses call it from their constructor.
  virtual void retranslate() = 0;
  // After request_stop() reached the worker: say so.
  virtual void on_stop_requested() {}

  void reject() override;
  void changeEvent(QEvent* event) override;

 private:
  QThread thread_;
  DatasetIoWorker* worker_;
  bool running_ = false;
  bool close_when_done_ = false;
};

}  // namespace medlora::ui
