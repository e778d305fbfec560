// ReviewStudyRepository, part 3: the data of a study's evaluation report.
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

#include <map>
#include <set>

#include "core/store/review_study_repository.h"
#include "core/store/review_types.h"
#include "core/store/store_error.h"
#include "core/store/transaction.h"
#include "core/store/workspace.h"

namespace medlora::store {
namespace {

std::string s(const QVariant& value) { return value.toString().toStdString(); }

// One assignment with its answer and, when submitted, its latest revision.
constexpr const char* kAssignmentsSql = R"(
  SELECT a.answer_id, q.item, q.question, sy.code, sy.name, r.name, an.text, a.status, a.skip_reason,
         sr.accuracy, sr.safety, sr.completeness, sr.readability, sr.harmful, sr.severity, sr.comment
  FROM study_assignments a
  JOIN study_answers an ON an.id = a.answer_id
  JOIN study_questions q ON q.id = an.question_id
  JOIN study_systems sy ON sy.id = an.system_id
  JOIN reviewers r ON r.id = a.reviewer_id
  LEFT JOIN score_revisions sr ON sr.assignment_id = a.id AND a.status = 'submitted'
       AND sr.revision = (SELECT max(revision) FROM score_revisions WHERE assignment_id = a.id)
  WHERE a.study_id = ?
  ORDER BY q.id, sy.code, r.name)";

}  // namespace

review::StudyReportData ReviewStudyRepository::report_data(const ReviewerAccount& lead, int64_t study_id) {
  Transaction transaction(ws_);
  const StudySummary summary = study(lead, study_id);
  const bool closed = summary.status == "closed";
  review::StudyReportData data;
  review::StudyDesign& design = data.design;
  design.name = summary.name;
  design.created_at = summary.created_at;
  design.closed_at = summary.closed_at;
  design.reviewers_per_answer = summary.reviewers_per_answer;
  design.questions = summary.questions;
  design.answers = summary.answers;
  design.assignments = summary.assignments;
  design.order_seed = summary.order_seed;
  for (const StudySystem& system : systems(lead, study_id)) design.systems.push_back({system.code, system.name});

  auto reviewers = ws_.prepare(
      "SELECT DISTINCT r.name FROM study_assignments a JOIN reviewers r ON r.id = a.reviewer_id "
      "WHERE a.study_id = ? ORDER BY r.name");
  reviewers.addBindValue(qint64(study_id));
  ws_.exec(reviewers);
  while (reviewers.next()) design.reviewers.push_back(s(reviewers.value(0)));

  auto query = ws_.prepare(kAssignmentsSql);
  query.addBindValue(qint64(study_id));
  ws_.exec(query);
  std::map<int64_t, review::FlaggedAnswer> answers;  // answer id -> the answer with its reviews
  std::set<int64_t> flagged;
  while (query.next()) {
    const int64_t answer_id = query.value(0).toLongLong();
    const std::string item = s(query.value(1));
    const std::string system = closed ? s(query.value(4)) : s(query.value(3));
    const std::string reviewer = s(query.value(5));
    const std::string status = s(query.value(7));
    if (status == kAssignmentSkipped) {
      design.exclusions.push_back({item, system, reviewer, s(query.value(8))});
      continue;
    }
    if (status != kAssignmentSubmitted) {
      if (closed) design.exclusions.push_back({item, system, reviewer, "", true});
      continue;
    }
    ++design.submitted;
    review::FlaggedAnswerReview review;
    review.reviewer = reviewer;
    for (size_t axis = 0; axis < kReviewAxes.size(); ++axis) {
      const double score = query.value(9 + static_cast<int>(axis)).toDouble();
      data.scores.ratings.push_back({item, system, reviewer, kReviewAxes[axis], score});
      review.scores[kReviewAxes[axis]] = score;
    }
    review.harmful = query.value(13).toInt() == 1;
    review.severity = query.value(14).toInt();
    review.comment = s(query.value(15));
    if (!review.comment.empty()) data.comments.push_back({item, system, reviewer, review.comment});
    data.scores.flags.push_back({item, system, reviewer, review.harmful, review.severity});
    auto [entry, inserted] = answers.try_emplace(answer_id);
    if (inserted) {
      entry->second.item = item;
      entry->second.question = s(query.value(2));
      entry->second.system = system;
      entry->second.answer = s(query.value(6));
    }
    if (review.harmful) flagged.insert(answer_id);
    entry->second.reviews.push_back(std::move(review));
  }
  for (const int64_t answer_id : flagged) data.flagged.push_back(std::move(answers.at(answer_id)));

  if (closed)
    append_audit(ws_, lead.id(), lead.name(), "reveal", study_id, "study " + std::to_string(study_id),
                 QJsonObject{{"via", "report"}});
  transaction.commit();
  return data;
}

}  // namespace medlora::store
