#pragma once
// Whether anything accepts connections at a review server's host and port: a plain TCP connect
// (or a Unix-socket one, for a host that is a socket folder), no PostgreSQL protocol and no Qt,
// so it is safe on any thread. The Review panel asks it off the GUI thread before it lets a lost
// connection reconnect there: a reconnect to a host the network does not answer would otherwise
// hold the GUI for libpq's whole connect_timeout.
#include <chrono>

#include "core/review_server/server_address.h"

namespace medlora::review_server {

bool server_port_answers(const ServerAddress& address, std::chrono::milliseconds timeout);

}  // namespace medlora::review_server
