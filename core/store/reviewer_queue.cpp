#include "core/store/reviewer_queue.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

#include <stdexcept>

#include "core/store/review_audit.h"
#include "core/store/score_draft_json.h"
#include "core/store/store_error.h"
#include "core/store/transaction.h"
#include "core/store/workspace.h"

namespace medlora::store {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }
std::string s(const QVariant& value) { return value.toString().toStdString(); }

}  // namespace

void require_reason(const std::string& reason, const char* refusal) {
  if (QString::fromStdString(reason).trimmed().isEmpty()) throw std::invalid_argument(refusal);
}

void validate_scores(const ScoreEntry& scores, bool draft) {
  for (size_t i = 0; i < kReviewAxes.size(); ++i) {
    const auto& value = scores.axis(i);
    if (!value) {
      if (draft) continue;
      throw std::invalid_argument(std::string("give a ") + kReviewAxes[i] + " score (1-5)");
    }
    if (*value < 1 || *value > 5)
      throw std::invalid_argument(std::string(kReviewAxes[i]) + " is scored 1-5, not " + std::to_string(*value));
  }
  if (scores.harmful && (scores.severity < 1 || scores.severity > 3) && !(draft && scores.severity == 0))
    throw std::invalid_argument("a harmful answer needs a severity: 1 minor, 2 moderate or 3 severe");
  if (!scores.harmful && scores.severity != 0)
    throw std::invalid_argument("a severity is given only for a harmful answer");
}

ReviewerQueue::ReviewerQueue(Workspace& workspace, const ReviewerAccount& reviewer, int64_t study_id)
    : ws_(workspace), reviewer_(reviewer), study_id_(study_id) {
  ReviewerAccounts(ws_).verify(reviewer_);
  auto query = ws_.prepare("SELECT count(*) FROM studies WHERE id = ?");
  query.addBindValue(qint64(study_id_));
  ws_.exec(query);
  if (!query.next() || query.value(0).toLongLong() == 0)
    throw StoreError("no study with id " + std::to_string(study_id_));
}

std::vector<ReviewerStudy> ReviewerQueue::studies_of(Workspace& workspace, const ReviewerAccount& reviewer) {
  ReviewerAccounts(workspace).verify(reviewer);
  auto query = workspace.prepare(R"(
      SELECT st.id, st.name, st.status, count(*), sum(a.status IN ('submitted', 'skipped'))
      FROM study_assignments a JOIN studies st ON st.id = a.study_id
      WHERE a.reviewer_id = ? GROUP BY st.id ORDER BY st.status = 'closed', st.id)");
  query.addBindValue(qint64(reviewer.id()));
  workspace.exec(query);
  std::vector<ReviewerStudy> studies;
  while (query.next())
    studies.push_back({query.value(0).toLongLong(), s(query.value(1)), s(query.value(2)) == "open",
                       query.value(3).toInt(), query.value(4).toInt()});
  return studies;
}

bool ReviewerQueue::study_open() const {
  auto query = ws_.prepare("SELECT status FROM studies WHERE id = ?");
  query.addBindValue(qint64(study_id_));
  ws_.exec(query);
  return query.next() && s(query.value(0)) == "open";
}

void ReviewerQueue::require_open() const {
  if (!study_open()) throw StoreError("this study is closed: scores can no longer change");
}

std::vector<QueueEntry> ReviewerQueue::queue() const {
  auto query = ws_.prepare(
      "SELECT id, position, status FROM study_assignments WHERE reviewer_id = ? AND study_id = ? ORDER BY position");
  query.addBindValue(qint64(reviewer_.id()));
  query.addBindValue(qint64(study_id_));
  ws_.exec(query);
  std::vector<QueueEntry> entries;
  while (query.next()) entries.push_back({query.value(0).toLongLong(), query.value(1).toInt(), s(query.value(2))});
  return entries;
}

std::optional<int64_t> ReviewerQueue::next_unscored() const {
  auto query = ws_.prepare(
      "SELECT id FROM study_assignments WHERE reviewer_id = ? AND study_id = ? AND status IN ('pending', 'draft') "
      "ORDER BY position LIMIT 1");
  query.addBindValue(qint64(reviewer_.id()));
  query.addBindValue(qint64(study_id_));
  ws_.exec(query);
  if (!query.next()) return std::nullopt;
  return query.value(0).toLongLong();
}

std::optional<ScreenItem> ReviewerQueue::load(int64_t assignment_id) const {
  // Only the question and the answer text: no join reaches study_systems.
  auto query = ws_.prepare(R"(
      SELECT a.position, a.status, a.skip_reason, q.question, an.text,
             (SELECT count(*) FROM study_assignments WHERE reviewer_id = a.reviewer_id AND study_id = a.study_id)
      FROM study_assignments a
      JOIN study_answers an ON an.id = a.answer_id
      JOIN study_questions q ON q.id = an.question_id
      WHERE a.id = ? AND a.reviewer_id = ? AND a.study_id = ?)");
  query.addBindValue(qint64(assignment_id));
  query.addBindValue(qint64(reviewer_.id()));
  query.addBindValue(qint64(study_id_));
  ws_.exec(query);
  if (!query.next()) return std::nullopt;
  ScreenItem item;
  item.assignment_id = assignment_id;
  item.position = query.value(0).toInt();
  item.status = s(query.value(1));
  item.skip_reason = s(query.value(2));
  item.question = s(query.value(3));
  item.answer = s(query.value(4));
  item.total = query.value(5).toInt();

  auto draft = ws_.prepare(
      "SELECT d.draft FROM score_drafts d JOIN study_assignments a ON a.id = d.assignment_id "
      "WHERE d.assignment_id = ? AND a.reviewer_id = ?");
  draft.addBindValue(qint64(assignment_id));
  draft.addBindValue(qint64(reviewer_.id()));
  ws_.exec(draft);
  if (draft.next()) item.draft = draft_from_json(draft.value(0).toString());

  auto latest = ws_.prepare(R"(
      SELECT sr.accuracy, sr.safety, sr.completeness, sr.readability, sr.harmful, sr.severity, sr.comment,
             sr.revision, sr.reason, sr.submitted_at
      FROM score_revisions sr JOIN study_assignments a ON a.id = sr.assignment_id
      WHERE sr.assignment_id = ? AND a.reviewer_id = ? AND sr.submitted_by = ?
      ORDER BY sr.revision DESC LIMIT 1)");
  latest.addBindValue(qint64(assignment_id));
  latest.addBindValue(qint64(reviewer_.id()));
  latest.addBindValue(qint64(reviewer_.id()));
  ws_.exec(latest);
  if (latest.next()) {
    SubmittedScore score;
    for (int i = 0; i < 4; ++i) score.scores.axis(static_cast<size_t>(i)) = latest.value(i).toInt();
    score.scores.harmful = latest.value(4).toInt() == 1;
    score.scores.severity = latest.value(5).toInt();
    score.scores.comment = s(latest.value(6));
    score.revision = latest.value(7).toInt();
    score.reason = s(latest.value(8));
    score.submitted_at = s(latest.value(9));
    item.latest = std::move(score);
  }
  return item;
}

QueueProgress ReviewerQueue::progress() const {
  auto query = ws_.prepare(R"(
      SELECT count(*), coalesce(sum(status = 'pending'), 0), coalesce(sum(status = 'draft'), 0),
             coalesce(sum(status = 'submitted'), 0), coalesce(sum(status = 'skipped'), 0)
      FROM study_assignments WHERE reviewer_id = ? AND study_id = ?)");
  query.addBindValue(qint64(reviewer_.id()));
  query.addBindValue(qint64(study_id_));
  ws_.exec(query);
  query.next();
  return {query.value(0).toInt(), query.value(1).toInt(), query.value(2).toInt(), query.value(3).toInt(),
          query.value(4).toInt()};
}

std::string ReviewerQueue::owned_status(int64_t assignment_id) const {
  auto query = ws_.prepare("SELECT status FROM study_assignments WHERE id = ? AND reviewer_id = ? AND study_id = ?");
  query.addBindValue(qint64(assignment_id));
  query.addBindValue(qint64(reviewer_.id()));
  query.addBindValue(qint64(study_id_));
  ws_.exec(query);
  if (!query.next()) throw StoreError("assignment " + std::to_string(assignment_id) + " is not in your queue");
  return s(query.value(0));
}

void ReviewerQueue::save_draft(int64_t assignment_id, const ScoreEntry& draft) {
  validate_scores(draft, /*draft=*/true);
  Transaction transaction(ws_);
  require_open();
  if (owned_status(assignment_id) == kAssignmentSubmitted)
    throw StoreError("this answer is submitted already: change it with a revision");
  auto save = ws_.prepare("INSERT OR REPLACE INTO score_drafts (assignment_id, draft, saved_at) VALUES (?, ?, ?)");
  save.addBindValue(qint64(assignment_id));
  save.addBindValue(draft_to_json(draft));
  save.addBindValue(q(Workspace::now_utc()));
  ws_.exec(save);
  auto status = ws_.prepare(
      "UPDATE study_assignments SET status = 'draft', skip_reason = '', updated_at = ? WHERE id = ? AND reviewer_id = ?");
  status.addBindValue(q(Workspace::now_utc()));
  status.addBindValue(qint64(assignment_id));
  status.addBindValue(qint64(reviewer_.id()));
  ws_.exec(status);
  transaction.commit();
}

int ReviewerQueue::insert_revision(int64_t assignment_id, const ScoreEntry& scores, const std::string& reason) {
  auto next = ws_.prepare(
      "SELECT coalesce(max(sr.revision), 0) + 1 FROM score_revisions sr JOIN study_assignments a "
      "ON a.id = sr.assignment_id WHERE sr.assignment_id = ? AND a.reviewer_id = ?");
  next.addBindValue(qint64(assignment_id));
  next.addBindValue(qint64(reviewer_.id()));
  ws_.exec(next);
  next.next();
  const int revision = next.value(0).toInt();
  auto insert = ws_.prepare(R"(
      INSERT INTO score_revisions (assignment_id, revision, accuracy, safety, completeness, readability, harmful,
                                   severity, comment, reason, submitted_by, submitted_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))");
  insert.addBindValue(qint64(assignment_id));
  insert.addBindValue(revision);
  for (size_t i = 0; i < kReviewAxes.size(); ++i) insert.addBindValue(*scores.axis(i));
  insert.addBindValue(scores.harmful ? 1 : 0);
  insert.addBindValue(scores.severity);
  insert.addBindValue(q(scores.comment));
  insert.addBindValue(q(reason));
  insert.addBindValue(qint64(reviewer_.id()));
  insert.addBindValue(q(Workspace::now_utc()));
  ws_.exec(insert);
  auto drop = ws_.prepare(
      "DELETE FROM score_drafts WHERE assignment_id IN (SELECT id FROM study_assignments WHERE id = ? AND reviewer_id = ?)");
  drop.addBindValue(qint64(assignment_id));
  drop.addBindValue(qint64(reviewer_.id()));
  ws_.exec(drop);
  auto status = ws_.prepare(
      "UPDATE study_assignments SET status = 'submitted', skip_reason = '', updated_at = ? WHERE id = ? AND reviewer_id = ?");
  status.addBindValue(q(Workspace::now_utc()));
  status.addBindValue(qint64(assignment_id));
  status.addBindValue(qint64(reviewer_.id()));
  ws_.exec(status);
  append_audit(ws_, reviewer_.id(), reviewer_.name(), revision == 1 ? "submit" : "revise", study_id_,
               "assignment " + std::to_string(assignment_id),
               QJsonObject{{"revision", revision}, {"reason", q(reason)}});
  return revision;
}

int ReviewerQueue::submit(int64_t assignment_id, const ScoreEntry& scores) {
  validate_scores(scores);
  Transaction transaction(ws_);
  require_open();
  if (owned_status(assignment_id) == kAssignmentSubmitted)
    throw StoreError("this answer is submitted already: change it with a revision and a reason");
  const int revision = insert_revision(assignment_id, scores, "");
  transaction.commit();
  return revision;
}

int ReviewerQueue::revise(int64_t assignment_id, const ScoreEntry& scores, const std::string& reason) {
  validate_scores(scores);
  require_reason(reason, "a revision needs a reason");
  Transaction transaction(ws_);
  require_open();
  if (owned_status(assignment_id) != kAssignmentSubmitted)
    throw StoreError("only a submitted answer can be revised; submit it first");
  const int revision = insert_revision(assignment_id, scores, reason);
  transaction.commit();
  return revision;
}

void ReviewerQueue::skip(int64_t assignment_id, const std::string& reason) {
  require_reason(reason, "skipping an answer needs a reason");
  Transaction transaction(ws_);
  require_open();
  if (owned_status(assignment_id) == kAssignmentSubmitted)
    throw StoreError("this answer is submitted already and cannot be skipped");
  auto update = ws_.prepare(
      "UPDATE study_assignments SET status = 'skipped', skip_reason = ?, updated_at = ? WHERE id = ? AND reviewer_id = ?");
  update.addBindValue(q(reason));
  update.addBindValue(q(Workspace::now_utc()));
  update.addBindValue(qint64(assignment_id));
  update.addBindValue(qint64(reviewer_.id()));
  ws_.exec(update);
  append_audit(ws_, reviewer_.id(), reviewer_.name(), "skip", study_id_, "assignment " + std::to_string(assignment_id),
               QJsonObject{{"reason", q(reason)}});
  transaction.commit();
}

}  // namespace medlora::store
