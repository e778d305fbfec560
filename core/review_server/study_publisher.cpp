#include "core/review_server/study_publisher.h"

#include <QJsonObject>
#include <QVariant>

#include <map>
#include <set>

#include "core/io/json_util.h"
#include "core/review_server/server_schema.h"
#include "core/store/review_audit.h"
#include "core/store/store_error.h"
#include "core/store/transaction.h"
#include "core/store/workspace.h"

namespace medlora::review_server {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }
std::string s(const QVariant& value) { return value.toString().toStdString(); }

struct LocalAssignment {
  int64_t id = 0;
  int64_t answer_id = 0;
  std::string reviewer;
  int position = 0;
  std::string status;
};

struct LocalStudy {
  std::string name;
  std::vector<std::pair<int64_t, std::string>> questions;  // id, text
  struct Answer {
    int64_t id, question_id;
    std::string code, text;
  };
  std::vector<Answer> answers;
  std::vector<LocalAssignment> assignments;
};

LocalStudy read_local_study(store::Workspace& ws, int64_t study_id) {
  LocalStudy study;
  auto head = ws.prepare("SELECT name, status FROM studies WHERE id = ?");
  head.addBindValue(qint64(study_id));
  ws.exec(head);
  if (!head.next()) throw store::StoreError("no study with id " + std::to_string(study_id));
  study.name = s(head.value(0));
  if (s(head.value(1)) != "open") throw store::StoreError("study " + study.name + " is closed: publish an open study");

  auto questions = ws.prepare("SELECT id, question FROM study_questions WHERE study_id = ? ORDER BY id");
  questions.addBindValue(qint64(study_id));
  ws.exec(questions);
  while (questions.next()) study.questions.emplace_back(questions.value(0).toLongLong(), s(questions.value(1)));

  auto answers = ws.prepare(
      "SELECT an.id, an.question_id, sy.code, an.text FROM study_answers an JOIN study_systems sy ON sy.id = an.system_id "
      "WHERE an.study_id = ? ORDER BY an.id");
  answers.addBindValue(qint64(study_id));
  ws.exec(answers);
  while (answers.next())
    study.answers.push_back({answers.value(0).toLongLong(), answers.value(1).toLongLong(), s(answers.value(2)),
                             s(answers.value(3))});

  auto assignments = ws.prepare(
      "SELECT a.id, a.answer_id, r.name, a.position, a.status FROM study_assignments a JOIN reviewers r ON "
      "r.id = a.reviewer_id WHERE a.study_id = ? ORDER BY a.id");
  assignments.addBindValue(qint64(study_id));
  ws.exec(assignments);
  while (assignments.next())
    study.assignments.push_back({assignments.value(0).toLongLong(), assignments.value(1).toLongLong(),
                                 s(assignments.value(2)), assignments.value(3).toInt(), s(assignments.value(4))});
  if (study.assignments.empty())
    throw store::StoreError("study " + study.name + " has no assignments yet: assign reviewers before publishing");
  for (const auto& a : study.assignments)
    if (a.status != "pending")
      throw store::StoreError("study " + study.name +
                              " is being scored in the workspace already: publish a study nobody has started");
  return study;
}

void require_server_reviewers(ServerConnection& server, const std::set<std::string>& names) {
  std::string missing;
  auto find = server.prepare("SELECT count(*) FROM reviewers WHERE name = ?");
  for (const auto& name : names) {
    find.addBindValue(q(name));
    if (server.scalar(find).toInt() == 0) missing += (missing.empty() ? "" : ", ") + name;
  }
  if (!missing.empty())
    throw ServerError("not reviewers of this server: " + missing +
                          " (add them with `medlora review server add-reviewer` under the same names)",
                      false);
}

int64_t insert_returning_id(ServerConnection& server, QSqlQuery& query) { return server.scalar(query).toLongLong(); }

}  // namespace

PublishResult publish_study(store::Workspace& workspace, const store::ReviewerAccount& lead, int64_t study_id,
                            ServerConnection& server) {
  store::ReviewerAccounts(workspace).verify(lead, "lead");
  const LocalStudy study = read_local_study(workspace, study_id);
  std::set<std::string> names;
  for (const auto& a : study.assignments) names.insert(a.reviewer);
  server_info(server);  // an initialised server this role administers
  require_server_reviewers(server, names);

  auto taken = server.prepare("SELECT count(*) FROM studies WHERE name = ?");
  taken.addBindValue(q(study.name));
  if (server.scalar(taken).toInt() > 0)
    throw ServerError("a study named " + study.name + " is published on this server already", false);

  PublishResult result;
  ServerTransaction transaction(server);
  auto insert_study = server.prepare("INSERT INTO studies (name) VALUES (?) RETURNING id");
  insert_study.addBindValue(q(study.name));
  result.server_study_id = insert_returning_id(server, insert_study);

  std::map<int64_t, int64_t> question_ids, answer_ids;  // local -> server
  auto insert_question = server.prepare("INSERT INTO questions (study_id, question) VALUES (?, ?) RETURNING id");
  for (const auto& [id, text] : study.questions) {
    insert_question.addBindValue(qint64(result.server_study_id));
    insert_question.addBindValue(q(text));
    question_ids[id] = insert_returning_id(server, insert_question);
  }
  auto insert_answer =
      server.prepare("INSERT INTO answers (study_id, question_id, text) VALUES (?, ?, ?) RETURNING id");
  auto insert_code = server.prepare("INSERT INTO answer_codes (answer_id, code) VALUES (?, ?)");
  for (const auto& answer : study.answers) {
    insert_answer.addBindValue(qint64(result.server_study_id));
    insert_answer.addBindValue(qint64(question_ids.at(answer.question_id)));
    insert_answer.addBindValue(q(answer.text));
    answer_ids[answer.id] = insert_returning_id(server, insert_answer);
    insert_code.addBindValue(qint64(answer_ids[answer.id]));
    insert_code.addBindValue(q(answer.code));
    server.exec(insert_code);
  }
  // In the workspace's id order, which is reviewer by reviewer in their own order: a server id
  // says no more about the system than a local one.
  auto insert_assignment = server.prepare(
      "INSERT INTO assignments (study_id, answer_id, reviewer, position) VALUES (?, ?, ?, ?) RETURNING id");
  auto insert_link = server.prepare("INSERT INTO assignment_links (assignment_id, local_assignment_id) VALUES (?, ?)");
  for (const auto& a : study.assignments) {
    insert_assignment.addBindValue(qint64(result.server_study_id));
    insert_assignment.addBindValue(qint64(answer_ids.at(a.answer_id)));
    insert_assignment.addBindValue(q(a.reviewer));
    insert_assignment.addBindValue(a.position);
    const int64_t server_id = insert_returning_id(server, insert_assignment);
    insert_link.addBindValue(qint64(server_id));
    insert_link.addBindValue(qint64(a.id));
    server.exec(insert_link);
  }
  auto audit = server.prepare("INSERT INTO audit (action, study_id, target, detail) VALUES ('publish', ?, ?, ?)");
  audit.addBindValue(qint64(result.server_study_id));
  audit.addBindValue(q("study " + std::to_string(result.server_study_id)));
  audit.addBindValue(io::json::compact_text(QJsonObject{{"by", q(lead.name())}}));
  server.exec(audit);

  result.questions = static_cast<int>(study.questions.size());
  result.answers = static_cast<int>(study.answers.size());
  result.assignments = static_cast<int>(study.assignments.size());
  result.reviewers.assign(names.begin(), names.end());

  // The server commits first: a failure after it leaves a published study the workspace does
  // not yet mention, which a second publish reports as published already.
  transaction.commit();
  store::Transaction local(workspace);
  store::append_audit(workspace, lead.id(), lead.name(), "publish", study_id, "study " + std::to_string(study_id),
                      QJsonObject{{"server", q(server.address().label())},
                                  {"server_study_id", qint64(result.server_study_id)}});
  local.commit();
  return result;
}

ServerStudyProgress server_progress(ServerConnection& lead, const std::string& study_name) {
  auto head = lead.prepare("SELECT id, status, " + ServerConnection::utc_text("published_at") +
                           " FROM studies WHERE name = ?");
  head.addBindValue(q(study_name));
  lead.exec(head);
  if (!head.next()) throw ServerError("no study named " + study_name + " on this server", false);
  ServerStudyProgress progress;
  progress.server_study_id = head.value(0).toLongLong();
  progress.name = study_name;
  progress.status = s(head.value(1));
  progress.published_at = s(head.value(2));
  auto counts = lead.prepare(R"(
      SELECT reviewer, count(*), count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'draft'),
             count(*) FILTER (WHERE status = 'submitted'), count(*) FILTER (WHERE status = 'skipped')
      FROM assignments WHERE study_id = ? GROUP BY reviewer ORDER BY reviewer)");
  counts.addBindValue(qint64(progress.server_study_id));
  lead.exec(counts);
  while (counts.next())
    progress.reviewers.push_back({s(counts.value(0)), counts.value(1).toInt(), counts.value(2).toInt(),
                                  counts.value(3).toInt(), counts.value(4).toInt(), counts.value(5).toInt()});
  return progress;
}

void close_server_study(ServerConnection& lead, const std::string& study_name) {
  ServerTransaction transaction(lead);
  auto close = lead.prepare(
      "UPDATE studies SET status = 'closed', closed_at = clock_timestamp() WHERE name = ? AND status = 'open' RETURNING id");
  close.addBindValue(q(study_name));
  lead.exec(close);
  if (!close.next()) throw ServerError("no open study named " + study_name + " on this server", false);
  auto audit = lead.prepare("INSERT INTO audit (action, study_id, target) VALUES ('close', ?, ?)");
  audit.addBindValue(close.value(0));
  audit.addBindValue(q("study " + close.value(0).toString().toStdString()));
  lead.exec(audit);
  transaction.commit();
}

}  // namespace medlora::review_server
