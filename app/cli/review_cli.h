#pragma once
// `medlora review <sub-command>`: each sub-command is one function in its own file;
// command_review.cpp only dispatches. `args` are as for any CliCommand, with argv[0] as
// "medlora review <sub-command>".
#include <QStringList>

namespace medlora::store {
class ReviewQueue;
}

namespace medlora::cli {

int run_review_create(const QStringList& args);   // review_admin_cli.cpp
int run_review_assign(const QStringList& args);   // review_admin_cli.cpp
int run_review_status(const QStringList& args);   // review_admin_cli.cpp
int run_review_close(const QStringList& args);    // review_admin_cli.cpp
int run_review_account(const QStringList& args);  // review_admin_cli.cpp (add a reviewer account)
int run_review_score(const QStringList& args);    // review_score_cli.cpp (a terminal reviewer)
int run_review_report(const QStringList& args);   // review_report_cli.cpp
int run_review_stats(const QStringList& args);    // review_stats_cli.cpp
int run_review_server(const QStringList& args);   // review_server_cli.cpp (init, add-reviewer, close)
int run_review_publish(const QStringList& args);  // review_server_lead_cli.cpp
int run_review_pull(const QStringList& args);     // review_server_lead_cli.cpp
// `review status --server` and `review score --server`: review_server_lead_cli.cpp and
// review_server_score_cli.cpp; command_review.cpp sends a sub-command there when --server is given.
int run_review_server_status(const QStringList& args);
int run_review_server_score(const QStringList& args);
// The terminal reviewer's loop over any queue (local or server): review_score_cli.cpp.
int score_in_terminal(store::ReviewQueue& queue);

}  // namespace medlora::cli
