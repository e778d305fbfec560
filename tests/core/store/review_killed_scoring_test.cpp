// kill -9 while scoring loses nothing submitted: a forked reviewer submits (and saves drafts) in
// a loop, reports every submit that returned, and is SIGKILLed mid-stream; the reopened workspace
// holds every reported score, and every submitted assignment has its revision.
#include <gtest/gtest.h>

#include <QSqlQuery>
#include <QVariant>

#include <csignal>
#include <cstring>
#include <set>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "review_test_support.h"

namespace medlora::store {
namespace {

using ReviewKilledScoringTest = testing::TempWorkspaceTest;

TEST_F(ReviewKilledScoringTest, AKilledReviewerLosesNothingSubmitted) {
  const std::string path = file();
  int64_t study = 0;
  int64_t reviewer_id = 0;
  {
    Workspace ws(path);
    ReviewerAccounts accounts(ws, testing::kTestIterations);
    const ReviewerAccount lead = accounts.create_first_lead("lead-li", "lead-password");
    accounts.create(lead, "dr-a", "doctor", "doctor-password");
    ReviewStudyRepository studies(ws);
    study = studies.create_study(lead, "killed", "", 1, 5);
    studies.add_answers(lead, study, testing::test_answers(100));  // 300 answers
    studies.assign(lead, study, {"dr-a"});
    reviewer_id = accounts.find("dr-a")->id;
  }

  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(pipe_fds[0]);
    try {
      Workspace ws(path);
      const auto reviewer = ReviewerAccounts(ws).authenticate("dr-a", "doctor-password");
      if (!reviewer) _exit(4);
      ReviewerQueue queue(ws, *reviewer, study);
      int n = 0;
      while (const auto id = queue.next_unscored()) {
        ScoreEntry draft;
        draft.accuracy = 1 + n % 5;
        queue.save_draft(*id, draft);
        queue.submit(*id, ScoreEntry{1 + n % 5, 2, 3, 4, n % 7 == 0, n % 7 == 0 ? 2 : 0, "note " + std::to_string(n)});
        const int64_t done = *id;
        if (::write(pipe_fds[1], &done, sizeof done) != sizeof done) _exit(3);
        // Past the point the parent waits for, slow down so that the kill lands mid-queue
        // even on a busy machine.
        if (++n >= 40) usleep(5000);
      }
    } catch (...) {
      _exit(2);
    }
    _exit(1);  // finished the whole queue before being killed
  }
  close(pipe_fds[1]);
  std::set<int64_t> reported;
  int64_t id = 0;
  while (reported.size() < 40 && read(pipe_fds[0], &id, sizeof id) == sizeof id) reported.insert(id);
  kill(child, SIGKILL);
  while (read(pipe_fds[0], &id, sizeof id) == sizeof id) reported.insert(id);  // written before the kill
  close(pipe_fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child was not killed mid-queue (exit " << WEXITSTATUS(status) << ")";
  ASSERT_GE(reported.size(), 40u);

  Workspace ws(path);
  EXPECT_EQ(ws.scalar("PRAGMA integrity_check").toString(), "ok");
  QSqlQuery query(ws.database());
  query.prepare("SELECT a.id, a.status, count(sr.id), max(sr.comment) FROM study_assignments a "
                "LEFT JOIN score_revisions sr ON sr.assignment_id = a.id WHERE a.reviewer_id = ? GROUP BY a.id");
  query.addBindValue(qint64(reviewer_id));
  ASSERT_TRUE(query.exec());
  std::set<int64_t> submitted;
  while (query.next()) {
    const bool is_submitted = query.value(1).toString() == "submitted";
    EXPECT_EQ(query.value(2).toInt(), is_submitted ? 1 : 0) << "assignment " << query.value(0).toLongLong();
    if (is_submitted) {
      submitted.insert(query.value(0).toLongLong());
      EXPECT_TRUE(query.value(3).toString().startsWith("note "));
    }
  }
  for (const int64_t reported_id : reported) EXPECT_TRUE(submitted.count(reported_id)) << "lost assignment " << reported_id;
  EXPECT_LE(submitted.size(), reported.size() + 1) << "at most the one in flight when killed";
  EXPECT_LT(submitted.size(), 300u);
  // The interrupted queue carries on where it stopped.
  const auto reviewer = ReviewerAccounts(ws).authenticate("dr-a", "doctor-password");
  ASSERT_TRUE(reviewer.has_value());
  ReviewerQueue queue(ws, *reviewer, study);
  const auto next = queue.next_unscored();
  ASSERT_TRUE(next.has_value());
  EXPECT_FALSE(submitted.count(*next));
  EXPECT_EQ(queue.submit(*next, ScoreEntry{5, 5, 5, 5, false, 0, "after the crash"}), 1);
}

}  // namespace
}  // namespace medlora::store
