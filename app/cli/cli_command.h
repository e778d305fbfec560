#pragma once
// The `medlora` command line: each sub-command lives in its own file and registers itself
// here with a static CliRegistration, so main() only dispatches.
#include <QCommandLineParser>
#include <QStringList>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace medlora::cli {

struct CliCommand {
  std::string name;
  std::string summary;
  // Receives the arguments after the sub-command name, with argv[0] as "medlora <name>".
  std::function<int(const QStringList& args)> run;
};

std::vector<CliCommand>& cli_commands();

struct CliRegistration {
  CliRegistration(std::string name, std::string summary, std::function<int(const QStringList&)> run) {
    cli_commands().push_back({std::move(name), std::move(summary), std::move(run)});
  }
};

// Prints "medlora <command>: <message>" on stderr and returns the exit code for a user error.
int fail(const QString& command, const QString& message);

// Parses a sub-command's arguments the same way for every command. Returns an exit code when
// the command is already done: 0 after printing --help, 2 after a one-line error for a bad
// flag or a stray positional argument. std::nullopt: carry on with the parsed options.
std::optional<int> parse_arguments(QCommandLineParser& parser, const QStringList& args, const QString& command);

}  // namespace medlora::cli
