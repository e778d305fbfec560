// medlora: the command-line face of MedLoRA Workbench. Anything the GUI can do, this can do.
#include <QCoreApplication>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#ifdef MEDLORA_WITH_REPORT_RENDERER
#include <QApplication>
#endif

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

// Report charts are QCustomPlot widgets rendered to images, which needs a QApplication; every
// other command runs without a display. Without one, the report renders offscreen.
std::unique_ptr<QCoreApplication> make_application(int& argc, char** argv) {
#ifdef MEDLORA_WITH_REPORT_RENDERER
  const bool review_report = argc >= 3 && std::strcmp(argv[1], "review") == 0 && std::strcmp(argv[2], "report") == 0;
  if (review_report) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    const bool has_screen = (display && *display) || (wayland && *wayland);
    if (!has_screen && !std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 1);
    return std::make_unique<QApplication>(argc, argv);
  }
#endif
  return std::make_unique<QCoreApplication>(argc, argv);
}

}  // namespace

int main(int argc, char** argv) {
  medlora::runtime::ensure_openmp_environment(argc, argv);
  medlora::runtime::configure_allocator();
  const std::unique_ptr<QCoreApplication> app = make_application(argc, argv);
  QCoreApplication::setApplicationName("medlora");
  QCoreApplication::setOrganizationName("MedLoRA");
  QStringList args = QCoreApplication::arguments();
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
