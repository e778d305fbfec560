#include "core/review_server/server_address.h"

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <set>
#include <stdexcept>

namespace medlora::review_server {
namespace {

const std::set<std::string>& known_options() {
  static const std::set<std::string> options = {"sslmode",         "sslrootcert", "sslcert", "sslkey",
                                                "connect_timeout", "application_name"};
  return options;
}

const std::set<std::string>& ssl_modes() {
  static const std::set<std::string> modes = {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"};
  return modes;
}

void check_option(const std::string& key, const std::string& value) {
  if (!known_options().count(key))
    throw std::invalid_argument("unknown server URL option '" + key +
                                "' (known: sslmode, sslrootcert, sslcert, sslkey, connect_timeout, application_name)");
  if (key == "sslmode" && !ssl_modes().count(value))
    throw std::invalid_argument("sslmode '" + value +
                                "' is not one of disable, allow, prefer, require, verify-ca, verify-full");
  if (key == "connect_timeout") {
    bool ok = false;
    const int seconds = QString::fromStdString(value).toInt(&ok);
    if (!ok || seconds < 0) throw std::invalid_argument("connect_timeout must be a whole number of seconds");
  }
}

}  // namespace

ServerAddress parse_server_url(const std::string& text) {
  const QString raw = QString::fromStdString(text).trimmed();
  if (!raw.startsWith("postgresql://") && !raw.startsWith("postgres://"))
    throw std::invalid_argument("a review server is a URL like postgresql://USER@HOST:PORT/DATABASE, not '" + text +
                                "'");
  const QUrl url(raw, QUrl::StrictMode);
  if (!url.isValid()) throw std::invalid_argument("'" + text + "' is not a valid URL: " + url.errorString().toStdString());
  if (!url.password().isEmpty())
    throw std::invalid_argument("do not put the password in the server URL: set PGPASSWORD or type it when asked");
  ServerAddress address;
  address.user = url.userName(QUrl::FullyDecoded).toStdString();
  address.host = url.host(QUrl::FullyDecoded).toStdString();
  address.database = url.path(QUrl::FullyDecoded).mid(1).toStdString();
  if (address.user.empty()) throw std::invalid_argument("the server URL names no user (postgresql://USER@HOST/DB)");
  if (address.host.empty()) throw std::invalid_argument("the server URL names no host (postgresql://USER@HOST/DB)");
  if (address.database.empty() || address.database.find('/') != std::string::npos)
    throw std::invalid_argument("the server URL names no database (postgresql://USER@HOST:PORT/DB)");
  if (url.port() == 0) throw std::invalid_argument("port 0 is not a server port");
  address.port = url.port(5432);
  for (const auto& [key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
    check_option(key.toStdString(), value.toStdString());
    address.options[key.toStdString()] = value.toStdString();
  }
  return address;
}

std::string ServerAddress::url() const {
  QUrl url;
  url.setScheme("postgresql");
  url.setUserName(QString::fromStdString(user));
  url.setHost(QString::fromStdString(host));
  url.setPort(port);
  url.setPath("/" + QString::fromStdString(database));
  QUrlQuery query;
  for (const auto& [key, value] : options) query.addQueryItem(QString::fromStdString(key), QString::fromStdString(value));
  if (!options.empty()) url.setQuery(query);
  return url.toString(QUrl::FullyEncoded).toStdString();
}

std::string ServerAddress::label() const {
  const bool ipv6 = host.find(':') != std::string::npos;
  return user + "@" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + "/" + database;
}

}  // namespace medlora::review_server
