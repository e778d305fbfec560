#include "ui/review/server_settings.h"

#include "ui/review/password_keyring.h"

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
  if (settings.remember_password) {
    const KeyringRead kept = read_keyring_password(keyring_key(purpose, settings));
    settings.password = kept.password;  // empty when the keyring cannot be reached: typed again
  }
  return settings;
}

QString keyring_key(const QString& purpose, const ServerSettings& settings) {
  return QStringLiteral("%1/%2@%3:%4/%5")
      .arg(purpose, settings.user.trimmed(), settings.host.trimmed())
      .arg(settings.port)
      .arg(settings.database.trimmed());
}

QString save_server_settings(QSettings& store, const QString& purpose, const ServerSettings& settings) {
  // The keyring is asked only when a password is to be kept or one was kept before.
  QString refused;
  if (store.value(key(purpose, "remember_password"), false).toBool()) {
    ServerSettings before;
    before.host = store.value(key(purpose, "host")).toString();
    before.port = store.value(key(purpose, "port"), before.port).toInt();
    before.database = store.value(key(purpose, "database")).toString();
    before.user = store.value(key(purpose, "user")).toString();
    delete_keyring_password(keyring_key(purpose, before));
  }
  if (settings.remember_password) refused = write_keyring_password(keyring_key(purpose, settings), settings.password);
  store.setValue(key(purpose, "host"), settings.host.trimmed());
  store.setValue(key(purpose, "port"), settings.port);
  store.setValue(key(purpose, "database"), settings.database.trimmed());
  store.setValue(key(purpose, "user"), settings.user.trimmed());
  store.setValue(key(purpose, "sslmode"), settings.sslmode);
  store.setValue(key(purpose, "remember_password"), settings.remember_password && refused.isEmpty());
  store.remove(key(purpose, "password"));  // where earlier versions kept it in plain text
  store.sync();
  return refused;
}

}  // namespace medlora::ui
