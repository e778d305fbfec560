#pragma once
// The `medlora` command line: each sub-command lives in its own file and registers itself
// here with a static CliRegistration, so main() only dispatches.
#include <QStringList>
#include <functional>
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

}  // namespace medlora::cli
