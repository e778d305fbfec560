// torch (via the serve session's core headers) before Qt: Qt's `slots` macro breaks ATen's headers.
#include "ui/serve/serve_session.h"

#include "ui/serve/serve_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

#include <stdexcept>

#include "core/tokenizer/prompt_format.h"
#include "ui/shell/path_field.h"

namespace medlora::ui {
namespace {

const QString kLoopback = "127.0.0.1";

bool is_loopback(const QString& host) {
  const QString h = host.trimmed();
  return h == kLoopback || h == "localhost" || h == "::1";
}

// serve::parse_safety_action's names, in the order of the safety box.
const QStringList kSafetyActions = {"flag", "disclaimer", "refuse"};

}  // namespace

ServeForm::ServeForm(QWidget* parent)
    : QWidget(parent),
      layout_(new QFormLayout(this)),
      model_(new PathField(PathField::Kind::Folder, this)),
      adapters_(new QPlainTextEdit(this)),
      add_adapter_(new PathField(PathField::Kind::Folder, this)),
      route_(new QComboBox(this)),
      route_file_(new PathField(PathField::Kind::OpenFile, this)),
      template_(new QComboBox(this)),
      safety_(new QComboBox(this)),
      cache_(new QSpinBox(this)),
      request_log_(new QCheckBox(this)),
      host_(new QLineEdit(kLoopback, this)),
      host_warning_(new QLabel(this)),
      port_(new QSpinBox(this)),
      max_queue_(new QSpinBox(this)),
      max_batch_(new QSpinBox(this)) {
  model_->setObjectName("serve_model");
  adapters_->setObjectName("serve_adapters");
  adapters_->setMaximumHeight(70);
  add_adapter_->setObjectName("serve_add_adapter");
  route_->setObjectName("serve_route");
  for (int i = 0; i < 3; ++i) route_->addItem(QString());
  route_file_->setObjectName("serve_route_file");
  template_->setObjectName("serve_template");
  // The first entry leaves the choice to the model (its chat template, else clinic), as --template does.
  template_->addItem(QString(), QString());
  for (const auto& name : tokenizer::PromptFormat::choices(/*model_has_chat_template=*/true))
    template_->addItem(QString::fromStdString(name), QString::fromStdString(name));
  safety_->setObjectName("serve_safety");
  for (int i = 0; i < kSafetyActions.size(); ++i) safety_->addItem(QString(), kSafetyActions[i]);
  cache_->setObjectName("serve_cache");
  cache_->setRange(0, 100000);
  cache_->setValue(256);
  request_log_->setObjectName("serve_request_log");
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
  // Labels are set in retranslate(); the warning sits under the host and the rules file under
  // the routing choice, without labels of their own.
  const QList<QWidget*> fields = {model_,   adapters_,    add_adapter_, route_, route_file_,   template_, safety_,
                                  cache_,   request_log_, host_,        host_warning_, port_,     max_queue_,
                                  max_batch_};
  for (auto* field : fields) {
    auto* label = new QLabel(this);
    labels_.append(label);
    layout_->addRow(label, field);
  }
  connect(host_, &QLineEdit::textChanged, this, &ServeForm::update_host_warning);
  connect(route_, &QComboBox::currentIndexChanged, this, &ServeForm::update_route_file);
  connect(add_adapter_, &PathField::path_chosen, this, &ServeForm::add_adapter);
  connect(add_adapter_->line_edit(), &QLineEdit::returnPressed, this,
          [this] { add_adapter(add_adapter_->path()); });
  update_host_warning();
  update_route_file();
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
  if (route_->currentIndex() == RouteDefaults) {
    settings.route = "defaults";
  } else if (route_->currentIndex() == RouteFile) {
    if (route_file_->path().isEmpty())
      throw std::invalid_argument(tr("Choose the routing rules file, or turn routing off.").toStdString());
    settings.route = route_file_->path().toStdString();
  }
  settings.chat_template = template_->currentData().toString().toStdString();
  settings.safety_action = serve::parse_safety_action(safety_->currentData().toString().toStdString());
  settings.cache_entries = static_cast<size_t>(cache_->value());
  settings.request_log = request_log_->isChecked();
  settings.host = host_->text().trimmed().toStdString();
  if (settings.host.empty()) throw std::invalid_argument(tr("Enter the address to listen on.").toStdString());
  settings.port = port_->value();
  settings.max_queue = static_cast<size_t>(max_queue_->value());
  settings.max_batch = static_cast<size_t>(max_batch_->value());
  return settings;
}

void ServeForm::add_adapter(const QString& dir) {
  const QString folder = QDir::cleanPath(dir.trimmed());
  if (folder.isEmpty() || folder == ".") return;
  QString text = adapters_->toPlainText();
  if (!text.isEmpty() && !text.endsWith('\n')) text += '\n';
  adapters_->setPlainText(text + QFileInfo(folder).fileName() + '=' + folder);
  add_adapter_->set_path(QString());
}

void ServeForm::update_host_warning() {
  layout_->setRowVisible(host_warning_, !is_loopback(host_->text()));
}

void ServeForm::update_route_file() {
  layout_->setRowVisible(route_file_, route_->currentIndex() == RouteFile);
}

void ServeForm::retranslate() {
  const QStringList labels = {tr("Model folder:"), tr("Adapters:"),  tr("Add adapter:"), tr("Routing:"),
                              QString(),           tr("Template:"),  tr("Flagged answers:"), tr("Response cache:"),
                              QString(),           tr("Host:"),      QString(),          tr("Port:"),
                              tr("Max queue:"),    tr("Max batch:")};
  for (int row = 0; row < labels.size(); ++row) labels_[row]->setText(labels[row]);
  model_->set_dialog_title(tr("Model folder to serve"));
  adapters_->setPlaceholderText(tr("Optional: NAME=FOLDER, one adapter a line"));
  add_adapter_->set_dialog_title(tr("Adapter folder to serve"));
  add_adapter_->line_edit()->setPlaceholderText(tr("Pick an adapter folder: it is added as a line above"));
  route_->setItemText(RouteOff, tr("Off"));
  route_->setItemText(RouteDefaults, tr("Built-in clinic rules (model \"route\")"));
  route_->setItemText(RouteFile, tr("Rules file... (model \"route\")"));
  route_->setToolTip(tr("With routing on, requests for model \"route\" get the adapter the keyword rules pick"));
  route_file_->set_dialog_title(tr("Routing rules file"));
  route_file_->set_filter(tr("JSON (*.json);;All files (*)"));
  template_->setItemText(0, tr("The model's own (clinic when it has none)"));
  template_->setToolTip(tr("How chat requests' messages become the prompt"));
  safety_->setItemText(0, tr("Flag them (flags in the reply only)"));
  safety_->setItemText(1, tr("Append the disclaimer to every answer"));
  safety_->setItemText(2, tr("Refuse them (the answer is withheld)"));
  safety_->setToolTip(tr("The safety filter checks every answer; this is what a flagged one gets"));
  cache_->setSpecialValueText(tr("off"));
  cache_->setSuffix(tr(" answers"));
  cache_->setToolTip(tr("Identical deterministic requests (temperature 0 or a fixed seed) are answered from the cache"));
  request_log_->setText(tr("Log each request in the workspace (question and answer PII-scrubbed)"));
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
