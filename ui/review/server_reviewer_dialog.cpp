#include "ui/review/server_reviewer_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/review_server/reviewer_roles.h"
#include "core/review_server/server_connection.h"
#include "ui/shell/off_thread_job.h"

namespace medlora::ui {

ServerReviewerDialog::ServerReviewerDialog(review_server::ServerAddress address, std::string password,
                                           QWidget* parent)
    : QDialog(parent),
      address_(std::move(address)),
      lead_password_(std::move(password)),
      intro_(new QLabel(this)),
      name_label_(new QLabel(this)),
      role_label_(new QLabel(this)),
      password_label_(new QLabel(this)),
      repeat_label_(new QLabel(this)),
      name_(new QLineEdit(this)),
      role_(new QComboBox(this)),
      password_(new QLineEdit(this)),
      repeat_(new QLineEdit(this)),
      add_(new QPushButton(this)),
      message_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Close, this)) {
  setObjectName("serverReviewerDialog");
  intro_->setWordWrap(true);
  name_->setObjectName("serverReviewerName");
  role_->addItem(QString(), QStringLiteral("doctor"));
  role_->addItem(QString(), QStringLiteral("adjudicator"));
  for (QLineEdit* edit : {password_, repeat_}) edit->setEchoMode(QLineEdit::Password);
  message_->setObjectName("serverReviewerMessage");
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  message_->hide();

  auto* form = new QFormLayout;
  const std::pair<QLabel*, QWidget*> rows[] = {
      {name_label_, name_}, {role_label_, role_}, {password_label_, password_}, {repeat_label_, repeat_}};
  for (const auto& [label, field] : rows) {
    label->setBuddy(field);
    form->addRow(label, field);
  }
  form->addRow(QString(), add_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro_);
  layout->addLayout(form);
  layout->addWidget(message_);
  layout->addWidget(buttons_);

  for (QLineEdit* edit : {name_, password_, repeat_})
    connect(edit, &QLineEdit::textChanged, this, &ServerReviewerDialog::update_controls);
  connect(add_, &QPushButton::clicked, this, &ServerReviewerDialog::add_reviewer);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  retranslate();
  update_controls();
}

void ServerReviewerDialog::retranslate() {
  setWindowTitle(tr("Add a reviewer to the review server"));
  intro_->setText(tr("Each reviewer signs in to the server with this name and password. Use the name the reviewer "
                     "has in the workspace's studies. Only a SCRAM-SHA-256 verifier of the password, made on this "
                     "computer, is sent to the server."));
  name_label_->setText(tr("&Name:"));
  role_label_->setText(tr("&Role:"));
  password_label_->setText(tr("&Password:"));
  repeat_label_->setText(tr("Password a&gain:"));
  role_->setItemText(0, role_label(QStringLiteral("doctor")));
  role_->setItemText(1, role_label(QStringLiteral("adjudicator")));
  password_->setToolTip(tr("At least %1 characters").arg(review_server::kMinimumReviewerPasswordLength));
  add_->setText(tr("&Add reviewer"));
}

void ServerReviewerDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange && intro_) retranslate();
  QDialog::changeEvent(event);
}

QString ServerReviewerDialog::role_label(const QString& role) const {
  if (role == QLatin1String("doctor")) return tr("Doctor (scores answers)");
  if (role == QLatin1String("adjudicator")) return tr("Adjudicator (settles disagreements)");
  return role;
}

void ServerReviewerDialog::update_controls() {
  add_->setEnabled(!adding_ && !name_->text().trimmed().isEmpty() && !password_->text().isEmpty() &&
                   !repeat_->text().isEmpty());
}

void ServerReviewerDialog::show_message(const QString& text, bool error) {
  message_->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
  message_->setText(text);
  message_->setVisible(!text.isEmpty());
}

bool ServerReviewerDialog::add_reviewer() {
  if (adding_) return false;
  if (password_->text() != repeat_->text()) {
    show_message(tr("The two passwords differ; type the same password twice."), true);
    return false;
  }
  // The name, role and password length are checked by the core, with its own messages.
  const std::string name = name_->text().trimmed().toStdString();
  const std::string role = role_->currentData().toString().toStdString();
  const std::string password = password_->text().toStdString();
  adding_ = true;
  update_controls();
  show_message(tr("Adding %1…").arg(QString::fromStdString(name)), false);
  const review_server::ServerAddress address = address_;
  const std::string lead_password = lead_password_;
  run_off_gui_thread<review_server::ServerReviewer>(
      this,
      [address, lead_password, name, password, role] {
        review_server::ServerConnection lead(address, lead_password);
        return review_server::add_reviewer(lead, name, password, role);
      },
      [this](const review_server::ServerReviewer& added) {
        adding_ = false;
        const QString name = QString::fromStdString(added.name);
        const QString role = QString::fromStdString(added.role);
        name_->clear();
        password_->clear();
        repeat_->clear();
        update_controls();
        show_message(role == QLatin1String("adjudicator") ? tr("Added %1 to the server as an adjudicator.").arg(name)
                                                          : tr("Added %1 to the server as a doctor.").arg(name),
                     false);
        emit reviewer_added(name, role);
        emit finished_adding();
      },
      [this](const QString& message) {
        adding_ = false;
        update_controls();
        show_message(tr("The reviewer was not added: %1").arg(message), true);
        emit finished_adding();
      });
  return true;
}

}  // namespace medlora::ui
