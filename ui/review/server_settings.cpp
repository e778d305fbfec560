#include "ui/review/server_settings.h"

#include <QFile>

namespace medlora::ui {
namespace {

QString key(const QString& purpose, const char* name) {
  return QStringLiteral("review_server/%1/%2").arg(purpose, QString::fromLatin1(name));
}

}  // namespace

review_server::ServerAddress ServerSettings::address() const {
  review_server::ServerAddress address;
  address.user = user.trimmed().toStdString();
  address.host = host.trimmed().toStdString();
  address.port = port;
  address.database = database.trimmed().toStdString();
  address.options["sslmode"] = sslmode.toStdString();
  // Through the URL parser, so that the GUI accepts exactly what `--server` accepts.
  return review_server::parse_server_url(address.url());
}

const QStringList& sslmode_values() {
  static const QStringList values = {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"};
  return values;
}

ServerSettings load_server_settings(QSettings& store, const QString& purpose) {
  ServerSettings settings;
  settings.host = store.value(key(purpose, "host"), settings.host).toString();
  settings.port = store.value(key(purpose, "port"), settings.port).toInt();
  settings.database = store.value(key(purpose, "database")).toString();
  settings.user = store.value(key(purpose, "user")).toString();
  const QString sslmode = store.value(key(purpose, "sslmode"), settings.sslmode).toString();
  if (sslmode_values().contains(sslmode)) settings.sslmode = sslmode;
  settings.remember_password = store.value(key(purpose, "remember_password"), false).toBool();
  if (settings.remember_password) settings.password = store.value(key(purpose, "password")).toString();
  return settings;
}

void save_server_settings(QSettings& store, const QString& purpose, const ServerSettings& settings) {
  store.setValue(key(purpose, "host"), settings.host.trimmed());
  store.setValue(key(purpose, "port"), settings.port);
  store.setValue(key(purpose, "database"), settings.database.trimmed());
  store.setValue(key(purpose, "user"), settings.user.trimmed());
  store.setValue(key(purpose, "sslmode"), settings.sslmode);
  store.setValue(key(purpose, "remember_password"), settings.remember_password);
  if (settings.remember_password)
    store.setValue(key(purpose, "password"), settings.password);
  else
    store.remove(key(purpose, "password"));
  store.sync();
  // The file may now hold a password: readable and writable by this user only.
  if (settings.remember_password)
    QFile::setPermissions(store.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

}  // namespace medlora::ui
