#pragma once
// Where a review server is: a libpq connection URL,
//   postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=MODE&...]
// (postgres:// is accepted too). The password never goes into the URL: it comes from PGPASSWORD
// or a prompt, so that it shows neither in `ps` nor in saved settings.
#include <map>
#include <string>

namespace medlora::review_server {

struct ServerAddress {
  std::string user;
  std::string host;      // a name, an IPv4 address, or an IPv6 address without brackets
  int port = 5432;
  std::string database;
  // libpq options from the query string: sslmode (disable | allow | prefer | require | verify-ca |
  // verify-full), sslrootcert, sslcert, sslkey, connect_timeout, application_name.
  std::map<std::string, std::string> options;

  // The URL again, without a password (percent-encoded where needed).
  std::string url() const;
  // "user@host:port/database": for messages and outbox file names.
  std::string label() const;
  bool operator==(const ServerAddress&) const = default;
};

// Throws std::invalid_argument naming what is wrong: another scheme, no user, no host, no
// database, a password in the URL, a bad port, or an unknown or invalid option.
ServerAddress parse_server_url(const std::string& url);

}  // namespace medlora::review_server
