// Import speed at the size the Datasets panel must handle: 100,000 records in one transaction.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

#include "core/store/dataset_repository.h"
#include "core/store/search_index.h"
#include "store_test_support.h"

namespace medlora::store {
namespace {

using InsertSpeedTest = testing::TempWorkspaceTest;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST_F(InsertSpeedTest, HundredThousandRecords) {
  Workspace ws(file());
  DatasetRepository repo(ws);
  const int64_t id = repo.create_dataset("big", "");
  const auto records = testing::synthetic_records(100000);

  auto start = std::chrono::steady_clock::now();
  const InsertResult result = repo.insert_records(id, records);
  const double insert_seconds = seconds_since(start);
  ASSERT_EQ(result.ids.size(), 100000u);
  std::cout << "[ info ] 100,000 records inserted in " << insert_seconds << " s\n";
  EXPECT_LT(insert_seconds, 10.0);  // ~2 s of CPU here; generous for a loaded CI machine

  start = std::chrono::steady_clock::now();
  EXPECT_EQ(repo.record_count(id), 100000);
  EXPECT_EQ(repo.page(id, {}, 99950, 100).size(), 50u);
  EXPECT_EQ(repo.list_datasets()[0].pending, 100000);
  const double read_seconds = seconds_since(start);
  std::cout << "[ info ] count + last page + summary in " << read_seconds << " s\n";
  EXPECT_LT(read_seconds, 1.0);

  RecordFilter filter;
  filter.search = "小儿发烧";
  start = std::chrono::steady_clock::now();
  EXPECT_EQ(repo.record_count(id, filter), 50000);
  std::cout << "[ info ] unindexed search in " << seconds_since(start) << " s\n";
  start = std::chrono::steady_clock::now();
  SearchIndex(ws).update();
  std::cout << "[ info ] search index built in " << seconds_since(start) << " s\n";
  start = std::chrono::steady_clock::now();
  EXPECT_EQ(repo.record_count(id, filter), 50000);
  filter.search = "编号12345";
  EXPECT_EQ(repo.record_count(id, filter), 1);
  std::cout << "[ info ] two indexed searches in " << seconds_since(start) << " s\n";
}

}  // namespace
}  // namespace medlora::store
