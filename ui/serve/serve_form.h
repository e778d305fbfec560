#pragma once
// The Serve panel's settings: the model folder, adapters (NAME=DIR, one a line), host, port,
// queue and batch sizes. A host other than the loopback address shows a warning, since the
// server is then reachable from other machines.
#include <QList>
#include <QString>
#include <QWidget>

#include "ui/serve/serve_session.h"

class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace medlora::ui {

class PathField;

class ServeForm : public QWidget {
  Q_OBJECT

 public:
  explicit ServeForm(QWidget* parent = nullptr);

  // The settings as typed (no workspace). Throws std::invalid_argument naming the field when the
  // model folder is empty or an adapter line has no folder.
  ServeSettings settings() const;

  PathField* model_field() const { return model_; }
  QPlainTextEdit* adapters_edit() const { return adapters_; }
  QLineEdit* host_edit() const { return host_; }
  QSpinBox* port_box() const { return port_; }
  QSpinBox* max_queue_box() const { return max_queue_; }
  QSpinBox* max_batch_box() const { return max_batch_; }
  QLabel* host_warning() const { return host_warning_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void update_host_warning();

  QFormLayout* layout_;
  QList<QLabel*> labels_;
  PathField* model_;
  QPlainTextEdit* adapters_;
  QLineEdit* host_;
  QLabel* host_warning_;
  QSpinBox* port_;
  QSpinBox* max_queue_;
  QSpinBox* max_batch_;
};

}  // namespace medlora::ui
