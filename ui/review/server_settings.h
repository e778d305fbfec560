#pragma once
// Where the Review panel connects to a review server, remembered between sessions in the
// program's QSettings file. The password is kept only when the user asks for it, and then in the
// desktop's keyring (password_keyring.h), never in that file.
#include <QSettings>
#include <QString>
#include <QStringList>

#include <string>

#include "core/review_server/server_address.h"

namespace medlora::ui {

struct ServerSettings {
  QString host = QStringLiteral("localhost");
  int port = 5432;
  QString database;
  QString user;
  QString sslmode = QStringLiteral("prefer");
  bool remember_password = false;
  QString password;  // loaded only when remembered

  // The libpq address (std::invalid_argument naming what is wrong, as parse_server_url says).
  review_server::ServerAddress address() const;
};

// libpq's sslmode values, weakest first.
const QStringList& sslmode_values();

// `purpose` keeps a doctor's server and a lead's apart ("reviewer" | "lead").
ServerSettings load_server_settings(QSettings& store, const QString& purpose);
// Writes the settings, and the password to the keyring when remember_password (else any kept
// one is removed from it). Returns "" or, when the keyring refused, why the password was not
// remembered (the other fields are saved, with remember_password off).
QString save_server_settings(QSettings& store, const QString& purpose, const ServerSettings& settings);
// The keyring entry of these settings' password: purpose, user, host, port and database.
QString keyring_key(const QString& purpose, const ServerSettings& settings);

}  // namespace medlora::ui
