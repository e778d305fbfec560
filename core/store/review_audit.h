#pragma once
// The review audit trail: every account creation, failed login, study change, submit, revision,
// skip, close and reveal, with who and when. Rows are append-only (SQL triggers refuse UPDATE and
// DELETE). Written inside the caller's Transaction so that an action and its entry commit together.
#include <QJsonObject>

#include <cstdint>
#include <optional>
#include <string>

namespace medlora::store {

class Workspace;

struct AuditEntry {
  int64_t id = 0;
  std::string user;    // account name (or the name tried, for a failed login)
  std::string action;  // account-create | login-failure | create | add-systems | add-answers |
                       // assign | submit | revise | skip | close | reveal
  std::optional<int64_t> study_id;
  std::string target;  // e.g. "assignment 17", "study 3"
  std::string at;      // UTC ISO-8601
  std::string detail;  // JSON object
};

void append_audit(Workspace& workspace, std::optional<int64_t> reviewer_id, const std::string& user,
                  const std::string& action, std::optional<int64_t> study_id, const std::string& target,
                  const QJsonObject& detail = {});

}  // namespace medlora::store
