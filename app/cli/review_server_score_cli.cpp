// medlora review score --server: the terminal reviewer (review_score_cli.cpp's loop, unchanged)
// on a review server, connected as the URL's role. Unsent work waits in an outbox file and goes
// out when the server is back; each call keeps trying for --retry-for seconds.
#include <QCommandLineParser>

#include <chrono>
#include <cstdio>

#include "app/cli/cli_command.h"
#include "app/cli/review_cli.h"
#include "app/cli/review_cli_session.h"
#include "app/cli/review_server_session.h"
#include "core/review_server/server_review_queue.h"

namespace medlora::cli {
namespace {

std::string choose_study(const QCommandLineParser& parser, review_server::ServerConnection& server) {
  if (parser.isSet("study")) return review::study_name_option(parser);
  std::vector<std::string> open;
  for (const auto& study : review_server::ServerReviewQueue::studies_of(server))
    if (study.open) open.push_back(study.name);
  if (open.size() == 1) return open.front();
  if (open.empty()) throw std::invalid_argument("you have no open study to score on this server");
  std::string names;
  for (const auto& name : open) names += (names.empty() ? "" : ", ") + name;
  throw std::invalid_argument("you are in several open studies (" + names + "): choose one with --study");
}

}  // namespace

int run_review_server_score(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Score your queue of a study on a review server in the terminal, as `medlora review score` does for a\n"
      "workspace: four scores 1-5, harmful y/n (and a severity 1-3), a comment; \"s\" skips, \"q\" quits\n"
      "keeping a draft. You connect as the URL's user with $PGPASSWORD (or a prompt). What the server has\n"
      "not acknowledged waits in the outbox file and is sent first next time: nothing is stored twice.");
  parser.addHelpOption();
  review::add_server_option(parser, "your");
  parser.addOptions({
      {"study", "The study's name (default: your only open study).", "NAME"},
      {"outbox", "The outbox file (default: one per server, user and study in the user's data folder).", "FILE"},
      {"retry-for", "Seconds to keep reconnecting when the server is gone before giving up (default 60).", "S", "60"},
  });
  if (const auto done = parse_arguments(parser, args, "review score")) return *done;
  return review::guarded("score", [&] {
    bool ok = false;
    const int patience = parser.value("retry-for").toInt(&ok);
    if (!ok || patience < 0) throw std::invalid_argument("--retry-for expects a number of seconds");
    auto server = review::connect_server(parser);
    const std::string study = choose_study(parser, *server);
    const std::filesystem::path outbox_file =
        parser.isSet("outbox") ? std::filesystem::path(parser.value("outbox").toStdString())
                               : review_server::Outbox::default_path(server->address().label(), study);
    review_server::ServerReviewQueue queue(*server, study, review_server::Outbox(outbox_file),
                                           std::chrono::seconds(patience));
    return score_in_terminal(queue);
  });
}

}  // namespace medlora::cli
