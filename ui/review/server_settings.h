#pragma once
// Where the Review panel connects to a review server, remembered between sessions in the
// program's QSettings file. The password is kept only when the user asks for it, and then in
// plain text in that file (no keyring is used), which is made readable by the user's account only.
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
// Writes the settings; the password only when remember_password (else any kept one is removed).
void save_server_settings(QSettings& store, const QString& purpose, const ServerSettings& settings);

}  // namespace medlora::ui
