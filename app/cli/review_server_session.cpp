#include "app/cli/review_server_session.h"

#include <stdexcept>

#include "app/cli/review_cli_session.h"

namespace medlora::cli::review {

void add_server_option(QCommandLineParser& parser, const QString& role) {
  parser.addOption({"server",
                    "The review server, postgresql://USER@HOST:PORT/DB[?sslmode=require|verify-full|...]; USER is " +
                        role + " PostgreSQL role, whose password comes from $PGPASSWORD or a prompt.",
                    "URL"});
}

review_server::ServerAddress server_address(const QCommandLineParser& parser) {
  if (!parser.isSet("server")) throw std::invalid_argument("--server postgresql://USER@HOST:PORT/DB is required");
  return review_server::parse_server_url(parser.value("server").toStdString());
}

std::unique_ptr<review_server::ServerConnection> connect_server(const QCommandLineParser& parser) {
  auto address = server_address(parser);
  const std::string password = read_password(kServerPasswordVariable, "Password for " + address.label() + ": ");
  return std::make_unique<review_server::ServerConnection>(std::move(address), password);
}

std::string study_name_option(const QCommandLineParser& parser) {
  if (!parser.isSet("study") || parser.value("study").trimmed().isEmpty())
    throw std::invalid_argument("--study NAME is required");
  return parser.value("study").toStdString();
}

}  // namespace medlora::cli::review
