// medlora review: blind review studies from the terminal. Dispatches to one function per
// sub-command (review_cli.h) so that each lives in its own file.
#include <QRegularExpression>

#include <cstdio>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/cli/cli_command.h"
#include "app/cli/review_cli.h"

namespace medlora::cli {
namespace {

struct ReviewSubcommand {
  const char* name;
  const char* summary;
  int (*run)(const QStringList&);
};

const std::vector<ReviewSubcommand>& review_subcommands() {
  static const std::vector<ReviewSubcommand> subcommands = {
      {"account", "add a reviewer account (doctor, lead or engineer)", run_review_account},
      {"create", "create a study from questions and answers", run_review_create},
      {"assign", "assign reviewers to a study", run_review_assign},
      {"status", "show a study's progress (--server: on a review server)", run_review_status},
      {"score", "score your queue in the terminal (--server: on a review server)", run_review_score},
      {"close", "close a study and reveal the systems to the lead", run_review_close},
      {"report", "write a closed study's report (pdf, html, csv, json)", run_review_report},
      {"stats", "agreement and summary statistics for any scores CSV", run_review_stats},
      {"server", "set up a PostgreSQL review server: init, add-reviewer, close", run_review_server},
      {"publish", "publish a study to a review server", run_review_publish},
      {"pull", "pull a server study's scores into the workspace", run_review_pull},
  };
  return subcommands;
}

void print_review_usage() {
  std::printf("usage: medlora review <sub-command> [options]   (medlora review <sub-command> --help)\n\n");
  for (const auto& sub : review_subcommands()) std::printf("  %-8s %s\n", sub.name, sub.summary);
}

int run_review(const QStringList& args) {
  if (args.size() < 2 || args[1] == "--help" || args[1] == "-h") {
    print_review_usage();
    return args.size() < 2 ? 2 : 0;
  }
  for (const auto& sub : review_subcommands()) {
    if (args[1] == QLatin1String(sub.name)) {
      QStringList rest = args.mid(2);
      rest.prepend("medlora review " + args[1]);
      // status and score against a review server instead of the workspace.
      const bool server = rest.contains("--server") || !rest.filter(QRegularExpression("^--server=")).isEmpty();
      if (server && args[1] == "status") return run_review_server_status(rest);
      if (server && args[1] == "score") return run_review_server_score(rest);
      return sub.run(rest);
    }
  }
  return fail("review", "unknown sub-command '" + args[1] + "' (medlora review --help lists them)");
}

const CliRegistration registration("review", "blind review studies: accounts, scoring, statistics, reports",
                                   run_review);

}  // namespace
}  // namespace medlora::cli
