#pragma once
// What the `medlora review` sub-commands of the lead and the reviewer share: the workspace
// option, signing in, passwords without echo, and turning core's exceptions into one-line errors.
//
// Passwords never come from the command line (it shows in `ps` and shell history):
//   MEDLORA_LEAD_PASSWORD    the password of the --as account for account, create, assign,
//                            status and close;
//   MEDLORA_REVIEW_PASSWORD  the new account's password (account), or the reviewer's own (score).
// When the variable is unset and stdin is a terminal, the password is asked for without echo.
#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <functional>
#include <memory>
#include <string>

#include "core/store/reviewer_accounts.h"

namespace medlora::store {
class Workspace;
}

namespace medlora::cli::review {

inline constexpr const char* kLeadPasswordVariable = "MEDLORA_LEAD_PASSWORD";
inline constexpr const char* kReviewPasswordVariable = "MEDLORA_REVIEW_PASSWORD";

// Adds --help, --workspace, --json and --as.
void add_session_options(QCommandLineParser& parser, const QString& as_description);
// The --workspace file (or the default one). Only `create_if_missing` makes a new file.
std::unique_ptr<store::Workspace> open_workspace(const QCommandLineParser& parser, bool create_if_missing);
// $variable, else a no-echo prompt on the terminal; std::invalid_argument when neither is there.
// `confirm`: ask twice (for a new password) and require both to match.
std::string read_password(const char* variable, const std::string& prompt, bool confirm = false);
// Signs in --as with the password from `variable` (or the prompt). std::invalid_argument without
// --as; std::runtime_error "wrong name or password" on failure.
store::ReviewerAccount sign_in(const QCommandLineParser& parser, store::Workspace& workspace, const char* variable);
// Prints `result` as one JSON line (--json) or as "key: value" lines.
void print_result(const QCommandLineParser& parser, const QJsonObject& result);
// Runs `body`: std::invalid_argument -> "medlora review <sub>: message", exit 2; any other
// exception -> the same line, exit 1.
int guarded(const QString& sub_command, const std::function<int()>& body);
// A positive integer option, or `fallback` when unset; std::invalid_argument otherwise.
int positive_option(const QCommandLineParser& parser, const QString& name, int fallback);

}  // namespace medlora::cli::review
