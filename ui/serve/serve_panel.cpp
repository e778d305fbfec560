// torch (via the serve session's core headers) before Qt: Qt's `slots` macro breaks ATen's headers.
#include "ui/serve/serve_session.h"

#include "ui/serve/serve_panel.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

#include <exception>

#include "core/store/workspace.h"
#include "ui/shell/off_thread_job.h"
#include "ui/serve/serve_form.h"
#include "ui/serve/serve_keys_view.h"
#include "ui/serve/serve_plots.h"

namespace medlora::ui {

ServePanel::ServePanel(const QString& workspace_file, QWidget* parent)
    : Panel(parent),
      form_(new ServeForm(this)),
      start_(new QPushButton(this)),
      stop_(new QPushButton(this)),
      busy_(new QProgressBar(this)),
      status_(new QLabel(this)),
      error_(new QLabel(this)),
      url_label_(new QLabel(this)),
      url_(new QLineEdit(this)),
      copy_url_(new QPushButton(this)),
      keys_title_(new QLabel(this)),
      keys_(new ServeKeysView(this)),
      plots_title_(new QLabel(this)),
      plots_(new ServePlots(this)),
      totals_(new QLabel(this)) {
  setObjectName("serve_panel");
  start_->setObjectName("serve_start");
  stop_->setObjectName("serve_stop");
  busy_->setObjectName("serve_busy");
  busy_->setRange(0, 0);  // indeterminate: loading takes as long as it takes
  busy_->setMaximumWidth(120);
  busy_->hide();
  status_->setObjectName("serve_status");
  error_->setObjectName("serve_error");
  error_->setWordWrap(true);
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  error_->setStyleSheet("color: #b00020;");
  error_->hide();
  url_->setObjectName("serve_url");
  url_->setReadOnly(true);
  copy_url_->setObjectName("copy_url");
  totals_->setObjectName("serve_totals");
  QFont bold = keys_title_->font();
  bold.setBold(true);
  keys_title_->setFont(bold);
  plots_title_->setFont(bold);

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(start_);
  buttons->addWidget(stop_);
  buttons->addWidget(busy_);
  buttons->addWidget(status_, 1);
  auto* url_row = new QHBoxLayout;
  url_row->addWidget(url_label_);
  url_row->addWidget(url_, 1);
  url_row->addWidget(copy_url_);

  auto* left = new QWidget(this);
  auto* left_layout = new QVBoxLayout(left);
  left_layout->setContentsMargins(0, 0, 0, 0);
  left_layout->addWidget(form_);
  left_layout->addLayout(buttons);
  left_layout->addWidget(error_);
  left_layout->addLayout(url_row);
  left_layout->addWidget(keys_title_);
  left_layout->addWidget(keys_, 1);

  auto* right = new QWidget(this);
  auto* right_layout = new QVBoxLayout(right);
  right_layout->setContentsMargins(0, 0, 0, 0);
  right_layout->addWidget(plots_title_);
  right_layout->addWidget(plots_, 1);
  right_layout->addWidget(totals_);

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->addWidget(left);
  splitter->addWidget(right);
  splitter->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(splitter);

  connect(start_, &QPushButton::clicked, this, &ServePanel::start);
  connect(stop_, &QPushButton::clicked, this, &ServePanel::stop);
  connect(copy_url_, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(url_->text()); });
  sample_timer_.setInterval(kSampleIntervalMs);
  connect(&sample_timer_, &QTimer::timeout, this, &ServePanel::sample);

  open_workspace(workspace_file);
  set_state(State::Stopped);
  retranslate();
}

ServePanel::~ServePanel() {
  sample_timer_.stop();
  // Closing the workbench: the server's running answers are finished, then the port is closed.
  if (session_) session_->stop();
}

QString ServePanel::panel_title() const { return tr("Serve"); }

QIcon ServePanel::panel_icon() const {
  return QIcon::fromTheme("network-server", style()->standardIcon(QStyle::SP_DriveNetIcon));
}

bool ServePanel::open_workspace(const QString& file) {
  keys_->set_workspace(nullptr);
  workspace_.reset();
  workspace_file_ = file;
  try {
    workspace_ = std::make_unique<store::Workspace>(file.toStdString());
  } catch (const std::exception& e) {
    show_error(tr("The workspace %1 could not be opened: %2").arg(file, QString::fromUtf8(e.what())));
    return false;
  }
  keys_->set_workspace(workspace_.get());
  return true;
}

QString ServePanel::url() const { return state_ == State::Serving ? url_->text() : QString(); }

void ServePanel::start() {
  if (state_ != State::Stopped) return;
  error_->hide();
  ServeSettings settings;
  try {
    settings = form_->settings();
  } catch (const std::exception& e) {
    show_error(QString::fromUtf8(e.what()));
    return;
  }
  if (!workspace_) {
    show_error(tr("No workspace is open: the server needs one for its API keys."));
    return;
  }
  settings.workspace = workspace_file_.toStdString();
  set_state(State::Starting);
  run_off_gui_thread<std::shared_ptr<serve::ServerStack>>(
      this,
      [settings, compute_settings = compute_settings_] {
        auto session = std::make_shared<serve::ServerStack>(server_config(settings, compute_settings.compute()));
        session->start();
        return session;
      },
      [this](const std::shared_ptr<serve::ServerStack>& session) {
        session_ = session;
        url_->setText(QString::fromStdString(session_->url()));
        sampler_.reset();
        last_totals_ = {};
        last_gauges_ = {};
        plots_->clear();
        since_start_.start();
        last_sample_seconds_ = 0;
        sample();
        sample_timer_.start();
        set_state(State::Serving);
        emit status_message(tr("Serving at %1").arg(url_->text()));
      },
      [this](const QString& error) {
        set_state(State::Stopped);
        show_error(tr("The server could not start: %1").arg(error));
      });
}

void ServePanel::stop() {
  if (state_ != State::Serving || !session_) return;
  sample_timer_.stop();
  sample();  // the last figures before the drain
  auto session = std::move(session_);
  set_state(State::Stopping);
  run_off_gui_thread<bool>(
      this,
      [session]() mutable {
        session->stop();
        session.reset();  // the model is freed here, not on the GUI thread
        return true;
      },
      [this](bool) {
        set_state(State::Stopped);
        emit status_message(tr("The server has stopped"));
      },
      [this](const QString& error) {
        set_state(State::Stopped);
        show_error(tr("The server did not stop cleanly: %1").arg(error));
      });
}

void ServePanel::sample() {
  if (!session_) return;
  const double now = since_start_.elapsed() / 1000.0;
  last_totals_ = session_->api().metrics().totals();
  last_gauges_ = session_->api().gauges();
  const ServeRates rates = sampler_.sample(last_totals_, last_gauges_, now - last_sample_seconds_);
  last_sample_seconds_ = now;
  plots_->add_sample(now, rates);
  update_status();
}

void ServePanel::set_state(State state) {
  state_ = state;
  const bool stopped = state == State::Stopped;
  start_->setEnabled(stopped);
  stop_->setEnabled(state == State::Serving);
  form_->setEnabled(stopped);
  busy_->setVisible(state == State::Starting || state == State::Stopping);
  copy_url_->setEnabled(state == State::Serving);
  if (state != State::Serving) url_->clear();
  update_status();
  emit state_changed(state);
}

void ServePanel::show_error(const QString& message) {
  error_->setText(message);
  error_->show();
}

void ServePanel::update_status() {
  switch (state_) {
    case State::Stopped: status_->setText(tr("Stopped")); break;
    case State::Starting: status_->setText(tr("Loading the model…")); break;
    case State::Serving: status_->setText(tr("Listening")); break;
    case State::Stopping: status_->setText(tr("Finishing the running requests…")); break;
  }
  totals_->setText(tr("Requests: %1   Completion tokens: %2   Queue: %3   Active sequences: %4")
                       .arg(last_totals_.requests)
                       .arg(last_totals_.completion_tokens)
                       .arg(last_gauges_.queue_length)
                       .arg(last_gauges_.active_sequences));
}

void ServePanel::retranslate() {
  start_->setText(tr("Start"));
  stop_->setText(tr("Stop"));
  url_label_->setText(tr("Address:"));
  url_->setPlaceholderText(tr("not listening"));
  copy_url_->setText(tr("Copy"));
  keys_title_->setText(tr("API keys"));
  plots_title_->setText(tr("Live"));
  update_status();
}

void ServePanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  Panel::changeEvent(event);
}

}  // namespace medlora::ui
