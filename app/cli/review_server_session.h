#pragma once
// What the review-server sub-commands share: the --server option and a connection to it.
//   --server postgresql://USER@HOST:PORT/DB[?sslmode=...]   the role to connect as is USER;
//   its password comes from $PGPASSWORD (libpq's own variable), else a no-echo prompt.
#include <QCommandLineParser>
#include <QString>

#include <memory>

#include "core/review_server/server_connection.h"

namespace medlora::cli::review {

inline constexpr const char* kServerPasswordVariable = "PGPASSWORD";

// Adds --server with a help text that says whose role the URL names (`role`: "the lead's", ...).
void add_server_option(QCommandLineParser& parser, const QString& role);
// The parsed --server URL; std::invalid_argument when missing or malformed.
review_server::ServerAddress server_address(const QCommandLineParser& parser);
// Connects as the URL's user with $PGPASSWORD or a prompt.
std::unique_ptr<review_server::ServerConnection> connect_server(const QCommandLineParser& parser);
// --study as given (server studies are named, as they are published).
std::string study_name_option(const QCommandLineParser& parser);

}  // namespace medlora::cli::review
