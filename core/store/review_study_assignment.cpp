// ReviewStudyRepository, part 2: assigning reviewers, progress, closing, reveal and the audit log.
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "core/store/review_study_repository.h"
#include "core/store/review_types.h"
#include "core/store/seeded_shuffle.h"
#include "core/store/store_error.h"
#include "core/store/transaction.h"
#include "core/store/workspace.h"

namespace medlora::store {
namespace {

constexpr uint64_t kRotationPurpose = 2;
constexpr uint64_t kReviewerOrderPurpose = 3;

QString q(const std::string& text) { return QString::fromStdString(text); }
std::string s(const QVariant& value) { return value.toString().toStdString(); }

struct Reviewer {
  int64_t id = 0;
  std::string name;
};

std::vector<Reviewer> resolve_reviewers(Workspace& ws, const std::vector<std::string>& names) {
  std::vector<Reviewer> reviewers;
  std::set<std::string> seen;
  for (const std::string& name : names) {
    if (!seen.insert(name).second) throw StoreError("reviewer '" + name + "' is named twice");
    auto query = ws.prepare("SELECT id FROM reviewers WHERE name = ?");
    query.addBindValue(q(name));
    ws.exec(query);
    if (!query.next()) throw StoreError("no reviewer account named '" + name + "' (add it with medlora review account)");
    reviewers.push_back({query.value(0).toLongLong(), name});
  }
  // By account id, so that the same set gives the same rotation whatever order it was typed in.
  std::sort(reviewers.begin(), reviewers.end(), [](auto& a, auto& b) { return a.id < b.id; });
  return reviewers;
}

// question id -> its answer ids
std::map<int64_t, std::vector<int64_t>> answers_by_question(Workspace& ws, int64_t study_id) {
  auto query = ws.prepare("SELECT question_id, id FROM study_answers WHERE study_id = ? ORDER BY question_id, id");
  query.addBindValue(qint64(study_id));
  ws.exec(query);
  std::map<int64_t, std::vector<int64_t>> answers;
  while (query.next()) answers[query.value(0).toLongLong()].push_back(query.value(1).toLongLong());
  return answers;
}

}  // namespace

int ReviewStudyRepository::assign(const ReviewerAccount& lead, int64_t study_id,
                                  const std::vector<std::string>& reviewer_names, std::optional<int> overlap) {
  Transaction transaction(ws_);
  const StudySummary summary = study(lead, study_id);
  if (summary.status != "open") throw StoreError("study '" + summary.name + "' is closed");
  if (reviewer_names.empty()) throw std::invalid_argument("assign at least one reviewer");
  const auto reviewers = resolve_reviewers(ws_, reviewer_names);
  const int count = static_cast<int>(reviewers.size());
  const int per_question = overlap.value_or(count);
  if (per_question < 1 || per_question > count)
    throw std::invalid_argument("the overlap must be between 1 and the number of reviewers (" + std::to_string(count) + ")");

  auto started = ws_.prepare("SELECT count(*) FROM study_assignments WHERE study_id = ? AND status <> 'pending'");
  started.addBindValue(qint64(study_id));
  ws_.exec(started);
  if (started.next() && started.value(0).toLongLong() > 0)
    throw StoreError("reviewers of study '" + summary.name + "' have started scoring: it cannot be reassigned");
  const auto answers = answers_by_question(ws_, study_id);
  if (answers.empty()) throw StoreError("study '" + summary.name + "' has no answers to assign yet");
  auto clear = ws_.prepare("DELETE FROM study_assignments WHERE study_id = ?");
  clear.addBindValue(qint64(study_id));
  ws_.exec(clear);

  // Questions in a seeded order, dealt round-robin: question i goes to reviewers i*k .. i*k+k-1
  // (mod n), so every reviewer gets floor or ceil of questions*k/n questions.
  std::vector<int64_t> questions;
  for (const auto& [question, ids] : answers) questions.push_back(question);
  seeded_shuffle(questions, derived_seed(summary.order_seed, kRotationPurpose));
  std::map<int64_t, std::vector<int64_t>> answers_of_reviewer;
  for (size_t i = 0; i < questions.size(); ++i) {
    for (int j = 0; j < per_question; ++j) {
      const Reviewer& reviewer = reviewers[(i * per_question + j) % reviewers.size()];
      auto& list = answers_of_reviewer[reviewer.id];
      const auto& ids = answers.at(questions[i]);
      list.insert(list.end(), ids.begin(), ids.end());
    }
  }
  // Each reviewer's order: shuffled with the study seed and their account id, inserted in that
  // order so that assignment ids follow the reviewer's own order and leak nothing.
  const std::string now = Workspace::now_utc();
  int total = 0;
  QJsonArray names;
  for (const Reviewer& reviewer : reviewers) {
    names.append(q(reviewer.name));
    auto list = answers_of_reviewer[reviewer.id];
    std::sort(list.begin(), list.end());
    seeded_shuffle(list, derived_seed(summary.order_seed, kReviewerOrderPurpose, static_cast<uint64_t>(reviewer.id)));
    for (size_t position = 0; position < list.size(); ++position) {
      auto insert = ws_.prepare(
          "INSERT INTO study_assignments (study_id, answer_id, reviewer_id, position, status, updated_at) "
          "VALUES (?, ?, ?, ?, 'pending', ?)");
      insert.addBindValue(qint64(study_id));
      insert.addBindValue(qint64(list[position]));
      insert.addBindValue(qint64(reviewer.id));
      insert.addBindValue(static_cast<int>(position + 1));
      insert.addBindValue(q(now));
      ws_.exec(insert);
      ++total;
    }
  }
  auto update = ws_.prepare("UPDATE studies SET reviewers_per_answer = ? WHERE id = ?");
  update.addBindValue(per_question);
  update.addBindValue(qint64(study_id));
  ws_.exec(update);
  append_audit(ws_, lead.id(), lead.name(), "assign", study_id, "study " + std::to_string(study_id),
               QJsonObject{{"reviewers", names}, {"reviewers_per_answer", per_question}, {"assignments", total}});
  transaction.commit();
  return total;
}

StudyProgress ReviewStudyRepository::progress(const ReviewerAccount& lead, int64_t study_id) const {
  StudyProgress result{study(lead, study_id), {}};
  auto query = ws_.prepare(R"(
      SELECT r.name, count(*),
             sum(a.status = 'pending'), sum(a.status = 'draft'), sum(a.status = 'submitted'), sum(a.status = 'skipped')
      FROM study_assignments a JOIN reviewers r ON r.id = a.reviewer_id
      WHERE a.study_id = ? GROUP BY r.id ORDER BY r.name)");
  query.addBindValue(qint64(study_id));
  ws_.exec(query);
  while (query.next())
    result.reviewers.push_back({s(query.value(0)), query.value(1).toInt(), query.value(2).toInt(),
                                query.value(3).toInt(), query.value(4).toInt(), query.value(5).toInt()});
  return result;
}

void ReviewStudyRepository::close(const ReviewerAccount& lead, int64_t study_id, bool force) {
  Transaction transaction(ws_);
  const StudyProgress state = progress(lead, study_id);
  if (state.study.status != "open") throw StoreError("study '" + state.study.name + "' is closed already");
  int drafts = 0, pending = 0, submitted = 0, skipped = 0;
  std::string with_drafts;
  for (const ReviewerProgress& reviewer : state.reviewers) {
    drafts += reviewer.draft;
    pending += reviewer.pending;
    submitted += reviewer.submitted;
    skipped += reviewer.skipped;
    if (reviewer.draft > 0)
      with_drafts += (with_drafts.empty() ? "" : ", ") + reviewer.reviewer + " (" + std::to_string(reviewer.draft) + ")";
  }
  if (drafts > 0 && !force)
    throw StoreError("study '" + state.study.name + "' has " + std::to_string(drafts) +
                     " unsubmitted drafts: " + with_drafts +
                     "; ask them to submit, or close anyway (the drafts then stay unscored)");
  auto update = ws_.prepare("UPDATE studies SET status = 'closed', closed_at = ? WHERE id = ?");
  update.addBindValue(q(Workspace::now_utc()));
  update.addBindValue(qint64(study_id));
  ws_.exec(update);
  append_audit(ws_, lead.id(), lead.name(), "close", study_id, "study " + std::to_string(study_id),
               QJsonObject{{"forced", force}, {"drafts", drafts}, {"pending", pending},
                           {"submitted", submitted}, {"skipped", skipped}});
  transaction.commit();
}

std::vector<StudySystem> ReviewStudyRepository::reveal(const ReviewerAccount& lead, int64_t study_id) {
  Transaction transaction(ws_);
  const StudySummary summary = study(lead, study_id);
  if (summary.status != "closed")
    throw StoreError("study '" + summary.name + "' is open: systems are revealed only after it is closed");
  auto revealed = systems(lead, study_id);
  append_audit(ws_, lead.id(), lead.name(), "reveal", study_id, "study " + std::to_string(study_id),
               QJsonObject{{"via", "reveal"}});
  transaction.commit();
  return revealed;
}

std::vector<AuditEntry> ReviewStudyRepository::audit_log(const ReviewerAccount& lead, int64_t study_id) const {
  require_lead(lead);
  auto query = ws_.prepare(
      "SELECT id, user_name, action, study_id, target, at, detail FROM audit_log WHERE study_id = ? ORDER BY id");
  query.addBindValue(qint64(study_id));
  ws_.exec(query);
  std::vector<AuditEntry> entries;
  while (query.next())
    entries.push_back({query.value(0).toLongLong(), s(query.value(1)), s(query.value(2)), query.value(3).toLongLong(),
                       s(query.value(4)), s(query.value(5)), s(query.value(6))});
  return entries;
}

}  // namespace medlora::store
