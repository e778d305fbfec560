#pragma once
// The Serve panel's settings: the model folder, adapters (NAME=DIR, one a line, or added with a
// folder picker), routing (off, the built-in rules or a rules file), the chat template, what a
// flagged answer gets, the response cache, the request log, host, port, queue and batch sizes.
// A host other than the loopback address shows a warning, since the server is then reachable
// from other machines.
#include <QList>
#include <QString>
#include <QWidget>

#include "ui/serve/serve_session.h"

class QCheckBox;
class QComboBox;
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
  enum RouteChoice { RouteOff = 0, RouteDefaults = 1, RouteFile = 2 };

  explicit ServeForm(QWidget* parent = nullptr);

  // The settings as chosen (no workspace). Throws std::invalid_argument naming the field when
  // the model folder is empty, an adapter line has no folder or the rules file is not chosen.
  ServeSettings settings() const;

  PathField* model_field() const { return model_; }
  QPlainTextEdit* adapters_edit() const { return adapters_; }
  PathField* add_adapter_field() const { return add_adapter_; }
  QComboBox* route_box() const { return route_; }
  PathField* route_file_field() const { return route_file_; }
  QComboBox* template_box() const { return template_; }
  QComboBox* safety_box() const { return safety_; }
  QSpinBox* cache_box() const { return cache_; }
  QCheckBox* request_log_box() const { return request_log_; }
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
  void update_route_file();
  // Appends "NAME=DIR" (NAME = the folder's name) to the adapter lines.
  void add_adapter(const QString& dir);

  QFormLayout* layout_;
  QList<QLabel*> labels_;
  PathField* model_;
  QPlainTextEdit* adapters_;
  PathField* add_adapter_;
  QComboBox* route_;
  PathField* route_file_;
  QComboBox* template_;
  QComboBox* safety_;
  QSpinBox* cache_;
  QCheckBox* request_log_;
  QLineEdit* host_;
  QLabel* host_warning_;
  QSpinBox* port_;
  QSpinBox* max_queue_;
  QSpinBox* max_batch_;
};

}  // namespace medlora::ui
