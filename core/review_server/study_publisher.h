#pragma once
// The lead's side of a server study: publish a study of the local workspace to the review server,
// follow its progress there, and close it there. Pulling the scores back is study_pull.h.
//
// What goes to the server: the study's name, its questions (text only), its answers (text, and
// in a lead-only table the code S1.. each has), and its assignments (reviewer, position in that
// reviewer's order, and in a lead-only table the workspace's assignment id). What never does: a
// system's name, kind or metadata, reference answers, question items, the order seed.
#include <cstdint>
#include <string>
#include <vector>

#include "core/review_server/server_connection.h"
#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"

namespace medlora::store {
class Workspace;
}

namespace medlora::review_server {

struct PublishResult {
  int64_t server_study_id = 0;
  int questions = 0;
  int answers = 0;
  int assignments = 0;
  std::vector<std::string> reviewers;  // by name
};

// Publishes the open, assigned, not yet scored study `study_id` of `workspace` (the signed-in
// `lead` must be a lead there) in one server transaction, and records it in the workspace's
// audit log ("publish"). The study's reviewers must be reviewers of the server under the same
// names (add-reviewer). Throws store::StoreError for a local problem (closed, unassigned, scored
// locally already), ServerError for a server one (a reviewer missing there, the study's name
// published already).
PublishResult publish_study(store::Workspace& workspace, const store::ReviewerAccount& lead, int64_t study_id,
                            ServerConnection& server);

// Per-reviewer progress of a published study, as the lead's role sees it on the server (the same
// counts as store::ReviewStudyRepository::progress for a local study).
struct ServerStudyProgress {
  int64_t server_study_id = 0;
  std::string name;
  std::string status;  // open | closed
  std::string published_at;
  std::vector<store::ReviewerProgress> reviewers;  // by name
};
ServerStudyProgress server_progress(ServerConnection& lead, const std::string& study_name);

// No more scoring on the server: reviewers' writes are then refused by the database. Audited.
void close_server_study(ServerConnection& lead, const std::string& study_name);

}  // namespace medlora::review_server
