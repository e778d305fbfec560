#include "ui/serve/serve_key_dialogs.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace medlora::ui {

CreateKeyDialog::CreateKeyDialog(QWidget* parent)
    : QDialog(parent),
      name_label_(new QLabel(this)),
      rpm_label_(new QLabel(this)),
      tpm_label_(new QLabel(this)),
      name_(new QLineEdit(this)),
      rpm_(new QSpinBox(this)),
      tpm_(new QSpinBox(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
  setObjectName("create_key_dialog");
  name_->setObjectName("key_name");
  rpm_->setObjectName("key_rpm");
  tpm_->setObjectName("key_tpm");
  rpm_->setRange(0, 1000000);
  tpm_->setRange(0, 100000000);
  auto* form = new QFormLayout;
  form->addRow(name_label_, name_);
  form->addRow(rpm_label_, rpm_);
  form->addRow(tpm_label_, tpm_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons_);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  retranslate();
}

void CreateKeyDialog::retranslate() {
  setWindowTitle(tr("Create API key"));
  name_label_->setText(tr("Name:"));
  rpm_label_->setText(tr("Requests per minute:"));
  tpm_label_->setText(tr("Tokens per minute:"));
  rpm_->setSpecialValueText(tr("unlimited"));
  tpm_->setSpecialValueText(tr("unlimited"));
}

void CreateKeyDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QDialog::changeEvent(event);
}

NewKeyDialog::NewKeyDialog(const QString& name, const QString& key, QWidget* parent)
    : QDialog(parent),
      name_(name),
      explanation_(new QLabel(this)),
      key_(new QLineEdit(key, this)),
      copy_(new QPushButton(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Close, this)) {
  setObjectName("new_key_dialog");
  explanation_->setWordWrap(true);
  key_->setObjectName("new_key");
  key_->setReadOnly(true);
  key_->setMinimumWidth(key_->fontMetrics().horizontalAdvance(key) + 24);
  copy_->setObjectName("copy_key");
  auto* row = new QHBoxLayout;
  row->addWidget(key_, 1);
  row->addWidget(copy_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(explanation_);
  layout->addLayout(row);
  layout->addWidget(buttons_);
  connect(copy_, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(key_->text()); });
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  retranslate();
}

QString NewKeyDialog::key() const { return key_->text(); }

void NewKeyDialog::retranslate() {
  setWindowTitle(tr("New API key"));
  explanation_->setText(tr("The key \"%1\" is shown only now: only its hash is stored, so it cannot be read back. "
                           "Copy it into the client (Authorization: Bearer KEY).")
                            .arg(name_));
  copy_->setText(tr("Copy"));
}

void NewKeyDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QDialog::changeEvent(event);
}

}  // namespace medlora::ui
