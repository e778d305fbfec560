#pragma once
// What every `medlora dataset <sub-command>` shares: the workspace and dataset options, JSON or
// human-readable output, and turning core's exceptions into one-line errors.
#include <QCommandLineParser>
#include <QJsonObject>
#include <QStringList>
#include <functional>
#include <memory>
#include <string>

namespace medlora::store {
class Workspace;
}

namespace medlora::cli::dataset {

// Adds --workspace, --json and (when `with_dataset`) --dataset.
void add_common_options(QCommandLineParser& parser, bool with_dataset);
// Opens --workspace, or the default workspace (created when missing).
std::unique_ptr<store::Workspace> open_workspace(const QCommandLineParser& parser);
// The --dataset id or name, resolved in `workspace`.
int64_t dataset_option(const QCommandLineParser& parser, store::Workspace& workspace);
// Prints `result` as one JSON line (--json) or as indented "key: value" lines.
void print_result(const QCommandLineParser& parser, const QJsonObject& result);
// Runs `body`, mapping exceptions to "medlora dataset <sub>: message" and exit status 1.
int guarded(const QString& sub_command, const std::function<int()>& body);
// Who a change is attributed to: --editor when set, else $USER, else "cli".
std::string editor_name(const QCommandLineParser& parser);

// One sub-command: name, summary, and its entry point (args[0] is "medlora dataset <name>").
struct SubCommand {
  QString name;
  QString summary;
  std::function<int(const QStringList&)> run;
};
std::vector<SubCommand>& sub_commands();
struct SubCommandRegistration {
  SubCommandRegistration(QString name, QString summary, std::function<int(const QStringList&)> run) {
    sub_commands().push_back({std::move(name), std::move(summary), std::move(run)});
  }
};

}  // namespace medlora::cli::dataset
