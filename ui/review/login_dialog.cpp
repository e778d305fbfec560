#include "ui/review/login_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <stdexcept>

#include "core/store/store_error.h"
#include "core/store/workspace.h"

namespace medlora::ui {
namespace {

QLineEdit* password_field(QWidget* parent) {
  auto* edit = new QLineEdit(parent);
  edit->setEchoMode(QLineEdit::Password);
  // A password never leaves the field through the clipboard or an input method's history.
  edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
  return edit;
}

// PBKDF2 with 100,000 iterations takes a noticeable moment: say so with the cursor.
class BusyCursor {
 public:
  BusyCursor() { QGuiApplication::setOverrideCursor(Qt::WaitCursor); }
  ~BusyCursor() { QGuiApplication::restoreOverrideCursor(); }
  BusyCursor(const BusyCursor&) = delete;
  BusyCursor& operator=(const BusyCursor&) = delete;
};

}  // namespace

QString role_display_name(const std::string& role) {
  if (role == "doctor") return LoginDialog::tr("doctor");
  if (role == "lead") return LoginDialog::tr("study lead");
  if (role == "engineer") return LoginDialog::tr("engineer");
  return QString::fromStdString(role);
}

LoginDialog::LoginDialog(store::Workspace& workspace, QWidget* parent, const QString& required_role,
                         int pbkdf2_iterations)
    : QDialog(parent), workspace_(workspace), required_role_(required_role), iterations_(pbkdf2_iterations) {
  setWindowTitle(tr("Sign in to review"));
  setObjectName("loginDialog");

  pages_ = new QStackedWidget(this);

  // Page 0: sign in.
  auto* sign_in_page = new QWidget(pages_);
  auto* sign_in_form = new QFormLayout(sign_in_page);
  auto* sign_in_intro = new QLabel(tr("Sign in with your review account."), sign_in_page);
  sign_in_intro->setWordWrap(true);
  sign_in_form->addRow(sign_in_intro);
  name_ = new QLineEdit(sign_in_page);
  name_->setObjectName("loginName");
  password_ = password_field(sign_in_page);
  password_->setObjectName("loginPassword");
  sign_in_form->addRow(tr("&Name:"), name_);
  sign_in_form->addRow(tr("&Password:"), password_);
  pages_->addWidget(sign_in_page);

  // Page 1: the workspace has no account yet; the first one is the study lead.
  auto* create_page = new QWidget(pages_);
  auto* create_form = new QFormLayout(create_page);
  auto* create_intro = new QLabel(
      tr("This workspace has no review accounts yet. Create the first one: it is the study lead's "
         "account, which sets up studies and adds the doctors' accounts."),
      create_page);
  create_intro->setWordWrap(true);
  create_form->addRow(create_intro);
  new_name_ = new QLineEdit(create_page);
  new_name_->setObjectName("newLeadName");
  new_password_ = password_field(create_page);
  new_password_->setObjectName("newLeadPassword");
  new_password_->setToolTip(
      tr("At least %n characters.", nullptr, store::ReviewerAccounts::kMinimumPasswordLength));
  repeat_password_ = password_field(create_page);
  repeat_password_->setObjectName("newLeadRepeat");
  create_form->addRow(tr("&Name:"), new_name_);
  create_form->addRow(tr("&Password:"), new_password_);
  create_form->addRow(tr("&Repeat password:"), repeat_password_);
  pages_->addWidget(create_page);

  error_ = new QLabel(this);
  error_->setObjectName("loginError");
  error_->setWordWrap(true);
  error_->setStyleSheet("color: #b3261e;");
  error_->hide();

  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  // Enter anywhere in the dialog presses the default button, which checks before accepting.
  buttons_->button(QDialogButtonBox::Ok)->setDefault(true);
  connect(buttons_, &QDialogButtonBox::accepted, this, &LoginDialog::try_accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(pages_);
  layout->addWidget(error_);
  layout->addWidget(buttons_);

  const bool first = store::ReviewerAccounts(workspace_).empty();
  pages_->setCurrentIndex(first ? 1 : 0);
  buttons_->button(QDialogButtonBox::Ok)->setText(first ? tr("&Create lead account") : tr("&Sign in"));
  (first ? new_name_ : name_)->setFocus();
  setMinimumWidth(380);
}

bool LoginDialog::creating_first_lead() const { return pages_->currentIndex() == 1; }

void LoginDialog::show_error(const QString& message) {
  error_->setText(message);
  error_->setVisible(!message.isEmpty());
}

void LoginDialog::try_accept() {
  if (creating_first_lead())
    create_first_lead();
  else
    sign_in_with_password();
}

void LoginDialog::sign_in_with_password() {
  const QString name = name_->text().trimmed();
  if (name.isEmpty() || password_->text().isEmpty()) {
    show_error(tr("Enter your name and your password."));
    (name.isEmpty() ? name_ : password_)->setFocus();
    return;
  }
  std::optional<store::ReviewerAccount> account;
  try {
    BusyCursor busy;
    account = store::ReviewerAccounts(workspace_).authenticate(name.toStdString(), password_->text().toStdString());
  } catch (const std::exception& e) {
    show_error(tr("Could not check the password: %1").arg(QString::fromUtf8(e.what())));
    return;
  }
  password_->clear();
  if (!account) {
    // One message for an unknown name and a wrong password: which one is wrong is not told.
    show_error(tr("The name or the password is not right. Check both and try again."));
    password_->setFocus();
    return;
  }
  if (!required_role_.isEmpty() && QString::fromStdString(account->role()) != required_role_) {
    show_error(tr("This needs a %1 account; %2 is a %3.")
                   .arg(role_display_name(required_role_.toStdString()), name,
                        role_display_name(account->role())));
    name_->setFocus();
    name_->selectAll();
    return;
  }
  account_ = std::move(account);
  show_error({});
  accept();
}

void LoginDialog::create_first_lead() {
  const QString name = new_name_->text().trimmed();
  const QString password = new_password_->text();
  if (name.isEmpty()) {
    show_error(tr("Enter a name for the lead account."));
    new_name_->setFocus();
    return;
  }
  if (password.size() < store::ReviewerAccounts::kMinimumPasswordLength) {
    show_error(tr("The password needs at least %n characters.", nullptr,
                  store::ReviewerAccounts::kMinimumPasswordLength));
    new_password_->setFocus();
    return;
  }
  if (password != repeat_password_->text()) {
    show_error(tr("The two passwords differ. Type the same password twice."));
    repeat_password_->clear();
    repeat_password_->setFocus();
    return;
  }
  try {
    BusyCursor busy;
    account_ = store::ReviewerAccounts(workspace_, iterations_).create_first_lead(name.toStdString(),
                                                                                  password.toStdString());
  } catch (const std::invalid_argument& e) {
    show_error(tr("The account cannot be created: %1").arg(QString::fromUtf8(e.what())));
    return;
  } catch (const std::exception& e) {
    // Someone created an account meanwhile (another window or the CLI): sign in instead.
    show_error(tr("The account cannot be created: %1\nSign in instead.").arg(QString::fromUtf8(e.what())));
    pages_->setCurrentIndex(0);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Sign in"));
    name_->setFocus();
    return;
  }
  new_password_->clear();
  repeat_password_->clear();
  if (!required_role_.isEmpty() && required_role_ != "lead") {
    // The first account is always a lead; it cannot act where another role is needed.
    account_.reset();
    show_error(tr("The lead account %1 was created. This needs a %2 account: the lead adds it in the Review panel.")
                   .arg(name, role_display_name(required_role_.toStdString())));
    pages_->setCurrentIndex(0);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Sign in"));
    name_->setText(name);
    password_->setFocus();
    return;
  }
  created_first_lead_ = true;
  show_error({});
  accept();
}

std::optional<store::ReviewerAccount> sign_in(store::Workspace& workspace, QWidget* parent,
                                              const QString& required_role) {
  LoginDialog dialog(workspace, parent, required_role);
  if (dialog.exec() != QDialog::Accepted) return std::nullopt;
  return dialog.account();
}

}  // namespace medlora::ui
