#pragma once
// "Connect to a review server": host, port, database, user name, password and sslmode (libpq's
// values), with "Remember the password on this computer", which says where and how it is kept.
// Connect signs in on a thread of its own (the GUI never waits for the network); a failure is
// shown in one line and the dialog stays open; success remembers the settings (the password only
// when ticked) and accepts. A reviewer's sign-in also lists their studies on the server.
#include <QDialog>
#include <QString>

#include <optional>
#include <string>
#include <vector>

#include "core/review_server/server_address.h"
#include "core/store/reviewer_queue.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QLineEdit;
class QSpinBox;

namespace medlora::ui {

struct ServerSettings;

// Who signs in: a doctor (their studies are listed) or the study lead (the server is only reached).
enum class ServerPurpose { Reviewer, Lead };

// A successful sign-in, for the caller to keep connecting with.
struct ServerLogin {
  review_server::ServerAddress address;
  std::string password;
  std::vector<store::ReviewerStudy> studies;  // a reviewer's, open ones first
};

// Connects (on the calling thread) and, for a reviewer, lists their studies; throws ServerError.
ServerLogin sign_in_to_server(const review_server::ServerAddress& address, const std::string& password,
                              ServerPurpose purpose);

class ServerConnectDialog : public QDialog {
  Q_OBJECT

 public:
  // Filled from the remembered settings of `purpose` (QSettings of the program).
  explicit ServerConnectDialog(ServerPurpose purpose, QWidget* parent = nullptr);

  // Checks the fields, then signs in off the GUI thread; accept() when it worked.
  void try_connect();
  bool connecting() const { return connecting_; }
  const std::optional<ServerLogin>& login() const { return login_; }

  QLineEdit* host_edit() const { return host_; }
  QSpinBox* port_spin() const { return port_; }
  QLineEdit* database_edit() const { return database_; }
  QLineEdit* user_edit() const { return user_; }
  QLineEdit* password_edit() const { return password_; }
  QComboBox* sslmode_combo() const { return sslmode_; }
  QCheckBox* remember_box() const { return remember_; }
  QLabel* error_label() const { return error_; }
  QPushButton* connect_button() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  ServerSettings settings_on_screen() const;
  void show_error(const QString& message);
  void finish(const ServerLogin& login);

  ServerPurpose purpose_;
  bool connecting_ = false;
  std::optional<ServerLogin> login_;
  QLabel* intro_;
  QLabel* host_label_;
  QLabel* port_label_;
  QLabel* database_label_;
  QLabel* user_label_;
  QLabel* password_label_;
  QLabel* sslmode_label_;
  QLineEdit* host_;
  QSpinBox* port_;
  QLineEdit* database_;
  QLineEdit* user_;
  QLineEdit* password_;
  QComboBox* sslmode_;
  QCheckBox* remember_;
  QLabel* remember_note_;
  QLabel* error_;
  QDialogButtonBox* buttons_;
};

// The settings key group of a purpose ("reviewer" | "lead").
QString server_purpose_key(ServerPurpose purpose);

}  // namespace medlora::ui
