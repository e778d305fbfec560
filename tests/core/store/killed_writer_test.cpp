// A process killed in the middle of a write (an import, an index update) must leave the workspace
// as the last commit left it. The writer runs in a forked child that is SIGKILLed mid-transaction.
#include <gtest/gtest.h>

#include <QVariant>

#include <csignal>
#include <functional>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/store/dataset_repository.h"
#include "core/store/search_index.h"
#include "store_test_support.h"

namespace medlora::store {
namespace {

using KilledWriterTest = testing::TempWorkspaceTest;

// Runs `write` in a child process; `write` gets a callback to call once it is mid-transaction,
// which tells the parent and then waits to be killed. Returns false if the child never got there.
bool run_and_kill_midway(const std::function<void(const std::function<void()>& signal_and_wait)>& write) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return false;
  const pid_t child = fork();
  if (child < 0) return false;
  if (child == 0) {
    close(pipe_fds[0]);
    try {
      write([&] {
        const char byte = 'x';
        if (::write(pipe_fds[1], &byte, 1) != 1) _exit(3);
        for (;;) pause();
      });
    } catch (...) {
      _exit(2);
    }
    _exit(1);  // finished without reaching the kill point
  }
  close(pipe_fds[1]);
  char byte = 0;
  const bool reached = read(pipe_fds[0], &byte, 1) == 1;
  close(pipe_fds[0]);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  return reached && WIFSIGNALED(status);
}

TEST_F(KilledWriterTest, AKilledImportLeavesNothingHalfWritten) {
  const std::string path = file();
  int64_t dataset = 0;
  {
    Workspace ws(path);
    DatasetRepository repo(ws);
    dataset = repo.create_dataset("before", "");
    repo.insert_records(dataset, testing::synthetic_records(10));
  }
  ASSERT_TRUE(run_and_kill_midway([&](const std::function<void()>& signal_and_wait) {
    Workspace ws(path);
    DatasetRepository repo(ws);
    const int64_t killed = repo.create_dataset("killed", "");
    repo.insert_records(killed, testing::synthetic_records(5000), [&](int64_t done, int64_t) {
      if (done == 3000) signal_and_wait();
      return true;
    });
  }));

  Workspace ws(path);
  EXPECT_EQ(ws.scalar("PRAGMA integrity_check").toString(), "ok");
  DatasetRepository repo(ws);
  const auto datasets = repo.list_datasets();
  ASSERT_EQ(datasets.size(), 2u);  // "killed" was committed before its import began
  EXPECT_EQ(datasets[0].total, 10);
  EXPECT_EQ(datasets[1].name, "killed");
  EXPECT_EQ(datasets[1].total, 0);
  EXPECT_EQ(ws.scalar("SELECT count(*) FROM records").toLongLong(), 10);
  EXPECT_TRUE(SearchIndex(ws).consistent());
  // Still writable.
  EXPECT_EQ(repo.insert_records(datasets[1].id, testing::synthetic_records(5)).ids.size(), 5u);
}

TEST_F(KilledWriterTest, AKilledIndexUpdateKeepsTheChunksItCommitted) {
  const std::string path = file();
  {
    Workspace ws(path);
    DatasetRepository repo(ws);
    repo.insert_records(repo.create_dataset("ds", ""), testing::synthetic_records(4000));
    ASSERT_EQ(SearchIndex(ws).pending(), 4000);
  }
  ASSERT_TRUE(run_and_kill_midway([&](const std::function<void()>& signal_and_wait) {
    Workspace ws(path);
    SearchIndex(ws).update([&](int64_t done, int64_t) {
      if (done == 2000) signal_and_wait();
      return true;
    }, 1000);
  }));

  Workspace ws(path);
  EXPECT_EQ(ws.scalar("PRAGMA integrity_check").toString(), "ok");
  SearchIndex index(ws);
  EXPECT_EQ(index.pending(), 2000);
  EXPECT_TRUE(index.consistent());
  DatasetRepository repo(ws);
  RecordFilter filter;
  filter.search = "小儿发烧";
  EXPECT_EQ(repo.record_count(repo.list_datasets()[0].id, filter), 2000);
}

}  // namespace
}  // namespace medlora::store
