#include "app/cli/dataset_cli_support.h"

#include <QJsonArray>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "app/cli/cli_command.h"
#include "app/cli/workspace_option.h"
#include "core/io/json_util.h"
#include "core/store/dataset_transfer.h"
#include "core/store/workspace.h"
#include "core/store/workspace_location.h"

namespace medlora::cli::dataset {
namespace {

void print_value(const QString& key, const QJsonValue& value, int depth) {
  const QByteArray indent(depth * 2, ' ');
  if (value.isObject()) {
    std::printf("%s%s:\n", indent.constData(), qPrintable(key));
    const auto object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) print_value(it.key(), it.value(), depth + 1);
  } else if (value.isArray()) {
    const auto array = value.toArray();
    std::printf("%s%s: (%lld)\n", indent.constData(), qPrintable(key), static_cast<long long>(array.size()));
    for (const auto& item : array) {
      const std::string line = item.isObject()  ? io::json::compact(item.toObject())
                               : item.isArray() ? io::json::compact(item.toArray())
                                                : item.toVariant().toString().toStdString();
      std::printf("%s  - %s\n", indent.constData(), line.c_str());
    }
  } else {
    std::printf("%s%s: %s\n", indent.constData(), qPrintable(key), qPrintable(value.toVariant().toString()));
  }
}

}  // namespace

std::vector<SubCommand>& sub_commands() {
  static std::vector<SubCommand> commands;
  return commands;
}

void add_common_options(QCommandLineParser& parser, bool with_dataset) {
  parser.addHelpOption();
  parser.addOption({"workspace",
                    "The workspace file (created when missing; default: the workbench's, " +
                        QString::fromStdString(store::default_workspace_path().string()) + ").",
                    "W"});
  parser.addOption({"json", "Print one JSON object."});
  if (with_dataset) parser.addOption({"dataset", "Dataset id or name (see medlora dataset list).", "ID"});
}

std::unique_ptr<store::Workspace> open_workspace(const QCommandLineParser& parser) {
  return open_or_create_workspace(parser);
}

int64_t dataset_option(const QCommandLineParser& parser, store::Workspace& workspace) {
  if (!parser.isSet("dataset")) throw std::invalid_argument("--dataset ID is required");
  return store::resolve_dataset(workspace, parser.value("dataset").toStdString());
}

void print_result(const QCommandLineParser& parser, const QJsonObject& result) {
  if (parser.isSet("json")) {
    io::json::write_line(result);
    return;
  }
  for (auto it = result.begin(); it != result.end(); ++it) print_value(it.key(), it.value(), 0);
}

int guarded(const QString& sub_command, const std::function<int()>& body) {
  try {
    return body();
  } catch (const std::invalid_argument& e) {
    return fail("dataset " + sub_command, QString::fromUtf8(e.what()));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "medlora dataset %s: %s\n", qPrintable(sub_command), e.what());
    return 1;
  }
}

std::string editor_name(const QCommandLineParser& parser) {
  if (parser.isSet("editor")) return parser.value("editor").toStdString();
  if (const char* user = std::getenv("USER"); user && *user) return user;
  return "cli";
}

}  // namespace medlora::cli::dataset
