#include "ui/review/server_connect_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <stdexcept>

#include "core/review_server/server_connection.h"
#include "core/review_server/server_review_queue.h"
#include "ui/shell/off_thread_job.h"
#include "ui/review/server_settings.h"

namespace medlora::ui {

QString server_purpose_key(ServerPurpose purpose) {
  return purpose == ServerPurpose::Lead ? QStringLiteral("lead") : QStringLiteral("reviewer");
}

ServerLogin sign_in_to_server(const review_server::ServerAddress& address, const std::string& password,
                              ServerPurpose purpose) {
  review_server::ServerConnection connection(address, password);
  ServerLogin login{address, password, {}};
  if (purpose == ServerPurpose::Reviewer) login.studies = review_server::ServerReviewQueue::studies_of(connection);
  return login;
}

ServerConnectDialog::ServerConnectDialog(ServerPurpose purpose, QWidget* parent)
    : QDialog(parent), purpose_(purpose) {
  setObjectName("serverConnectDialog");
  intro_ = new QLabel(this);
  intro_->setWordWrap(true);
  host_ = new QLineEdit(this);
  port_ = new QSpinBox(this);
  port_->setRange(1, 65535);
  database_ = new QLineEdit(this);
  user_ = new QLineEdit(this);
  password_ = new QLineEdit(this);
  password_->setEchoMode(QLineEdit::Password);
  sslmode_ = new QComboBox(this);
  for (const QString& mode : sslmode_values()) sslmode_->addItem(mode, mode);
  remember_ = new QCheckBox(this);
  remember_note_ = new QLabel(this);
  remember_note_->setWordWrap(true);
  remember_note_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  error_ = new QLabel(this);
  error_->setObjectName("serverConnectError");
  error_->setStyleSheet(QStringLiteral("color: #b3261e;"));
  error_->hide();
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons_, &QDialogButtonBox::accepted, this, &ServerConnectDialog::try_connect);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* form = new QFormLayout;
  host_label_ = new QLabel(this);
  port_label_ = new QLabel(this);
  database_label_ = new QLabel(this);
  user_label_ = new QLabel(this);
  password_label_ = new QLabel(this);
  sslmode_label_ = new QLabel(this);
  const std::pair<QLabel*, QWidget*> rows[] = {{host_label_, host_},         {port_label_, port_},
                                               {database_label_, database_}, {user_label_, user_},
                                               {password_label_, password_}, {sslmode_label_, sslmode_}};
  for (const auto& [label, field] : rows) {
    label->setBuddy(field);
    form->addRow(label, field);
  }
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro_);
  layout->addLayout(form);
  layout->addWidget(remember_);
  layout->addWidget(remember_note_);
  layout->addWidget(error_);
  layout->addWidget(buttons_);

  QSettings store;
  const ServerSettings saved = load_server_settings(store, server_purpose_key(purpose_));
  host_->setText(saved.host);
  port_->setValue(saved.port);
  database_->setText(saved.database);
  user_->setText(saved.user);
  sslmode_->setCurrentIndex(static_cast<int>(std::max<qsizetype>(0, sslmode_values().indexOf(saved.sslmode))));
  remember_->setChecked(saved.remember_password);
  password_->setText(saved.password);
  retranslate();
}

QPushButton* ServerConnectDialog::connect_button() const { return buttons_->button(QDialogButtonBox::Ok); }

void ServerConnectDialog::retranslate() {
  setWindowTitle(tr("Connect to a review server"));
  intro_->setText(purpose_ == ServerPurpose::Lead
                      ? tr("The review server the studies are published to. Sign in with the PostgreSQL account that "
                           "owns its database.")
                      : tr("Sign in to the review server with the reviewer account the study lead made for you."));
  host_label_->setText(tr("&Host:"));
  port_label_->setText(tr("&Port:"));
  database_label_->setText(tr("&Database:"));
  user_label_->setText(tr("&User name:"));
  password_label_->setText(tr("Pass&word:"));
  sslmode_label_->setText(tr("&TLS (sslmode):"));
  sslmode_->setToolTip(
      tr("As libpq spells it: disable, allow, prefer (TLS when the server offers it), require, verify-ca, "
         "verify-full (TLS with the server's certificate checked)."));
  const QString file = QSettings().fileName();
  remember_->setText(tr("&Remember the password on this computer"));
  const QString where =
      tr("The password is then kept in this computer's keyring (the desktop's Secret Service, such as GNOME "
         "Keyring or KWallet), which encrypts it; the workbench never writes it to a file. The other fields are "
         "remembered in %1.")
          .arg(file);
  remember_->setToolTip(where);
  remember_note_->setText(where);
  connect_button()->setText(tr("&Connect"));
}

void ServerConnectDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange && intro_) retranslate();
  QDialog::changeEvent(event);
}

ServerSettings ServerConnectDialog::settings_on_screen() const {
  ServerSettings settings;
  settings.host = host_->text();
  settings.port = port_->value();
  settings.database = database_->text();
  settings.user = user_->text();
  settings.sslmode = sslmode_->currentData().toString();
  settings.remember_password = remember_->isChecked();
  settings.password = password_->text();
  return settings;
}

void ServerConnectDialog::show_error(const QString& message) {
  error_->setText(message);
  error_->setVisible(!message.isEmpty());
}

void ServerConnectDialog::try_connect() {
  if (connecting_) return;
  const ServerSettings settings = settings_on_screen();
  review_server::ServerAddress address;
  try {
    address = settings.address();
  } catch (const std::invalid_argument& e) {
    show_error(tr("Cannot connect: %1").arg(QString::fromUtf8(e.what())));
    return;
  }
  connecting_ = true;
  connect_button()->setEnabled(false);
  show_error({});
  const std::string password = settings.password.toStdString();
  const ServerPurpose purpose = purpose_;
  run_off_gui_thread<ServerLogin>(
      this, [address, password, purpose] { return sign_in_to_server(address, password, purpose); },
      [this, settings](const ServerLogin& login) {
        QSettings store;
        const QString refused = save_server_settings(store, server_purpose_key(purpose_), settings);
        if (!refused.isEmpty()) {
          // Signed in, but the password would not be remembered as the tick promised: say so
          // and let the user choose (untick, or start a keyring) before going on.
          connecting_ = false;
          connect_button()->setEnabled(true);
          remember_->setChecked(false);
          show_error(tr("The password could not be kept in this computer's keyring (%1), so it is not remembered. "
                        "Connect again to go on without it.")
                         .arg(refused));
          return;
        }
        finish(login);
      },
      [this](const QString& message) {
        connecting_ = false;
        connect_button()->setEnabled(true);
        show_error(tr("Cannot connect: %1").arg(message));
      });
}

void ServerConnectDialog::finish(const ServerLogin& login) {
  connecting_ = false;
  connect_button()->setEnabled(true);
  login_ = login;
  accept();
}

}  // namespace medlora::ui
