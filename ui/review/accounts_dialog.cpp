#include "ui/review/accounts_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QVBoxLayout>

#include <exception>

namespace medlora::ui {

AccountsDialog::AccountsDialog(store::Workspace& workspace, const store::ReviewerAccount& lead, QWidget* parent,
                               int pbkdf2_iterations)
    : QDialog(parent),
      workspace_(workspace),
      lead_(lead),
      iterations_(pbkdf2_iterations),
      table_(new QTableWidget(0, 3, this)),
      name_(new QLineEdit(this)),
      role_(new QComboBox(this)),
      password_(new QLineEdit(this)),
      repeat_(new QLineEdit(this)),
      add_(new QPushButton(tr("&Add account"), this)),
      message_(new QLabel(this)) {
  setObjectName("accounts_dialog");
  setWindowTitle(tr("Reviewer accounts"));
  table_->setObjectName("accounts_table");
  table_->setHorizontalHeaderLabels({tr("Name"), tr("Role"), tr("Created")});
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  name_->setObjectName("account_name");
  role_->addItem(tr("Doctor (scores answers)"), QStringLiteral("doctor"));
  role_->addItem(tr("Lead (builds studies, reads the analysis)"), QStringLiteral("lead"));
  role_->addItem(tr("Engineer"), QStringLiteral("engineer"));
  for (QLineEdit* edit : {password_, repeat_}) edit->setEchoMode(QLineEdit::Password);
  password_->setToolTip(tr("At least %1 characters").arg(store::ReviewerAccounts::kMinimumPasswordLength));
  message_->setObjectName("accounts_message");
  message_->setWordWrap(true);
  add_->setEnabled(false);

  auto* form_box = new QGroupBox(tr("New account"), this);
  auto* form = new QFormLayout(form_box);
  form->addRow(tr("&Name"), name_);
  form->addRow(tr("&Role"), role_);
  form->addRow(tr("&Password"), password_);
  form->addRow(tr("Password a&gain"), repeat_);
  form->addRow(QString(), add_);
  auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(table_, 1);
  layout->addWidget(form_box);
  layout->addWidget(message_);
  layout->addWidget(close);
  resize(520, 480);

  for (QLineEdit* edit : {name_, password_, repeat_})
    connect(edit, &QLineEdit::textChanged, this, &AccountsDialog::update_controls);
  connect(add_, &QPushButton::clicked, this, &AccountsDialog::add_account);
  connect(close, &QDialogButtonBox::rejected, this, &AccountsDialog::reject);
  reload();
}

void AccountsDialog::reload() {
  const auto accounts = store::ReviewerAccounts(workspace_).list();
  table_->setRowCount(static_cast<int>(accounts.size()));
  for (int row = 0; row < table_->rowCount(); ++row) {
    const auto& account = accounts[static_cast<size_t>(row)];
    table_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(account.name)));
    table_->setItem(row, 1, new QTableWidgetItem(role_label(account.role)));
    table_->setItem(row, 2, new QTableWidgetItem(QString::fromStdString(account.created_at)));
  }
}

bool AccountsDialog::add_account() {
  if (password_->text() != repeat_->text()) {
    message_->setText(tr("The two passwords differ; type the same password twice."));
    return false;
  }
  const QString name = name_->text().trimmed();
  try {
    store::ReviewerAccounts(workspace_, iterations_)
        .create(lead_, name.toStdString(), role_->currentData().toString().toStdString(),
                password_->text().toStdString());
  } catch (const std::exception& e) {
    message_->setText(tr("The account was not added: %1").arg(QString::fromUtf8(e.what())));
    return false;
  }
  message_->setText(tr("Added %1 (%2).").arg(name, role_label(role_->currentData().toString().toStdString())));
  name_->clear();
  password_->clear();
  repeat_->clear();
  reload();
  emit account_added(name);
  return true;
}

QString AccountsDialog::role_label(const std::string& role) const {
  if (role == "doctor") return tr("Doctor");
  if (role == "lead") return tr("Lead");
  if (role == "engineer") return tr("Engineer");
  return QString::fromStdString(role);
}

void AccountsDialog::update_controls() {
  add_->setEnabled(!name_->text().trimmed().isEmpty() && !password_->text().isEmpty() &&
                   !repeat_->text().isEmpty());
}

}  // namespace medlora::ui
