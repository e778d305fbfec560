// torch (via the serve session's core headers) before Qt: Qt's `slots` macro breaks ATen's headers.
#include "ui/serve/serve_session.h"

#include "ui/serve/serve_form.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

#include <stdexcept>

#include "ui/shell/path_field.h"

namespace medlora::ui {
namespace {

const QString kLoopback = "127.0.0.1";

bool is_loopback(const QString& host) {
  const QString h = host.trimmed();
  return h == kLoopback || h == "localhost" || h == "::1";
}

}  // namespace

ServeForm::ServeForm(QWidget* parent)
    : QWidget(parent),
      layout_(new QFormLayout(this)),
      model_(new PathField(PathField::Kind::Folder, this)),
      adapters_(new QPlainTextEdit(this)),
      host_(new QLineEdit(kLoopback, this)),
      host_warning_(new QLabel(this)),
      port_(new QSpinBox(this)),
      max_queue_(new QSpinBox(this)),
      max_batch_(new QSpinBox(this)) {
  model_->setObjectName("serve_model");
  adapters_->setObjectName("serve_adapters");
  adapters_->setMaximumHeight(70);
  host_->setObjectName("serve_host");
  host_warning_->setObjectName("serve_host_warning");
  host_warning_->setWordWrap(true);
  host_warning_->setStyleSheet("color: #b05000;");
  port_->setObjectName("serve_port");
  port_->setRange(0, 65535);
  port_->setValue(8080);
  max_queue_->setObjectName("serve_max_queue");
  max_queue_->setRange(0, 4096);
  max_queue_->setValue(16);
  max_batch_->setObjectName("serve_max_batch");
  max_batch_->setRange(1, 256);
  max_batch_->setValue(8);
  // Labels are set in retranslate(); the warning sits under the host, without a label.
  const QList<QWidget*> fields = {model_, adapters_, host_, host_warning_, port_, max_queue_, max_batch_};
  for (auto* field : fields) {
    auto* label = new QLabel(this);
    labels_.append(label);
    layout_->addRow(label, field);
  }
  connect(host_, &QLineEdit::textChanged, this, &ServeForm::update_host_warning);
  update_host_warning();
  retranslate();
}

ServeSettings ServeForm::settings() const {
  ServeSettings settings;
  const QString model = model_->path();
  if (model.isEmpty()) throw std::invalid_argument(tr("Choose the model folder to serve.").toStdString());
  settings.model_dir = model.toStdString();
  try {
    settings.adapters = parse_adapter_lines(adapters_->toPlainText().toStdString());
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(tr("Adapters: %1").arg(QString::fromUtf8(e.what())).toStdString());
  }
  settings.host = host_->text().trimmed().toStdString();
  if (settings.host.empty()) throw std::invalid_argument(tr("Enter the address to listen on.").toStdString());
  settings.port = port_->value();
  settings.max_queue = static_cast<size_t>(max_queue_->value());
  settings.max_batch = static_cast<size_t>(max_batch_->value());
  return settings;
}

void ServeForm::update_host_warning() {
  layout_->setRowVisible(host_warning_, !is_loopback(host_->text()));
}

void ServeForm::retranslate() {
  const QStringList labels = {tr("Model folder:"), tr("Adapters:"),  tr("Host:"),     QString(),
                              tr("Port:"),         tr("Max queue:"), tr("Max batch:")};
  for (int row = 0; row < labels.size(); ++row) labels_[row]->setText(labels[row]);
  model_->set_dialog_title(tr("Model folder to serve"));
  adapters_->setPlaceholderText(tr("Optional: NAME=FOLDER, one adapter a line"));
  host_warning_->setText(tr("Other machines can reach this address: anyone with a key can use the model."));
  port_->setSpecialValueText(tr("any free port"));
  max_queue_->setToolTip(tr("Requests that may wait for the batch; more get 503"));
  max_batch_->setToolTip(tr("Sequences decoded together in one forward pass"));
}

void ServeForm::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace medlora::ui
