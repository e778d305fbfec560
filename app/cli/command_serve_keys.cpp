// medlora serve key create|list|revoke: the server's API keys in the workspace. A new key is
// printed once (only its SHA-256 is stored); list shows names, prefixes, limits and state.
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>
#include <stdexcept>

#include "app/cli/cli_command.h"
#include "app/cli/sampling_options.h"
#include "app/cli/serve_cli.h"
#include "app/cli/workspace_option.h"
#include "core/io/json_util.h"
#include "core/store/serve_keys.h"
#include "core/store/workspace.h"

namespace medlora::cli {
namespace {

const QString kName = "serve key";

QJsonObject key_json(const store::ServeKey& key) {
  return {{"name", QString::fromStdString(key.name)},
          {"prefix", QString::fromStdString(key.key_prefix)},
          {"rpm", static_cast<qint64>(key.requests_per_minute)},
          {"tpm", static_cast<qint64>(key.tokens_per_minute)},
          {"created_at", QString::fromStdString(key.created_at)},
          {"revoked_at", QString::fromStdString(key.revoked_at)}};
}

void print_line(const QJsonObject& object) { std::printf("%s\n", io::json::compact(object).c_str()); }

}  // namespace

int run_serve_keys(const QStringList& all_args) {
  const QString action = all_args.size() > 2 ? all_args[2] : QString();
  QStringList args = all_args.mid(2);
  if (args.isEmpty()) args << "";
  args[0] = "medlora serve key " + action;
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "API keys of medlora serve, kept in the workspace (hashed).\n"
      "  medlora serve key create --name NAME [--rpm N] [--tpm N]   prints the new key once\n"
      "  medlora serve key list                                      one JSON line per key\n"
      "  medlora serve key revoke --name NAME");
  parser.addHelpOption();
  parser.addOptions({
      {"workspace", "Workspace file (default: the workbench's).", "FILE"},
      {"name", "The key's name.", "NAME"},
      {"rpm", "Requests per minute (0 = unlimited, the default).", "N", "0"},
      {"tpm", "Prompt + completion tokens per minute (0 = unlimited, the default).", "N", "0"},
  });
  if (action == "--help" || action == "-h" || action.isEmpty()) {
    std::fputs(qPrintable(parser.helpText()), action.isEmpty() ? stderr : stdout);
    return action.isEmpty() ? fail(kName, "expected create, list or revoke") : 0;
  }
  if (const auto done = parse_arguments(parser, args, kName)) return *done;
  try {
    if (action != "create" && action != "list" && action != "revoke")
      throw std::invalid_argument("unknown action '" + action.toStdString() + "' (create, list, revoke)");
    if (action != "list" && !parser.isSet("name")) throw std::invalid_argument("--name NAME is required");
    const int rpm = parse_int(parser, "rpm"), tpm = parse_int(parser, "tpm");
    auto workspace = open_or_create_workspace(parser);
    store::ServeKeyRepository keys(*workspace);
    const std::string name = parser.value("name").toStdString();
    if (action == "create") {
      const auto created = keys.create(name, rpm, tpm);
      QJsonObject out = key_json(created.key);
      out["key"] = QString::fromStdString(created.secret);
      print_line(out);
    } else if (action == "list") {
      for (const auto& key : keys.list()) print_line(key_json(key));
    } else {
      keys.revoke(name);
      print_line({{"revoked", QString::fromStdString(name)}});
    }
    return 0;
  } catch (const std::exception& e) {
    return fail(kName, QString::fromUtf8(e.what()));
  }
}

}  // namespace medlora::cli
