#include "core/store/workspace.h"

#include <gtest/gtest.h>

#include <QSqlQuery>
#include <QVariant>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "core/store/dataset_repository.h"
#include "core/store/migrations.h"
#include "core/store/transaction.h"
#include "store_test_support.h"

namespace medlora::store {
namespace {

using testing::TempWorkspaceTest;
using WorkspaceTest = TempWorkspaceTest;

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const StoreError& e) {
    return e.what();
  }
  return "(no StoreError thrown)";
}

bool has_table(const Workspace& ws, const QString& name) {
  QSqlQuery query = ws.prepare("SELECT 1 FROM sqlite_master WHERE name = ?");
  query.addBindValue(name);
  ws.exec(query);
  return query.next();
}

TEST_F(WorkspaceTest, CreatesTheSchemaAndReopensIt) {
  const std::string path = file();
  {
    Workspace ws(path);
    EXPECT_EQ(ws.schema_version(), latest_schema_version());
    EXPECT_TRUE(std::filesystem::exists(path));
    for (const char* table : {"datasets", "records", "record_versions", "record_maskings", "dataset_operations",
                              "categories", "terms", "models", "adapters", "training_runs", "run_metrics",
                              "run_checkpoints", "chats", "chat_messages", "knowledge_documents", "records_fts"})
      EXPECT_TRUE(has_table(ws, table)) << table;
    DatasetRepository(ws).create_dataset("kept", "test");
  }
  Workspace reopened(path);
  EXPECT_EQ(reopened.schema_version(), latest_schema_version());
  ASSERT_EQ(DatasetRepository(reopened).list_datasets().size(), 1u);
  EXPECT_EQ(DatasetRepository(reopened).list_datasets()[0].name, "kept");
}

TEST_F(WorkspaceTest, PragmasAreOnForEveryConnection) {
  Workspace ws(file());
  EXPECT_EQ(ws.scalar("PRAGMA journal_mode").toString().toLower(), "wal");
  EXPECT_EQ(ws.scalar("PRAGMA foreign_keys").toInt(), 1);
  EXPECT_EQ(ws.scalar("PRAGMA busy_timeout").toInt(), 5000);
  EXPECT_EQ(ws.scalar("PRAGMA application_id").toInt(), kWorkspaceApplicationId);
  auto second = Workspace::open_for_this_thread(file());
  EXPECT_EQ(second->scalar("PRAGMA foreign_keys").toInt(), 1);
  EXPECT_EQ(second->scalar("PRAGMA busy_timeout").toInt(), 5000);
  EXPECT_NE(second->connection_name(), ws.connection_name());
  EXPECT_TRUE(ws.connection_name().contains(QString::fromStdString(ws.path())));
}

TEST_F(WorkspaceTest, TrigramSearchIsAvailable) {
  Workspace ws(file());
  EXPECT_EQ(ws.scalar("SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"心肌梗死\"'").toInt(), 0);
}

TEST_F(WorkspaceTest, RefusesAWorkspaceFromANewerVersion) {
  const std::string path = file();
  { Workspace ws(path); ws.exec(QString("PRAGMA user_version = %1").arg(latest_schema_version() + 5)); }
  const std::string before = read_bytes(path);
  const std::string message = error_of([&] { Workspace ws(path); });
  EXPECT_NE(message.find("was written by a newer MedLoRA (schema " + std::to_string(latest_schema_version() + 5) +
                         ", this build knows " + std::to_string(latest_schema_version()) + ")"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_EQ(read_bytes(path), before);
}

TEST_F(WorkspaceTest, AFailedMigrationLeavesTheFileAsItWas) {
  const std::string path = file();
  { Workspace ws(path); DatasetRepository(ws).create_dataset("before", "test"); }
  const std::string before = read_bytes(path);

  std::vector<Migration> migrations = workspace_migrations();
  Migration broken;
  broken.version = latest_schema_version() + 1;
  broken.description = "test: broken";
  broken.statements = {"CREATE TABLE added_by_broken (id INTEGER PRIMARY KEY)",
                       "INSERT INTO datasets (name, source, created_at) VALUES ('from-broken', '', '')",
                       "THIS IS NOT SQL"};
  migrations.push_back(broken);
  const std::string message = error_of([&] { Workspace ws(path, migrations); });
  EXPECT_NE(message.find("migration to schema " + std::to_string(broken.version)), std::string::npos) << message;
  EXPECT_NE(message.find("the file is unchanged"), std::string::npos) << message;

  EXPECT_EQ(read_bytes(path), before);
  Workspace ws(path);
  EXPECT_EQ(ws.schema_version(), latest_schema_version());
  EXPECT_FALSE(has_table(ws, "added_by_broken"));
  const auto datasets = DatasetRepository(ws).list_datasets();
  ASSERT_EQ(datasets.size(), 1u);
  EXPECT_EQ(datasets[0].name, "before");
}

TEST_F(WorkspaceTest, AFailedFirstMigrationLeavesNoFileBehind) {
  const std::string path = file("new.mlw");
  std::vector<Migration> migrations = {{1, "test: broken", {"CREATE TABLE t (x)", "NOT SQL"}, {}}};
  EXPECT_THROW(Workspace(path, migrations), StoreError);
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST_F(WorkspaceTest, AMigrationAddsToAnOlderWorkspace) {
  const std::string path = file();
  { Workspace ws(path); DatasetRepository(ws).create_dataset("kept", "test"); }
  std::vector<Migration> migrations = workspace_migrations();
  migrations.push_back({latest_schema_version() + 1, "test: added", {"CREATE TABLE added_later (id INTEGER)"}, {}});
  Workspace ws(path, migrations);
  EXPECT_EQ(ws.schema_version(), latest_schema_version() + 1);
  EXPECT_TRUE(has_table(ws, "added_later"));
  EXPECT_EQ(DatasetRepository(ws).list_datasets().size(), 1u);
}

TEST_F(WorkspaceTest, RefusesAFileThatIsNotADatabase) {
  const std::string path = file("notes.txt");
  const std::string text(8192, 'x');
  std::ofstream(path, std::ios::binary) << text;
  const std::string message = error_of([&] { Workspace ws(path); });
  EXPECT_NE(message.find("not a MedLoRA workspace"), std::string::npos) << message;
  EXPECT_NE(message.find("not an SQLite database"), std::string::npos) << message;
  EXPECT_EQ(read_bytes(path), text);
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST_F(WorkspaceTest, RefusesAnotherProgramsDatabase) {
  const std::string path = file("other.db");
  {
    std::vector<Migration> other = {{1, "someone else's", {"CREATE TABLE songs (title TEXT)"}, {}}};
    Workspace ws(path, other);
    ws.exec("PRAGMA application_id = 42");
  }
  const std::string message = error_of([&] { Workspace ws(path); });
  EXPECT_NE(message.find("another program"), std::string::npos) << message;
}

TEST_F(WorkspaceTest, RefusesAFolder) {
  std::filesystem::create_directory(file("folder"));
  EXPECT_THROW(Workspace ws(file("folder")), StoreError);
}

TEST_F(WorkspaceTest, TransactionRollsBackUnlessCommitted) {
  Workspace ws(file());
  DatasetRepository datasets(ws);
  try {
    Transaction transaction(ws);
    datasets.create_dataset("inside", "joins the outer transaction");
    throw std::runtime_error("something failed after the write");
  } catch (const std::runtime_error&) {
  }
  EXPECT_TRUE(datasets.list_datasets().empty());
  EXPECT_EQ(ws.transaction_depth(), 0);
  {
    Transaction transaction(ws);
    datasets.create_dataset("committed", "");
    transaction.commit();
  }
  EXPECT_EQ(datasets.list_datasets().size(), 1u);
}

TEST_F(WorkspaceTest, ANestedFailureRollsBackOnlyItsPart) {
  Workspace ws(file());
  DatasetRepository datasets(ws);
  Transaction outer(ws);
  datasets.create_dataset("first", "");
  EXPECT_THROW(datasets.create_dataset("first", ""), StoreError);  // its savepoint rolls back
  datasets.create_dataset("second", "");
  outer.commit();
  EXPECT_EQ(datasets.list_datasets().size(), 2u);
}

TEST_F(WorkspaceTest, UseFromAnotherThreadIsRefused) {
  Workspace ws(file());
  std::string message;
  std::thread other([&] {
    try {
      ws.scalar("SELECT 1");
    } catch (const std::logic_error& e) {
      message = e.what();
    }
  });
  other.join();
  EXPECT_NE(message.find("open_for_this_thread"), std::string::npos) << message;
}

TEST_F(WorkspaceTest, AWorkerThreadWritesWithItsOwnConnectionWhileTheMainThreadReads) {
  const std::string path = file();
  Workspace ws(path);
  DatasetRepository main_repo(ws);
  const int64_t dataset = main_repo.create_dataset("shared", "");
  constexpr int kBatches = 20;
  std::atomic<int> written{0};
  std::string worker_error;
  std::thread worker([&] {
    try {
      auto own = Workspace::open_for_this_thread(path);
      DatasetRepository repo(*own);
      for (int i = 0; i < kBatches; ++i) {
        repo.insert_records(dataset, testing::synthetic_records(50));
        written = i + 1;
      }
    } catch (const std::exception& e) {
      worker_error = e.what();
    }
  });
  int64_t last_seen = 0;
  bool monotonic = true;
  while (written < kBatches && worker_error.empty()) {
    const int64_t seen = main_repo.record_count(dataset);
    monotonic = monotonic && seen >= last_seen && seen % 50 == 0;  // whole batches only
    last_seen = seen;
  }
  worker.join();
  EXPECT_TRUE(worker_error.empty()) << worker_error;
  EXPECT_TRUE(monotonic);
  EXPECT_EQ(main_repo.record_count(dataset), kBatches * 50);
}

TEST_F(WorkspaceTest, NowIsUtcIso8601) {
  const std::string now = Workspace::now_utc();
  ASSERT_EQ(now.size(), 24u) << now;
  EXPECT_EQ(now[4], '-');
  EXPECT_EQ(now[10], 'T');
  EXPECT_EQ(now.back(), 'Z');
}

}  // namespace
}  // namespace medlora::store
