#include "core/review_server/study_pull.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QVariant>

#include <map>
#include <set>

#include "core/io/json_util.h"
#include "core/store/review_audit.h"
#include "core/store/review_types.h"
#include "core/store/store_error.h"
#include "core/store/transaction.h"
#include "core/store/workspace.h"

namespace medlora::review_server {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }
std::string s(const QVariant& value) { return value.toString().toStdString(); }

struct LocalAssignment {
  std::string reviewer;
  int64_t reviewer_id = 0;
  std::string code;
  std::string status;
  std::string skip_reason;
};

struct ServerAssignment {
  int64_t local_id = 0;
  std::string reviewer;
  std::string code;
  std::string status;
  std::string skip_reason;
  std::string updated_at;
};

struct ServerScore {
  int64_t local_assignment = 0;
  int revision = 0;
  store::ScoreEntry scores;
  std::string reason;
  std::string submitted_at;
};

std::map<int64_t, LocalAssignment> local_assignments(store::Workspace& ws, int64_t study_id) {
  auto query = ws.prepare(R"(
      SELECT a.id, r.name, r.id, sy.code, a.status, a.skip_reason
      FROM study_assignments a JOIN reviewers r ON r.id = a.reviewer_id
      JOIN study_answers an ON an.id = a.answer_id JOIN study_systems sy ON sy.id = an.system_id
      WHERE a.study_id = ?)");
  query.addBindValue(qint64(study_id));
  ws.exec(query);
  std::map<int64_t, LocalAssignment> assignments;
  while (query.next())
    assignments[query.value(0).toLongLong()] = {s(query.value(1)), query.value(2).toLongLong(), s(query.value(3)),
                                               s(query.value(4)), s(query.value(5))};
  return assignments;
}

std::map<int64_t, ServerAssignment> server_assignments(ServerConnection& server, int64_t server_study) {
  auto query = server.prepare(
      "SELECT a.id, l.local_assignment_id, a.reviewer, c.code, a.status, a.skip_reason, " +
      ServerConnection::utc_text("a.updated_at") +
      " FROM assignments a JOIN assignment_links l ON l.assignment_id = a.id "
      "JOIN answer_codes c ON c.answer_id = a.answer_id WHERE a.study_id = ?");
  query.addBindValue(qint64(server_study));
  server.exec(query);
  std::map<int64_t, ServerAssignment> assignments;
  while (query.next())
    assignments[query.value(0).toLongLong()] = {query.value(1).toLongLong(), s(query.value(2)), s(query.value(3)),
                                               s(query.value(4)), s(query.value(5)), s(query.value(6))};
  return assignments;
}

std::vector<ServerScore> server_scores(ServerConnection& server, int64_t server_study) {
  auto query = server.prepare(
      "SELECT l.local_assignment_id, s.revision, s.accuracy, s.safety, s.completeness, s.readability, s.harmful, "
      "s.severity, s.comment, s.reason, " + ServerConnection::utc_text("s.submitted_at") +
      " FROM scores s JOIN assignments a ON a.id = s.assignment_id JOIN assignment_links l ON l.assignment_id = a.id "
      "WHERE a.study_id = ? ORDER BY s.id");
  query.addBindValue(qint64(server_study));
  server.exec(query);
  std::vector<ServerScore> scores;
  while (query.next()) {
    ServerScore score;
    score.local_assignment = query.value(0).toLongLong();
    score.revision = query.value(1).toInt();
    for (int i = 0; i < 4; ++i) score.scores.axis(static_cast<size_t>(i)) = query.value(2 + i).toInt();
    score.scores.harmful = query.value(6).toBool();
    score.scores.severity = query.value(7).toInt();
    score.scores.comment = s(query.value(8));
    score.reason = s(query.value(9));
    score.submitted_at = s(query.value(10));
    scores.push_back(std::move(score));
  }
  return scores;
}

// The study as published must be this workspace's: same assignments, reviewers and codes.
void require_same_study(const std::map<int64_t, LocalAssignment>& local,
                        const std::map<int64_t, ServerAssignment>& server, const std::string& name) {
  const std::string mismatch = "the study " + name + " on the server is not this workspace's study " + name + ": ";
  if (local.size() != server.size())
    throw store::StoreError(mismatch + std::to_string(server.size()) + " assignments there, " +
                            std::to_string(local.size()) + " here");
  for (const auto& [id, remote] : server) {
    const auto it = local.find(remote.local_id);
    if (it == local.end() || it->second.reviewer != remote.reviewer || it->second.code != remote.code)
      throw store::StoreError(mismatch + "assignment " + std::to_string(remote.local_id) + " differs");
  }
}

std::set<std::pair<int64_t, int>> local_revisions(store::Workspace& ws, int64_t study_id) {
  auto query = ws.prepare(
      "SELECT sr.assignment_id, sr.revision FROM score_revisions sr JOIN study_assignments a ON a.id = sr.assignment_id "
      "WHERE a.study_id = ?");
  query.addBindValue(qint64(study_id));
  ws.exec(query);
  std::set<std::pair<int64_t, int>> known;
  while (query.next()) known.emplace(query.value(0).toLongLong(), query.value(1).toInt());
  return known;
}

int64_t last_pulled_audit_id(store::Workspace& ws, int64_t study_id) {
  auto query = ws.prepare(
      "SELECT coalesce(max(CAST(json_extract(detail, '$.server_audit_id') AS INTEGER)), 0) FROM audit_log "
      "WHERE study_id = ?");
  query.addBindValue(qint64(study_id));
  ws.exec(query);
  query.next();
  return query.value(0).toLongLong();
}

void insert_revision(store::Workspace& ws, const ServerScore& score, int64_t reviewer_id) {
  auto insert = ws.prepare(R"(
      INSERT INTO score_revisions (assignment_id, revision, accuracy, safety, completeness, readability, harmful,
                                   severity, comment, reason, submitted_by, submitted_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))");
  insert.addBindValue(qint64(score.local_assignment));
  insert.addBindValue(score.revision);
  for (size_t i = 0; i < store::kReviewAxes.size(); ++i) insert.addBindValue(*score.scores.axis(i));
  insert.addBindValue(score.scores.harmful ? 1 : 0);
  insert.addBindValue(score.scores.severity);
  insert.addBindValue(q(score.scores.comment));
  insert.addBindValue(q(score.reason));
  insert.addBindValue(qint64(reviewer_id));
  insert.addBindValue(q(score.submitted_at));
  ws.exec(insert);
}

// Server audit entries into the local log, assignment targets renamed to the local ids.
int pull_audit(store::Workspace& ws, ServerConnection& server, int64_t study_id, int64_t server_study,
               const std::map<int64_t, ServerAssignment>& assignments,
               const std::map<int64_t, LocalAssignment>& local) {
  auto query = server.prepare("SELECT id, " + ServerConnection::utc_text("at") +
                              ", actor, action, target, detail::text FROM audit WHERE study_id = ? AND id > ? "
                              "ORDER BY id");
  query.addBindValue(qint64(server_study));
  query.addBindValue(qint64(last_pulled_audit_id(ws, study_id)));
  server.exec(query);
  auto insert = ws.prepare(
      "INSERT INTO audit_log (reviewer_id, user_name, action, study_id, target, at, detail) VALUES (?, ?, ?, ?, ?, ?, ?)");
  int pulled = 0;
  while (query.next()) {
    std::string target = s(query.value(4));
    QVariant reviewer_id(QMetaType(QMetaType::LongLong));
    const std::string prefix = "assignment ";
    if (target.rfind(prefix, 0) == 0) {
      const auto it = assignments.find(std::stoll(target.substr(prefix.size())));
      if (it != assignments.end()) {
        target = prefix + std::to_string(it->second.local_id);
        reviewer_id = qint64(local.at(it->second.local_id).reviewer_id);
      }
    }
    QJsonObject detail = io::json::object_or_empty(s(query.value(5)));
    detail.insert("server_audit_id", query.value(0).toLongLong());
    detail.insert("server", q(server.address().label()));
    insert.addBindValue(reviewer_id);
    insert.addBindValue(query.value(2).toString());
    insert.addBindValue(query.value(3).toString());
    insert.addBindValue(qint64(study_id));
    insert.addBindValue(q(target));
    insert.addBindValue(query.value(1).toString());
    insert.addBindValue(io::json::compact_text(detail));
    ws.exec(insert);
    ++pulled;
  }
  return pulled;
}

}  // namespace

PullResult pull_study(store::Workspace& workspace, const store::ReviewerAccount& lead, int64_t study_id,
                      ServerConnection& server) {
  store::ReviewerAccounts(workspace).verify(lead, "lead");
  auto name_query = workspace.prepare("SELECT name FROM studies WHERE id = ?");
  name_query.addBindValue(qint64(study_id));
  workspace.exec(name_query);
  if (!name_query.next()) throw store::StoreError("no study with id " + std::to_string(study_id));
  const std::string name = s(name_query.value(0));

  auto head = server.prepare("SELECT id FROM studies WHERE name = ?");
  head.addBindValue(q(name));
  server.exec(head);
  if (!head.next()) throw ServerError("study " + name + " is not published on " + server.address().label(), false);
  const int64_t server_study = head.value(0).toLongLong();

  // One snapshot of the server for everything read below.
  ServerTransaction snapshot(server);
  server.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
  const auto remote = server_assignments(server, server_study);
  auto local = local_assignments(workspace, study_id);
  require_same_study(local, remote, name);
  const auto scores = server_scores(server, server_study);

  PullResult result;
  store::Transaction transaction(workspace);
  const auto known = local_revisions(workspace, study_id);
  for (const auto& score : scores) {
    if (known.count({score.local_assignment, score.revision})) continue;
    insert_revision(workspace, score, local.at(score.local_assignment).reviewer_id);
    ++result.scores;
    if (score.revision > 1) ++result.revisions;
  }
  auto update = workspace.prepare("UPDATE study_assignments SET status = ?, skip_reason = ?, updated_at = ? WHERE id = ?");
  for (const auto& [id, assignment] : remote) {
    const LocalAssignment& mine = local.at(assignment.local_id);
    if (mine.status == assignment.status && mine.skip_reason == assignment.skip_reason) continue;
    update.addBindValue(q(assignment.status));
    update.addBindValue(q(assignment.skip_reason));
    update.addBindValue(q(assignment.updated_at));
    update.addBindValue(qint64(assignment.local_id));
    workspace.exec(update);
    ++result.status_changes;
    if (assignment.status == "skipped" && mine.status != "skipped") ++result.skips;
  }
  result.audit_entries = pull_audit(workspace, server, study_id, server_study, remote, local);
  store::append_audit(workspace, lead.id(), lead.name(), "pull", study_id, "study " + std::to_string(study_id),
                      QJsonObject{{"server", q(server.address().label())},
                                  {"scores", result.scores},
                                  {"revisions", result.revisions},
                                  {"skips", result.skips},
                                  {"audit_entries", result.audit_entries},
                                  {"status_changes", result.status_changes}});
  transaction.commit();
  snapshot.commit();
  return result;
}

}  // namespace medlora::review_server
