#pragma once
// Signing in to a workspace's review accounts: name + password (no echo; Enter submits). A wrong
// name or password gets one message that does not say which of the two was wrong. When the
// workspace has no account yet, the dialog offers to create the first one, a lead (name and the
// password twice, at least ReviewerAccounts::kMinimumPasswordLength characters).
//
// The dialog only asks ReviewerAccounts; the ReviewerAccount it returns is the proof of identity
// the review classes take.
#include <QDialog>
#include <QString>

#include <optional>

#include "core/store/reviewer_accounts.h"

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace medlora::store {
class Workspace;
}

namespace medlora::ui {

class LoginDialog : public QDialog {
  Q_OBJECT

 public:
  // `required_role` (e.g. "lead"): a correct password of an account with another role is refused
  // with a message that says which role is needed. `pbkdf2_iterations` applies only to a first
  // lead account created here (tests pass fewer to stay fast).
  explicit LoginDialog(store::Workspace& workspace, QWidget* parent = nullptr, const QString& required_role = {},
                       int pbkdf2_iterations = store::ReviewerAccounts::kPbkdf2Iterations);

  // The signed-in (or newly created first lead) account once accept()ed.
  const std::optional<store::ReviewerAccount>& account() const { return account_; }

  // True while showing the "create the first lead account" page.
  bool creating_first_lead() const;
  // True once accept()ed with an account this dialog created (the workspace's first lead).
  bool created_first_lead() const { return created_first_lead_; }

  // Widgets, for tests and keyboard wiring.
  QLineEdit* name_edit() const { return name_; }
  QLineEdit* password_edit() const { return password_; }
  QLineEdit* new_name_edit() const { return new_name_; }
  QLineEdit* new_password_edit() const { return new_password_; }
  QLineEdit* repeat_password_edit() const { return repeat_password_; }
  QLabel* error_label() const { return error_; }

 public slots:
  // Checks the page's fields; on success stores the account and accept()s, otherwise shows why
  // inline (the dialog stays open).
  void try_accept();

 private:
  void sign_in_with_password();
  void create_first_lead();
  void show_error(const QString& message);

  store::Workspace& workspace_;
  QString required_role_;
  int iterations_;
  std::optional<store::ReviewerAccount> account_;
  bool created_first_lead_ = false;

  QStackedWidget* pages_;
  QLineEdit* name_;
  QLineEdit* password_;
  QLineEdit* new_name_;
  QLineEdit* new_password_;
  QLineEdit* repeat_password_;
  QLabel* error_;
  QDialogButtonBox* buttons_;
};

// "doctor", "lead", "engineer" as the user reads them (translated).
QString role_display_name(const std::string& role);

// Shows a LoginDialog (application-modal to `parent`) and returns the account on success,
// std::nullopt when cancelled. `required_role` empty: any role may sign in.
std::optional<store::ReviewerAccount> sign_in(store::Workspace& workspace, QWidget* parent,
                                              const QString& required_role = {});

}  // namespace medlora::ui
