#pragma once
// The lead pulls a published study's results from the review server into the workspace: every
// score revision, each assignment's state (submitted, skipped with its reason, draft, pending)
// and the server's audit entries. Afterwards the workspace's study is as if the doctors had
// scored it locally, so `review close`, `review report` and the analysis run unchanged; the
// blinding key (which system each code stands for) never left the workspace.
//
// Pulling again adds only what is new: a revision is known by (assignment, revision), an audit
// entry by its server id (kept in the local entry's detail as "server_audit_id").
#include <cstdint>

#include "core/review_server/server_connection.h"
#include "core/store/reviewer_accounts.h"

namespace medlora::store {
class Workspace;
}

namespace medlora::review_server {

struct PullResult {
  int scores = 0;          // new score rows: first scores and revisions
  int revisions = 0;       // of those, revisions (revision 2 and later)
  int skips = 0;           // assignments newly skipped
  int audit_entries = 0;   // new audit entries
  int status_changes = 0;  // assignments whose state changed
};

// One local transaction. Throws store::StoreError when the study is not the one published under
// its name (another workspace's: reviewers or codes differ) or `lead` is not a lead here;
// ServerError for the server (not published there, connection lost: nothing is written then).
PullResult pull_study(store::Workspace& workspace, const store::ReviewerAccount& lead, int64_t study_id,
                      ServerConnection& server);

}  // namespace medlora::review_server
