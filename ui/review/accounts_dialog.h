#pragma once
// "Accounts…": the workspace's reviewer accounts (name, role, created) and a form for a lead to
// add a doctor, lead or engineer with a password typed twice. Passwords are hashed by the core
// (salted PBKDF2); nothing here keeps them after the account is made.
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>

#include <string>

#include "core/store/reviewer_accounts.h"
#include "core/store/workspace.h"

namespace medlora::ui {

class AccountsDialog : public QDialog {
  Q_OBJECT

 public:
  // `pbkdf2_iterations` applies to passwords set here (tests use fewer to stay fast).
  AccountsDialog(store::Workspace& workspace, const store::ReviewerAccount& lead, QWidget* parent = nullptr,
                 int pbkdf2_iterations = store::ReviewerAccounts::kPbkdf2Iterations);

  void reload();
  // Adds the account the form describes; false (and the reason in message_label()) when the
  // passwords differ or the core refuses (bad name, short password, taken name).
  bool add_account();

  QTableWidget* accounts_table() const { return table_; }
  QLineEdit* name_edit() const { return name_; }
  QComboBox* role_combo() const { return role_; }
  QLineEdit* password_edit() const { return password_; }
  QLineEdit* repeat_edit() const { return repeat_; }
  QPushButton* add_button() const { return add_; }
  QLabel* message_label() const { return message_; }

 signals:
  void account_added(const QString& name);

 private:
  void update_controls();
  QString role_label(const std::string& role) const;

  store::Workspace& workspace_;
  store::ReviewerAccount lead_;
  int iterations_;
  QTableWidget* table_;
  QLineEdit* name_;
  QComboBox* role_;
  QLineEdit* password_;
  QLineEdit* repeat_;
  QPushButton* add_;
  QLabel* message_;
};

}  // namespace medlora::ui
