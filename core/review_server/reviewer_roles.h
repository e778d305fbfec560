#pragma once
// Reviewer accounts of a review server: each is a PostgreSQL LOGIN role (the name a doctor signs
// in with) in the server's reviewer group, plus a row in the lead-only `reviewers` table with
// the study role. Only the lead's role (CREATEROLE) adds them.
#include <string>
#include <vector>

#include "core/review_server/server_connection.h"

namespace medlora::review_server {

struct ServerReviewer {
  std::string name;
  std::string role;  // doctor | adjudicator
  std::string created_at;  // UTC ISO-8601
};

inline constexpr int kMinimumReviewerPasswordLength = 8;

// Creates the role with a SCRAM-SHA-256 verifier computed here (the password itself never reaches
// the server) and records it, with an audit entry, in one transaction. Throws
// std::invalid_argument for a name that is not 1-63 characters of letters, digits, '_', '-' or
// '.', a role other than doctor/adjudicator, or a password under 8 characters; ServerError when a
// PostgreSQL role of that name exists already (roles belong to the whole cluster).
ServerReviewer add_reviewer(ServerConnection& lead, const std::string& name, const std::string& password,
                            const std::string& role = "doctor");

std::vector<ServerReviewer> list_reviewers(ServerConnection& lead);  // by name

}  // namespace medlora::review_server
