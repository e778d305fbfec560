#include "app/cli/review_cli_session.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <termios.h>
#include <unistd.h>

#include "app/cli/cli_command.h"
#include "app/cli/dataset_cli_support.h"
#include "app/cli/workspace_option.h"
#include "core/store/workspace.h"

namespace medlora::cli::review {
namespace {

// One line from the terminal with echo switched off (restored whatever happens).
std::string read_without_echo(const std::string& prompt) {
  std::fprintf(stderr, "%s", prompt.c_str());
  std::fflush(stderr);
  termios saved{};
  const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
  if (terminal) {
    termios silent = saved;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
  }
  std::string line;
  const bool got = static_cast<bool>(std::getline(std::cin, line));
  if (terminal) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  std::fprintf(stderr, "\n");
  if (!got) throw std::invalid_argument("no password given");
  return line;
}

}  // namespace

void add_session_options(QCommandLineParser& parser, const QString& as_description) {
  dataset::add_common_options(parser, false);
  parser.addOption({"as", as_description, "NAME"});
}

std::unique_ptr<store::Workspace> open_workspace(const QCommandLineParser& parser, bool create_if_missing) {
  const std::filesystem::path file = workspace_file_option(parser);
  if (!create_if_missing && !std::filesystem::exists(file))
    throw std::invalid_argument("no workspace at " + file.string() + " (give --workspace FILE)");
  return open_or_create_workspace(parser);
}

std::string read_password(const char* variable, const std::string& prompt, bool confirm) {
  if (const char* value = std::getenv(variable); value && *value) return value;
  if (!isatty(STDIN_FILENO))
    throw std::invalid_argument(std::string("set ") + variable + " or run in a terminal to be asked for the password");
  const std::string password = read_without_echo(prompt);
  if (confirm && read_without_echo("Repeat the password: ") != password)
    throw std::invalid_argument("the two passwords differ");
  return password;
}

store::ReviewerAccount sign_in(const QCommandLineParser& parser, store::Workspace& workspace, const char* variable) {
  if (!parser.isSet("as")) throw std::invalid_argument("--as NAME is required (the account you act as)");
  const std::string name = parser.value("as").toStdString();
  const std::string password = read_password(variable, "Password for " + name + ": ");
  auto account = store::ReviewerAccounts(workspace).authenticate(name, password);
  if (!account) throw std::runtime_error("wrong name or password for '" + name + "'");
  return *account;
}

void print_result(const QCommandLineParser& parser, const QJsonObject& result) { dataset::print_result(parser, result); }

int guarded(const QString& sub_command, const std::function<int()>& body) {
  try {
    return body();
  } catch (const std::invalid_argument& e) {
    return fail("review " + sub_command, QString::fromUtf8(e.what()));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "medlora review %s: %s\n", qPrintable(sub_command), e.what());
    return 1;
  }
}

int positive_option(const QCommandLineParser& parser, const QString& name, int fallback) {
  if (!parser.isSet(name)) return fallback;
  bool ok = false;
  const int value = parser.value(name).toInt(&ok);
  if (!ok || value < 1) throw std::invalid_argument("--" + name.toStdString() + " expects a positive integer");
  return value;
}

}  // namespace medlora::cli::review
