#include "core/review_server/server_probe.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace medlora::review_server {
namespace {

// Connects `fd` to `addr` without blocking past `timeout`; true when the peer accepted.
bool connect_within(int fd, const sockaddr* addr, socklen_t length, std::chrono::milliseconds timeout) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  if (connect(fd, addr, length) == 0) return true;
  if (errno != EINPROGRESS) return false;
  pollfd waiting{fd, POLLOUT, 0};
  if (poll(&waiting, 1, static_cast<int>(timeout.count())) != 1) return false;
  int error = 0;
  socklen_t size = sizeof error;
  return getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 && error == 0;
}

bool unix_socket_answers(const std::string& folder, int port, std::chrono::milliseconds timeout) {
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  const std::string path = folder + "/.s.PGSQL." + std::to_string(port);  // libpq's socket name
  if (path.size() >= sizeof addr.sun_path) return false;
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0) return false;
  const bool answered = connect_within(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr, timeout);
  close(fd);
  return answered;
}

}  // namespace

bool server_port_answers(const ServerAddress& address, std::chrono::milliseconds timeout) {
  // No host: libpq's default socket folder, as ServerConnection's URL leaves it.
  if (address.host.empty()) return unix_socket_answers("/var/run/postgresql", address.port, timeout);
  if (address.host.front() == '/') return unix_socket_answers(address.host, address.port, timeout);
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(address.host.c_str(), std::to_string(address.port).c_str(), &hints, &found) != 0) return false;
  bool answered = false;
  for (addrinfo* at = found; at && !answered; at = at->ai_next) {
    const int fd = socket(at->ai_family, at->ai_socktype, at->ai_protocol);
    if (fd < 0) continue;
    answered = connect_within(fd, at->ai_addr, at->ai_addrlen, timeout);
    close(fd);
  }
  freeaddrinfo(found);
  return answered;
}

}  // namespace medlora::review_server
