#pragma once
// The review server's one error type. `connection_lost()` tells a failure of the network or the
// server (worth retrying once it is back) from a refusal (a constraint, a privilege, a trigger's
// rule: retrying cannot help). The message is the server's own, made one line.
#include <stdexcept>
#include <string>

namespace medlora::review_server {

class ServerError : public std::runtime_error {
 public:
  ServerError(const std::string& message, bool connection_lost, std::string sqlstate = "")
      : std::runtime_error(message), connection_lost_(connection_lost), sqlstate_(std::move(sqlstate)) {}
  bool connection_lost() const { return connection_lost_; }
  // PostgreSQL's SQLSTATE ("23505" unique violation, "42501" no privilege ...), empty if unknown.
  const std::string& sqlstate() const { return sqlstate_; }

 private:
  bool connection_lost_;
  std::string sqlstate_;
};

}  // namespace medlora::review_server
