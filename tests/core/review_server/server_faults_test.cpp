// Faults while doctors score: the server crashes (pg_ctl stop -m immediate) and comes back, and
// a client is killed with SIGKILL in the middle of submitting. Nothing acknowledged is lost,
// clients reconnect by themselves, pending drafts arrive, and nothing is stored twice.
#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <thread>

#include "core/review_server/server_probe.h"
#include "tests/core/review_server/published_study_fixture.h"

extern char** environ;

namespace medlora::review_server {
namespace {

using namespace std::chrono_literals;
using testing::PgCluster;
using testing::score_of;

class ServerFaults : public testing::PublishedStudyTest {
 protected:
  // "scores distinct-assignments distinct-submissions" of `reviewer` (all reviewers when empty).
  std::string stored_scores(const std::string& reviewer = "") const {
    const std::string where = reviewer.empty() ? "" : " WHERE reviewer = '" + reviewer + "'";
    return server_->psql(PgCluster::get().lead_role(),
                         "SELECT count(*) || ' ' || count(DISTINCT assignment_id) || ' ' || count(DISTINCT submission_id) "
                         "FROM medlora_review.scores" + where).output;
  }
  std::string lead_value(const std::string& sql) const { return server_->psql(PgCluster::get().lead_role(), sql).output; }
};

// Retries until the outbox is empty (the server may still be starting up).
bool send_all(ServerReviewQueue& queue, std::chrono::seconds within) {
  const auto deadline = std::chrono::steady_clock::now() + within;
  while (std::chrono::steady_clock::now() < deadline) {
    if (queue.retry()) return true;
    std::this_thread::sleep_for(200ms);
  }
  return false;
}

TEST_F(ServerFaults, ACrashedServerLosesNothingAcknowledgedAndClientsReconnectByThemselves) {
  publish();
  std::atomic<int> acknowledged{0}, waiting{0};
  std::atomic<int> unsent_at_end{-1};
  auto doctor_scores = [&](size_t index) {
    auto d = doctor(index, dir_ / ("outbox-" + std::to_string(index) + ".json"));
    const auto entries = d.queue->queue();
    for (size_t i = 0; i + 1 < entries.size(); ++i) {
      const int revision = d.queue->submit(entries[i].assignment_id, score_of(3, 4, 3, 4));
      (revision == 1 ? acknowledged : waiting)++;
      std::this_thread::sleep_for(200ms);
    }
    store::ScoreEntry draft;
    draft.comment = "to finish tomorrow";
    d.queue->save_draft(entries.back().assignment_id, draft);
    if (send_all(*d.queue, 60s)) unsent_at_end = std::max(unsent_at_end.load(), 0);
    else unsent_at_end = static_cast<int>(d.queue->outbox().entries().size());
  };
  std::vector<std::thread> doctors;
  for (size_t i = 0; i < 3; ++i) doctors.emplace_back(doctor_scores, i);
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (acknowledged < 6 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(10ms);
  PgCluster::get().stop_immediate();
  std::this_thread::sleep_for(1500ms);  // the doctors keep scoring into their outboxes
  PgCluster::get().restart();
  for (auto& d : doctors) d.join();

  EXPECT_GT(waiting.load(), 0) << "no submission met the crash";
  EXPECT_GE(acknowledged.load(), 6);
  EXPECT_EQ(unsent_at_end.load(), 0);
  EXPECT_EQ(stored_scores(), "33 33 33\n");  // 11 of 12 answers of each of the three doctors
  EXPECT_EQ(lead_value("SELECT count(*) FROM medlora_review.drafts WHERE draft LIKE '%to finish tomorrow%'"), "3\n");
  EXPECT_EQ(lead_value("SELECT count(*) FROM medlora_review.audit WHERE action = 'submit'"), "33\n");
  auto a = doctor(0);
  EXPECT_EQ(a.queue->progress().submitted, 11);
  EXPECT_EQ(a.queue->progress().draft, 1);
}

// The Review panel's mode: offline, only retry() reconnects; every other call fails at once
// (writes wait in the outbox), and a TCP probe tells when retrying is worth it.
TEST_F(ServerFaults, ReconnectInRetryOnlyLeavesEveryOtherCallToTheOutbox) {
  publish();
  auto d = doctor(0, dir_ / "outbox-gated.json");
  d.queue->set_reconnect_in_retry_only(true);
  const auto entries = d.queue->queue();
  ASSERT_GE(entries.size(), 3u);
  EXPECT_EQ(d.queue->submit(entries[0].assignment_id, score_of(4, 4, 4, 4)), 1);
  EXPECT_TRUE(server_port_answers(d.connection->address(), 2000ms));

  PgCluster::get().stop_immediate();
  EXPECT_FALSE(server_port_answers(d.connection->address(), 2000ms));
  EXPECT_EQ(d.queue->submit(entries[1].assignment_id, score_of(3, 3, 3, 3)), 0);  // lost: kept in the outbox
  EXPECT_FALSE(d.queue->state().online);
  const auto offline_call = std::chrono::steady_clock::now();
  EXPECT_EQ(d.queue->submit(entries[2].assignment_id, score_of(2, 2, 2, 2)), 0);
  EXPECT_THROW(d.queue->progress(), ServerError);
  EXPECT_LT(std::chrono::steady_clock::now() - offline_call, 500ms) << "an offline call tried to reconnect";
  EXPECT_EQ(d.queue->state().unsent, 2);

  PgCluster::get().restart();
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (!server_port_answers(d.connection->address(), 1000ms) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(100ms);
  EXPECT_TRUE(send_all(*d.queue, 30s));
  EXPECT_TRUE(d.queue->state().online);
  EXPECT_EQ(stored_scores(names_.at(0)), "3 3 3\n");
}

// The child process of the next test: doctor MEDLORA_SCORING_CHILD="database reviewer outbox"
// submits every unscored answer of the fever study, as fast as it can, until it is killed.
TEST(ServerFaultsChild, ScoresEverythingUntilKilled) {
  const char* spec = std::getenv("MEDLORA_SCORING_CHILD");
  if (!spec || !*spec) GTEST_SKIP() << "the child of ServerFaults.AClientKilledMidSubmit...";
  std::istringstream fields(spec);
  std::string database, reviewer, outbox;
  fields >> database >> reviewer >> outbox;
  ServerConnection connection(parse_server_url(PgCluster::get().url(reviewer, database)), testing::kReviewerPassword);
  ServerReviewQueue queue(connection, "fever study", Outbox(outbox));
  int i = 0;
  while (const auto next = queue.next_unscored()) ASSERT_EQ(queue.submit(*next, score_of(1 + i % 5, 2, 3, 4)), 1) << i++;
}

pid_t start_scoring_child(const std::string& spec) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) env_strings.emplace_back(*e);
  env_strings.push_back("MEDLORA_SCORING_CHILD=" + spec);
  std::vector<char*> env;
  for (auto& s : env_strings) env.push_back(s.data());
  env.push_back(nullptr);
  std::string exe = "/proc/self/exe", filter = "--gtest_filter=ServerFaultsChild.*";
  char* argv[] = {exe.data(), filter.data(), nullptr};
  pid_t pid = 0;
  if (posix_spawn(&pid, exe.c_str(), nullptr, nullptr, argv, env.data()) != 0) throw std::runtime_error("posix_spawn failed");
  return pid;
}

TEST_F(ServerFaults, AClientKilledMidSubmitStoresEachSubmissionOnceAfterItsRetry) {
  publish();
  const auto outbox = dir_ / "outbox.json";
  const std::string spec = server_->database + " " + names_[0] + " " + outbox.string();
  // Killed a few milliseconds after each start of submitting (the outbox file changes before
  // every send and after every acknowledgement), at a different point each time.
  for (const auto delay : {0ms, 3ms, 7ms, 12ms}) {
    const auto before = std::filesystem::exists(outbox) ? std::filesystem::last_write_time(outbox)
                                                        : std::filesystem::file_time_type::min();
    const pid_t child = start_scoring_child(spec);
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    while (std::chrono::steady_clock::now() < deadline &&
           (!std::filesystem::exists(outbox) || std::filesystem::last_write_time(outbox) == before))
      std::this_thread::sleep_for(1ms);
    std::this_thread::sleep_for(delay);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
  }
  const std::string partly = stored_scores(names_[0]);
  EXPECT_NE(partly, "12 12 12\n") << "the kills came too late to interrupt anything";
  std::cout << "[kill -9] stored before the retry (scores, assignments, submissions): " << partly;

  // The retry: the same doctor starts again with the same outbox and finishes.
  const pid_t child = start_scoring_child(spec);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the last run failed";
  EXPECT_EQ(stored_scores(names_[0]), "12 12 12\n");
  EXPECT_EQ(lead_value("SELECT count(*) FROM medlora_review.audit WHERE action = 'submit' AND actor = '" + names_[0] + "'"),
            "12\n");
  EXPECT_TRUE(Outbox(outbox).empty());
}

}  // namespace
}  // namespace medlora::review_server
