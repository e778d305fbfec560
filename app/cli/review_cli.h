#pragma once
// `medlora review <sub-command>`: each sub-command is one function in its own file;
// command_review.cpp only dispatches. `args` are as for any CliCommand, with argv[0] as
// "medlora review <sub-command>".
#include <QStringList>

namespace medlora::cli {

int run_review_create(const QStringList& args);   // review_admin_cli.cpp
int run_review_assign(const QStringList& args);   // review_admin_cli.cpp
int run_review_status(const QStringList& args);   // review_admin_cli.cpp
int run_review_close(const QStringList& args);    // review_admin_cli.cpp
int run_review_account(const QStringList& args);  // review_admin_cli.cpp (add a reviewer account)
int run_review_score(const QStringList& args);    // review_score_cli.cpp (a terminal reviewer)
int run_review_report(const QStringList& args);   // review_report_cli.cpp
int run_review_stats(const QStringList& args);    // review_stats_cli.cpp

}  // namespace medlora::cli
