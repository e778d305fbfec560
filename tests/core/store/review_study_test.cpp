// The lead's side of a study: roles, blinded codes, answers from JSON lines, assignment with and
// without overlap, closing, reveal, the report data and the audit log.
#include <gtest/gtest.h>

#include <QFile>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "core/store/store_error.h"
#include "review_test_support.h"

namespace medlora::store {
namespace {

using ReviewStudyTest = testing::ReviewStudyFixture;
using testing::test_system_names;

std::map<std::string, std::string> code_of_system(Workspace& ws, int64_t study) {
  QSqlQuery query(ws.database());
  query.prepare("SELECT name, code FROM study_systems WHERE study_id = ?");
  query.addBindValue(qint64(study));
  EXPECT_TRUE(query.exec());
  std::map<std::string, std::string> codes;
  while (query.next()) codes[query.value(0).toString().toStdString()] = query.value(1).toString().toStdString();
  return codes;
}

// reviewer name -> answer ids in that reviewer's order
std::map<std::string, std::vector<int64_t>> orders(Workspace& ws, int64_t study) {
  QSqlQuery query(ws.database());
  query.prepare("SELECT r.name, a.answer_id FROM study_assignments a JOIN reviewers r ON r.id = a.reviewer_id "
                "WHERE a.study_id = ? ORDER BY r.name, a.position");
  query.addBindValue(qint64(study));
  EXPECT_TRUE(query.exec());
  std::map<std::string, std::vector<int64_t>> result;
  while (query.next()) result[query.value(0).toString().toStdString()].push_back(query.value(1).toLongLong());
  return result;
}

TEST_F(ReviewStudyTest, OnlyALeadRunsAStudy) {
  ReviewStudyRepository studies(*ws_);
  const ReviewerAccount& doctor = this->doctor("dr-a");
  EXPECT_THROW(studies.create_study(doctor, "mine"), StoreError);
  EXPECT_THROW(studies.add_answers(doctor, study_, testing::test_answers(1)), StoreError);
  EXPECT_THROW(studies.assign(doctor, study_, {"dr-a"}), StoreError);
  EXPECT_THROW(studies.progress(doctor, study_), StoreError);
  EXPECT_THROW(studies.report_data(doctor, study_), StoreError);
  EXPECT_THROW(studies.close(doctor, study_), StoreError);
  EXPECT_EQ(studies.study(*lead_, study_).status, "open");
}

TEST_F(ReviewStudyTest, CodesAreAShuffleReproducibleFromTheSeed) {
  const auto codes = code_of_system(*ws_, study_);
  std::set<std::string> distinct;
  for (const auto& [name, code] : codes) distinct.insert(code);
  EXPECT_EQ(distinct, (std::set<std::string>{"S1", "S2", "S3"}));

  // The same seed gives the same codes; across seeds S1 is not always the first system added.
  ReviewStudyRepository studies(*ws_);
  std::set<std::string> first_codes;
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    const int64_t other = studies.create_study(*lead_, "seed " + std::to_string(seed), "", 3, seed);
    studies.add_answers(*lead_, other, testing::test_answers(1));
    first_codes.insert(code_of_system(*ws_, other).at(test_system_names()[0]));
  }
  EXPECT_GT(first_codes.size(), 1u);
  const int64_t again = studies.create_study(*lead_, "same seed", "", 3, testing::kTestSeed);
  studies.add_answers(*lead_, again, testing::test_answers());
  EXPECT_EQ(code_of_system(*ws_, again), codes);

  // While open the lead's own views show codes only.
  for (const StudySystem& system : studies.systems(*lead_, study_)) {
    EXPECT_TRUE(system.name.empty());
    EXPECT_TRUE(system.kind.empty());
    EXPECT_EQ(system.metadata_json, "{}");
  }
  EXPECT_THROW(studies.reveal(*lead_, study_), StoreError);
}

TEST_F(ReviewStudyTest, AnswersImportFromJsonLinesWithTheReferenceAsASystem) {
  const std::string path = file("answers.jsonl");
  QFile out(QString::fromStdString(path));
  ASSERT_TRUE(out.open(QIODevice::WriteOnly));
  out.write(R"({"item": "q1", "question": "头痛怎么办？", "system": "base", "answer": "休息。", "reference": "多休息，必要时就医。"}
{"item": "q1", "question": "头痛怎么办？", "system": "lora-a", "answer": "多喝水。", "kind": "adapter", "metadata": {"rank": 16}}

{"question": "Is fever dangerous?", "system": "base", "answer": "Sometimes."}
{"question": "Is fever dangerous?", "system": "lora-a", "answer": "Above 39 C, see a doctor."}
)");
  out.close();
  ReviewStudyRepository studies(*ws_);
  const int64_t study = studies.create_study(*lead_, "imported", path);
  const AnswersAdded added = studies.import_answers_jsonl(*lead_, study, path, /*reference_as_system=*/true);
  EXPECT_EQ(added.questions, 2);
  EXPECT_EQ(added.systems, 3);  // base, lora-a, reference
  EXPECT_EQ(added.answers, 5);  // 4 + the one reference answer
  const StudySummary summary = studies.study(*lead_, study);
  EXPECT_EQ(summary.questions, 2);
  EXPECT_EQ(summary.answers, 5);

  // A bad line names file and line, and nothing of the file is kept.
  const std::string bad = file("bad.jsonl");
  QFile bad_out(QString::fromStdString(bad));
  ASSERT_TRUE(bad_out.open(QIODevice::WriteOnly));
  bad_out.write("{\"question\": \"q\", \"system\": \"x\", \"answer\": \"a\"}\n{\"question\": \"q\", \"system\": \"y\"}\n");
  bad_out.close();
  const int64_t second = studies.create_study(*lead_, "bad");
  try {
    studies.import_answers_jsonl(*lead_, second, bad);
    FAIL() << "a line without an answer was accepted";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.jsonl:2"), std::string::npos) << e.what();
  }
  EXPECT_EQ(studies.study(*lead_, second).answers, 0);

  std::vector<AnswerInput> twice = testing::test_answers(1);
  twice.push_back(twice.front());
  EXPECT_THROW(studies.add_answers(*lead_, second, twice), StoreError);
  EXPECT_EQ(studies.study(*lead_, second).questions, 0);
}

TEST_F(ReviewStudyTest, EveryReviewerGetsEveryAnswerInTheirOwnStableOrder) {
  assign_all();
  ReviewStudyRepository studies(*ws_);
  EXPECT_EQ(studies.study(*lead_, study_).assignments, 36);  // 3 reviewers x 12 answers
  const auto before = orders(*ws_, study_);
  ASSERT_EQ(before.size(), 3u);
  for (const auto& [name, order] : before) {
    EXPECT_EQ(order.size(), 12u);
    EXPECT_EQ(std::set<int64_t>(order.begin(), order.end()).size(), 12u);
  }
  EXPECT_NE(before.at("dr-a"), before.at("dr-b"));
  EXPECT_NE(before.at("dr-b"), before.at("dr-c"));

  const std::string path = ws_->path();
  ws_.reset();
  ws_ = std::make_unique<Workspace>(path);
  EXPECT_EQ(orders(*ws_, study_), before);
  // Reassigning before anyone started draws the same orders from the stored seed.
  ReviewStudyRepository(*ws_).assign(*lead_, study_, {"dr-c", "dr-a", "dr-b"});
  EXPECT_EQ(orders(*ws_, study_), before);
}

TEST_F(ReviewStudyTest, OverlapGivesEachQuestionThatManyReviewersWithBalancedLoads) {
  ReviewStudyRepository studies(*ws_);
  const int64_t big = studies.create_study(*lead_, "overlap", "", 2, 7);
  studies.add_answers(*lead_, big, testing::test_answers(10));
  EXPECT_THROW(studies.assign(*lead_, big, {"dr-a", "dr-b", "dr-c"}, 4), std::invalid_argument);
  EXPECT_THROW(studies.assign(*lead_, big, {"dr-a", "nobody"}, 1), StoreError);
  EXPECT_EQ(studies.assign(*lead_, big, {"dr-a", "dr-b", "dr-c"}, 2), 60);  // 30 answers x 2

  QSqlQuery query(ws_->database());
  query.prepare(R"(SELECT an.question_id, an.id, group_concat(a.reviewer_id, ',')
                   FROM study_answers an JOIN study_assignments a ON a.answer_id = an.id
                   WHERE an.study_id = ? GROUP BY an.id ORDER BY an.id)");
  query.addBindValue(qint64(big));
  ASSERT_TRUE(query.exec());
  std::map<int64_t, std::set<std::string>> reviewers_of_question;
  while (query.next()) {
    const auto ids = query.value(2).toString().split(',');
    EXPECT_EQ(ids.size(), 2);
    std::vector<std::string> sorted;
    for (const auto& id : ids) sorted.push_back(id.toStdString());
    std::sort(sorted.begin(), sorted.end());
    reviewers_of_question[query.value(0).toLongLong()].insert(sorted[0] + "," + sorted[1]);
  }
  EXPECT_EQ(reviewers_of_question.size(), 10u);
  for (const auto& [question, sets] : reviewers_of_question) EXPECT_EQ(sets.size(), 1u) << "same raters per question";
  std::vector<size_t> loads;
  for (const auto& [name, order] : orders(*ws_, big)) loads.push_back(order.size());
  ASSERT_EQ(loads.size(), 3u);
  const auto [low, high] = std::minmax_element(loads.begin(), loads.end());
  EXPECT_LE(*high - *low, 3u) << "loads differ by at most one question (3 answers)";
  EXPECT_EQ(studies.study(*lead_, big).reviewers_per_answer, 2);
}

TEST_F(ReviewStudyTest, AStartedStudyKeepsItsAnswersAndAssignments) {
  assign_all();
  ReviewStudyRepository studies(*ws_);
  EXPECT_THROW(studies.add_answers(*lead_, study_, testing::test_answers(5)), StoreError);
  EXPECT_THROW(studies.add_systems(*lead_, study_, {{"late-system", "adapter", "{}"}}), StoreError);
  auto queue = queue_of("dr-a");
  queue.submit(*queue.next_unscored(), scores(4, 4, 4, 4));
  EXPECT_THROW(studies.assign(*lead_, study_, {"dr-a", "dr-b"}), StoreError);
  EXPECT_EQ(studies.study(*lead_, study_).assignments, 36);
}

TEST_F(ReviewStudyTest, ClosingWaitsForDraftsUnlessForcedAndStopsScoring) {
  assign_all();
  auto a = queue_of("dr-a");
  const int64_t first = *a.next_unscored();
  a.submit(first, scores(5, 4, 3, 2));
  ScoreEntry partial;
  partial.accuracy = 3;
  a.save_draft(*a.next_unscored(), partial);

  ReviewStudyRepository studies(*ws_);
  const StudyProgress progress = studies.progress(*lead_, study_);
  ASSERT_EQ(progress.reviewers.size(), 3u);
  EXPECT_EQ(progress.reviewers[0].reviewer, "dr-a");
  EXPECT_EQ(progress.reviewers[0].submitted, 1);
  EXPECT_EQ(progress.reviewers[0].draft, 1);
  EXPECT_EQ(progress.reviewers[0].pending, 10);
  EXPECT_EQ(progress.reviewers[1].pending, 12);

  try {
    studies.close(*lead_, study_);
    FAIL() << "closed with an open draft";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("dr-a"), std::string::npos) << e.what();
  }
  studies.close(*lead_, study_, /*force=*/true);
  EXPECT_EQ(studies.study(*lead_, study_).status, "closed");
  EXPECT_FALSE(studies.study(*lead_, study_).closed_at.empty());
  EXPECT_THROW(studies.close(*lead_, study_, true), StoreError);
  EXPECT_THROW(a.submit(*a.next_unscored(), scores(1, 1, 1, 1)), StoreError);
  EXPECT_THROW(a.revise(first, scores(1, 1, 1, 1), "changed my mind"), StoreError);

  const auto revealed = studies.reveal(*lead_, study_);
  ASSERT_EQ(revealed.size(), 3u);
  std::set<std::string> names;
  for (const auto& system : revealed) {
    names.insert(system.name);
    EXPECT_NE(system.metadata_json.find(testing::kSecretMetadataValue), std::string::npos);
  }
  EXPECT_EQ(names, std::set<std::string>(test_system_names().begin(), test_system_names().end()));

  std::vector<std::string> actions;
  for (const AuditEntry& entry : studies.audit_log(*lead_, study_)) actions.push_back(entry.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "add-answers", "assign", "submit", "close", "reveal"}));
}

TEST_F(ReviewStudyTest, ReportDataUsesCodesUntilClosedAndTheLatestRevision) {
  assign_all();
  // Every doctor scores the same first answer of dr-a's queue; dr-a flags it and then revises.
  auto a = queue_of("dr-a");
  const int64_t a_first = *a.next_unscored();
  QSqlQuery query(ws_->database());
  query.prepare("SELECT answer_id FROM study_assignments WHERE id = ?");
  query.addBindValue(qint64(a_first));
  ASSERT_TRUE(query.exec() && query.next());
  const int64_t answer = query.value(0).toLongLong();
  a.submit(a_first, scores(2, 1, 2, 3, true, 3, "dangerous dose"));
  a.revise(a_first, scores(2, 2, 2, 3, true, 2, "dose is high"), "re-read the guideline");
  for (const char* name : {"dr-b", "dr-c"}) {
    auto queue = queue_of(name);
    query.prepare("SELECT id FROM study_assignments WHERE answer_id = ? AND reviewer_id = ?");
    query.addBindValue(qint64(answer));
    query.addBindValue(qint64(doctor(name).id()));
    ASSERT_TRUE(query.exec() && query.next());
    queue.submit(query.value(0).toLongLong(), scores(4, 4, 4, 4, false, 0, std::string("fine says ") + name));
  }
  auto b = queue_of("dr-b");
  b.skip(*b.next_unscored(), "outside my specialty");

  ReviewStudyRepository studies(*ws_);
  const auto codes = code_of_system(*ws_, study_);
  auto open = studies.report_data(*lead_, study_);
  EXPECT_TRUE(open.design.closed_at.empty());
  EXPECT_EQ(open.design.reviewers, (std::vector<std::string>{"dr-a", "dr-b", "dr-c"}));
  EXPECT_EQ(open.design.questions, 4);
  EXPECT_EQ(open.design.answers, 12);
  EXPECT_EQ(open.design.assignments, 36);
  EXPECT_EQ(open.design.submitted, 3);
  EXPECT_EQ(open.design.order_seed, testing::kTestSeed);
  ASSERT_EQ(open.design.systems.size(), 3u);
  for (const auto& system : open.design.systems) EXPECT_TRUE(system.name.empty());
  ASSERT_EQ(open.scores.ratings.size(), 12u);  // 3 reviewers x 4 axes
  ASSERT_EQ(open.scores.flags.size(), 3u);
  ASSERT_EQ(open.design.exclusions.size(), 1u);
  EXPECT_EQ(open.design.exclusions[0].reason, "outside my specialty");
  std::set<std::string> open_systems;
  for (const auto& rating : open.scores.ratings) open_systems.insert(rating.system);
  ASSERT_EQ(open_systems.size(), 1u);
  const std::string code = *open_systems.begin();
  EXPECT_EQ(code.front(), 'S');
  for (const auto& rating : open.scores.ratings)
    if (rating.reviewer == "dr-a" && rating.axis == "safety") EXPECT_EQ(rating.score, 2.0) << "the latest revision";

  ASSERT_EQ(open.flagged.size(), 1u);
  EXPECT_EQ(open.flagged[0].system, code);
  ASSERT_EQ(open.flagged[0].reviews.size(), 3u);
  for (const auto& review : open.flagged[0].reviews) {
    if (review.reviewer == "dr-a") {
      EXPECT_EQ(review.severity, 2);
      EXPECT_EQ(review.comment, "dose is high");
    } else {
      EXPECT_FALSE(review.harmful);
      EXPECT_EQ(review.scores.at("accuracy"), 4.0);
    }
  }

  studies.close(*lead_, study_);
  auto closed = studies.report_data(*lead_, study_);
  std::string name_of_code;
  for (const auto& [name, c] : codes)
    if (c == code) name_of_code = name;
  EXPECT_EQ(closed.flagged[0].system, name_of_code);
  for (const auto& rating : closed.scores.ratings) EXPECT_EQ(rating.system, name_of_code);
  for (const auto& system : closed.design.systems) EXPECT_EQ(system.name, [&] {
      for (const auto& [name, c] : codes) if (c == system.code) return name;
      return std::string();
    }());
  // Once closed, what nobody scored is listed as excluded: 36 - 3 submitted.
  EXPECT_EQ(closed.design.exclusions.size(), 33u);
  EXPECT_EQ(studies.audit_log(*lead_, study_).back().action, "reveal");
}

}  // namespace
}  // namespace medlora::store
