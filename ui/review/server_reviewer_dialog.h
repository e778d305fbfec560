#pragma once
// "Add reviewer" on a review server, for the study lead: the reviewer's sign-in name, their role
// (doctor or adjudicator) and a password typed twice, never shown. Add runs on a thread of its own
// with a connection of its own (review_server::add_reviewer: only a SCRAM verifier made here
// reaches the server); a refusal is shown in one line and the dialog stays open; success clears
// the fields (the password is then forgotten) and says who was added, so several can be added.
#include <QDialog>
#include <QString>

#include <string>

#include "core/review_server/server_address.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace medlora::ui {

class ServerReviewerDialog : public QDialog {
  Q_OBJECT

 public:
  // Connects as `address` with `password` (the lead's) for each reviewer added.
  ServerReviewerDialog(review_server::ServerAddress address, std::string password, QWidget* parent = nullptr);

  // Checks the form, then adds the reviewer off the GUI thread; false when the form is refused
  // here (differing passwords, too short, no name) or a job is running.
  bool add_reviewer();
  bool adding() const { return adding_; }

  QLineEdit* name_edit() const { return name_; }
  QComboBox* role_combo() const { return role_; }
  QLineEdit* password_edit() const { return password_; }
  QLineEdit* repeat_edit() const { return repeat_; }
  QPushButton* add_button() const { return add_; }
  QLabel* message_label() const { return message_; }

 signals:
  void reviewer_added(const QString& name, const QString& role);
  // After every attempt that reached the server, added or refused (tests wait on it).
  void finished_adding();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void update_controls();
  void show_message(const QString& text, bool error);
  QString role_label(const QString& role) const;

  review_server::ServerAddress address_;
  std::string lead_password_;
  bool adding_ = false;
  QLabel* intro_;
  QLabel* name_label_;
  QLabel* role_label_;
  QLabel* password_label_;
  QLabel* repeat_label_;
  QLineEdit* name_;
  QComboBox* role_;
  QLineEdit* password_;
  QLineEdit* repeat_;
  QPushButton* add_;
  QLabel* message_;
  QDialogButtonBox* buttons_;
};

}  // namespace medlora::ui
