// medlora: the command-line face of MedLoRA Workbench. Anything the GUI can do, this can do.
#include <QCoreApplication>
#include <algorithm>
#include <cstdio>

#include "app/cli/cli_command.h"
#include "core/runtime/process_environment.h"

namespace medlora::cli {

std::vector<CliCommand>& cli_commands() {
  static std::vector<CliCommand> commands;
  return commands;
}

int fail(const QString& command, const QString& message) {
  std::fprintf(stderr, "medlora %s: %s\n", qPrintable(command), qPrintable(message));
  return 2;
}

std::optional<int> parse_arguments(QCommandLineParser& parser, const QStringList& args, const QString& command) {
  const QString hint = " (see medlora " + command + " --help)";
  if (!parser.parse(args)) return fail(command, parser.errorText() + hint);
  if (parser.isSet("help")) {
    std::fputs(qPrintable(parser.helpText()), stdout);
    return 0;
  }
  if (!parser.positionalArguments().isEmpty())
    return fail(command, "unexpected argument '" + parser.positionalArguments().first() + "'" + hint);
  return std::nullopt;
}

}  // namespace medlora::cli

namespace {

void print_usage() {
  auto commands = medlora::cli::cli_commands();
  std::sort(commands.begin(), commands.end(), [](auto& a, auto& b) { return a.name < b.name; });
  std::printf("usage: medlora <command> [options]   (medlora <command> --help for its options)\n\ncommands:\n");
  for (const auto& c : commands) std::printf("  %-18s %s\n", c.name.c_str(), c.summary.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  medlora::runtime::ensure_openmp_environment(argc, argv);
  medlora::runtime::configure_allocator();
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName("medlora");
  QCoreApplication::setOrganizationName("MedLoRA");
  QStringList args = app.arguments();
  if (args.size() < 2 || args[1] == "--help" || args[1] == "-h" || args[1] == "help") {
    print_usage();
    return args.size() < 2 ? 2 : 0;
  }
  const QString name = args[1];
  for (const auto& command : medlora::cli::cli_commands()) {
    if (name.toStdString() == command.name) {
      QStringList sub = args.mid(2);
      sub.prepend(QStringLiteral("medlora ") + name);
      return command.run(sub);
    }
  }
  std::fprintf(stderr, "medlora: unknown command '%s' (medlora --help lists the commands)\n", qPrintable(name));
  return 2;
}
