#pragma once
// The review server's schema, roles and policies, created by `init` in an empty database that
// the lead's PostgreSQL role owns. Everything lives in the schema `medlora_review`.
//
// Roles: the lead's role (the one that ran init) owns every object and administers; reviewers
// are LOGIN roles in one NOLOGIN group role per database, "medlora_reviewers_<database oid>".
//
// Access, enforced by PostgreSQL itself (row-level security ENABLEd and FORCEd on every table, so
// that even the owning lead goes through a policy):
//   - a reviewer sees only their own assignments, drafts, scores and skips, and only the studies,
//     questions and answers of their own assignments; they write only drafts, scores and skips,
//     as themselves, on their own assignments of an open study;
//   - answer_codes (which code an answer has), assignment_links (the lead's local ids),
//     reviewers, server_info and audit have no privilege for reviewers at all;
//   - scores, skips and audit are append-only: triggers refuse UPDATE, DELETE and TRUNCATE for
//     every role, the owner included; a revision is a new score row with a reason;
//   - the audit trail of submit, revise and skip is written by the database (triggers), so a
//     reviewer can neither forge nor omit an entry.
// The server never holds a system's name, kind or metadata: only codes, in a lead-only table.
#include <string>
#include <vector>

#include "core/review_server/server_connection.h"

namespace medlora::review_server {

inline constexpr int kServerSchemaVersion = 1;
inline constexpr const char* kServerSchema = "medlora_review";

// What init found and made.
struct ServerInfo {
  int schema_version = 0;
  std::string lead_role;
  std::string reviewer_group;
};

// Creates schema, group role, tables, triggers and policies in one transaction. `lead` must be
// connected as the database's owner, a role that is not a superuser (a superuser bypasses
// row-level security) and has CREATEROLE. Throws ServerError when the database is not empty
// (any table, view or sequence outside the system schemas, e.g. a second init).
ServerInfo init_server(ServerConnection& lead);

// The schema version, lead role and group of an initialised server; ServerError naming the
// database when it was never initialised (or `connection` may not read it: a reviewer).
ServerInfo server_info(ServerConnection& connection);

}  // namespace medlora::review_server
