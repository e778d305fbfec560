// medlora review publish | pull, and review status --server: the lead's side of a study on a
// review server. The lead signs in to the workspace with --as NAME ($MEDLORA_LEAD_PASSWORD) and to
// the server as the URL's role ($PGPASSWORD).
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include "app/cli/cli_command.h"
#include "app/cli/review_cli.h"
#include "app/cli/review_cli_session.h"
#include "app/cli/review_server_session.h"
#include "core/review_server/study_publisher.h"
#include "core/review_server/study_pull.h"
#include "core/store/review_study_repository.h"
#include "core/store/workspace.h"

namespace medlora::cli {
namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

const QString kSignInHelp = "The workspace's lead account; its password comes from $MEDLORA_LEAD_PASSWORD or a prompt.";

// --workspace, --as, --json, --study and --server; then the parsed arguments, or an exit code.
void add_lead_options(QCommandLineParser& parser, const QString& description) {
  parser.setApplicationDescription(description);
  review::add_session_options(parser, kSignInHelp);
  parser.addOption({"study", "The workspace's study (id or name); on the server it has the same name.", "ID|NAME"});
  review::add_server_option(parser, "the lead's");
}

// Signs in to the workspace first (cheaper to get wrong), then connects to the server.
template <class Action>
int with_lead(const QCommandLineParser& parser, const QString& sub_command, Action action) {
  return review::guarded(sub_command, [&] {
    review::server_address(parser);  // a malformed URL is reported before any password is asked
    if (!parser.isSet("study")) throw std::invalid_argument("--study ID|NAME is required");
    auto workspace = review::open_workspace(parser, false);
    const auto lead = review::sign_in(parser, *workspace, review::kLeadPasswordVariable);
    const int64_t study = store::resolve_study(*workspace, parser.value("study").toStdString());
    auto server = review::connect_server(parser);
    return action(*workspace, lead, study, *server);
  });
}

}  // namespace

int run_review_publish(const QStringList& args) {
  QCommandLineParser parser;
  add_lead_options(parser,
                   "Publish an open, assigned study that nobody has started to the review server: its questions, the\n"
                   "answers under their codes, the assignments and each reviewer's order. System names, kinds and\n"
                   "metadata stay in the workspace. The study's reviewers must be reviewers of the server under the\n"
                   "same names (medlora review server add-reviewer).");
  if (const auto done = parse_arguments(parser, args, "review publish")) return *done;
  return with_lead(parser, "publish", [&](store::Workspace& ws, const store::ReviewerAccount& lead, int64_t study,
                                          review_server::ServerConnection& server) {
    const auto published = review_server::publish_study(ws, lead, study, server);
    QJsonArray reviewers;
    for (const auto& name : published.reviewers) reviewers.append(qs(name));
    review::print_result(parser, {{"server", qs(server.address().label())},
                                  {"server_study_id", qint64(published.server_study_id)},
                                  {"questions", published.questions},
                                  {"answers", published.answers},
                                  {"assignments", published.assignments},
                                  {"reviewers", reviewers}});
    return 0;
  });
}

int run_review_pull(const QStringList& args) {
  QCommandLineParser parser;
  add_lead_options(parser,
                   "Pull a published study's scores, revisions, skips and audit entries from the review server into\n"
                   "the workspace's study; `review close` and `review report` then work as for a local study. A\n"
                   "second pull adds only what is new.");
  if (const auto done = parse_arguments(parser, args, "review pull")) return *done;
  return with_lead(parser, "pull", [&](store::Workspace& ws, const store::ReviewerAccount& lead, int64_t study,
                                       review_server::ServerConnection& server) {
    const auto pulled = review_server::pull_study(ws, lead, study, server);
    review::print_result(parser, {{"server", qs(server.address().label())},
                                  {"scores", pulled.scores},
                                  {"revisions", pulled.revisions},
                                  {"skips", pulled.skips},
                                  {"audit_entries", pulled.audit_entries},
                                  {"status_changes", pulled.status_changes}});
    return 0;
  });
}

int run_review_server_status(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription("Show a published study's progress per reviewer, as the review server has it.");
  parser.addHelpOption();
  parser.addOption({"json", "Print one JSON object."});
  parser.addOption({"study", "The published study's name.", "NAME"});
  review::add_server_option(parser, "the lead's");
  if (const auto done = parse_arguments(parser, args, "review status")) return *done;
  return review::guarded("status", [&] {
    const std::string study = review::study_name_option(parser);
    auto lead = review::connect_server(parser);
    const auto progress = review_server::server_progress(*lead, study);
    QJsonArray reviewers;
    for (const auto& reviewer : progress.reviewers)
      reviewers.append(QJsonObject{{"name", qs(reviewer.reviewer)},
                                   {"total", reviewer.total},
                                   {"pending", reviewer.pending},
                                   {"draft", reviewer.draft},
                                   {"submitted", reviewer.submitted},
                                   {"skipped", reviewer.skipped}});
    review::print_result(parser, {{"study", QJsonObject{{"name", qs(progress.name)},
                                                       {"status", qs(progress.status)},
                                                       {"published_at", qs(progress.published_at)},
                                                       {"server", qs(lead->address().label())},
                                                       {"server_study_id", qint64(progress.server_study_id)}}},
                                  {"reviewers", reviewers}});
    return 0;
  });
}

}  // namespace medlora::cli
