// medlora review server init | add-reviewer | close: the lead sets up a PostgreSQL review server
// (see core/review_server/server_schema.h for what init creates and enforces).
#include <QCommandLineParser>
#include <QJsonObject>
#include <cstdio>

#include "app/cli/cli_command.h"
#include "app/cli/review_cli.h"
#include "app/cli/review_cli_session.h"
#include "app/cli/review_server_session.h"
#include "core/review_server/reviewer_roles.h"
#include "core/review_server/server_schema.h"
#include "core/review_server/study_publisher.h"

namespace medlora::cli {
namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

// --help, --json and --server for every `review server` action.
void add_options(QCommandLineParser& parser, const QString& description) {
  parser.setApplicationDescription(description);
  parser.addHelpOption();
  parser.addOption({"json", "Print one JSON object."});
  review::add_server_option(parser, "the lead's");
}

int run_init(const QStringList& args) {
  QCommandLineParser parser;
  add_options(parser,
              "Create the review server's schema, reviewer group role and row-level security policies in an empty\n"
              "database that the lead's PostgreSQL role owns (not a superuser; with CREATEROLE). Runs once.");
  if (const auto done = parse_arguments(parser, args, "review server init")) return *done;
  return review::guarded("server init", [&] {
    auto lead = review::connect_server(parser);
    const auto info = review_server::init_server(*lead);
    review::print_result(parser, {{"server", qs(lead->address().label())},
                                  {"schema_version", info.schema_version},
                                  {"lead_role", qs(info.lead_role)},
                                  {"reviewer_group", qs(info.reviewer_group)}});
    return 0;
  });
}

int run_add_reviewer(const QStringList& args) {
  QCommandLineParser parser;
  add_options(parser,
              "Add a reviewer to the review server: a PostgreSQL login role in the server's reviewer group. The\n"
              "new reviewer's password comes from $MEDLORA_REVIEW_PASSWORD, or is asked for twice without echo;\n"
              "only its SCRAM-SHA-256 verifier, made here, is sent to the server.");
  parser.addOptions({
      {"name", "The reviewer's sign-in name (letters, digits, _ - .), as in the workspace's study.", "NAME"},
      {"role", "doctor or adjudicator (default doctor).", "ROLE", "doctor"},
  });
  if (const auto done = parse_arguments(parser, args, "review server add-reviewer")) return *done;
  return review::guarded("server add-reviewer", [&] {
    if (!parser.isSet("name")) throw std::invalid_argument("--name NAME is required");
    auto lead = review::connect_server(parser);
    const std::string name = parser.value("name").toStdString();
    const std::string password =
        review::read_password(review::kReviewPasswordVariable, "Password for the new reviewer " + name + ": ", true);
    const auto added = review_server::add_reviewer(*lead, name, password, parser.value("role").toStdString());
    review::print_result(parser, {{"reviewer", qs(added.name)}, {"role", qs(added.role)}, {"created_at", qs(added.created_at)}});
    return 0;
  });
}

int run_close(const QStringList& args) {
  QCommandLineParser parser;
  add_options(parser,
              "Close a study on the review server: the database then refuses every further draft, score and skip.\n"
              "Pull it afterwards (medlora review pull) and close it in the workspace to reveal the systems.");
  parser.addOption({"study", "The published study's name.", "NAME"});
  if (const auto done = parse_arguments(parser, args, "review server close")) return *done;
  return review::guarded("server close", [&] {
    const std::string study = review::study_name_option(parser);
    auto lead = review::connect_server(parser);
    review_server::close_server_study(*lead, study);
    review::print_result(parser, {{"study", qs(study)}, {"status", "closed"}});
    return 0;
  });
}

void print_usage() {
  std::printf(
      "usage: medlora review server <action> --server postgresql://LEAD@HOST:PORT/DB [options]\n\n"
      "  init          create the schema, roles and policies in an empty database the lead owns\n"
      "  add-reviewer  add a reviewer's PostgreSQL role (--name NAME [--role doctor|adjudicator])\n"
      "  close         close a published study on the server (--study NAME)\n\n"
      "The lead's password comes from $PGPASSWORD or a prompt. medlora review server <action> --help\n");
}

}  // namespace

int run_review_server(const QStringList& args) {
  if (args.size() < 2 || args[1] == "--help" || args[1] == "-h") {
    print_usage();
    return args.size() < 2 ? 2 : 0;
  }
  QStringList rest = args.mid(2);
  rest.prepend("medlora review server " + args[1]);
  if (args[1] == "init") return run_init(rest);
  if (args[1] == "add-reviewer") return run_add_reviewer(rest);
  if (args[1] == "close") return run_close(rest);
  return fail("review server", "unknown action '" + args[1] + "' (init, add-reviewer, close)");
}

}  // namespace medlora::cli
