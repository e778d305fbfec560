#include "core/store/search_index.h"

#include <gtest/gtest.h>

#include <QVariant>

#include <atomic>
#include <thread>

#include "core/store/dataset_repository.h"
#include "store_test_support.h"

namespace medlora::store {
namespace {

class SearchIndexTest : public testing::TempWorkspaceTest {
 protected:
  void SetUp() override {
    TempWorkspaceTest::SetUp();
    ws_ = std::make_unique<Workspace>(file());
    repo_ = std::make_unique<DatasetRepository>(*ws_);
    index_ = std::make_unique<SearchIndex>(*ws_);
  }
  int64_t count(int64_t dataset, const std::string& search) const {
    RecordFilter filter;
    filter.search = search;
    return repo_->record_count(dataset, filter);
  }
  int64_t fts_hits(const char* phrase) const {
    return ws_->scalar(QString("SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"%1\"'").arg(phrase))
        .toLongLong();
  }

  std::unique_ptr<Workspace> ws_;
  std::unique_ptr<DatasetRepository> repo_;
  std::unique_ptr<SearchIndex> index_;
};

TEST_F(SearchIndexTest, SmallImportsAreIndexedAtOnceLargeOnesLater) {
  const int64_t small = repo_->create_dataset("small", "");
  repo_->insert_records(small, testing::synthetic_records(200));
  EXPECT_EQ(index_->pending(), 0);
  EXPECT_EQ(fts_hits("fever"), 100);

  const int64_t large = repo_->create_dataset("large", "");
  repo_->insert_records(large, testing::synthetic_records(3000));
  EXPECT_EQ(index_->pending(), 3000);
  EXPECT_EQ(fts_hits("fever"), 100);
  EXPECT_EQ(count(large, "fever"), 1500);  // found by LIKE meanwhile

  std::vector<int64_t> progress;
  EXPECT_EQ(index_->update([&](int64_t done, int64_t total) {
    EXPECT_EQ(total, 3000);
    progress.push_back(done);
    return true;
  }, 1000), 3000);
  EXPECT_EQ(progress, (std::vector<int64_t>{1000, 2000, 3000}));
  EXPECT_EQ(index_->pending(), 0);
  EXPECT_EQ(fts_hits("fever"), 1600);
  EXPECT_EQ(count(large, "fever"), 1500);
  EXPECT_EQ(index_->update(), 0);
  EXPECT_TRUE(index_->consistent());
}

TEST_F(SearchIndexTest, EditsAndDeletesOfIndexedRecordsKeepTheIndexInStep) {
  const int64_t id = repo_->create_dataset("ds", "");
  repo_->insert_records(id, testing::synthetic_records(3000));
  index_->update();
  const auto ids = repo_->record_ids(id);

  data::RecordText text = repo_->get_record(ids[0])->text;
  text.output = "可能是急性心肌梗死，请立即就医。";
  repo_->update_record(ids[0], text, "dr.li", "clarify");
  EXPECT_EQ(count(id, "心肌梗死"), 1);
  EXPECT_EQ(count(id, "paracetamol"), 1499);
  repo_->delete_records(id, {ids[1], ids[2]}, "dedup", "{}");
  EXPECT_EQ(count(id, "小儿发烧"), 1499);
  EXPECT_EQ(fts_hits("小儿发烧"), 1499);
  EXPECT_EQ(index_->indexed_through(), ids.back());  // small changes keep the index
  EXPECT_TRUE(index_->consistent());
}

TEST_F(SearchIndexTest, BulkChangesResetTheIndexInsteadOfRetokenising) {
  const int64_t kept = repo_->create_dataset("kept", "");
  repo_->insert_records(kept, testing::synthetic_records(500));
  const int64_t gone = repo_->create_dataset("gone", "");
  repo_->insert_records(gone, testing::synthetic_records(SearchIndex::kResetThreshold + 500));
  index_->update();
  ASSERT_EQ(index_->pending(), 0);

  EXPECT_TRUE(repo_->delete_dataset(gone));
  EXPECT_EQ(index_->indexed_through(), 0);
  EXPECT_EQ(index_->pending(), 500);
  EXPECT_EQ(count(kept, "fever"), 250);
  EXPECT_EQ(fts_hits("fever"), 0);
  index_->update();
  EXPECT_EQ(fts_hits("fever"), 250);
  EXPECT_TRUE(index_->consistent());

  // A cleaning pass that changes most records: same reset, same answers.
  std::vector<std::pair<int64_t, data::RecordText>> texts;
  for (const StoredRecord& r : repo_->records_for_export(kept, false)) {
    data::RecordText text = r.text;
    text.output = "已清洗 " + text.output;
    texts.emplace_back(r.id, text);
  }
  const int64_t big = repo_->create_dataset("big", "");
  repo_->insert_records(big, testing::synthetic_records(SearchIndex::kResetThreshold + 100));
  index_->update();
  for (const StoredRecord& r : repo_->records_for_export(big, false)) {
    data::RecordText text = r.text;
    text.output = "已清洗 " + text.output;
    texts.emplace_back(r.id, text);
  }
  std::vector<std::pair<int64_t, data::RecordText>> big_texts(texts.begin() + 500, texts.end());
  EXPECT_EQ(repo_->replace_all_texts(big, big_texts, "clean", "prefix"), SearchIndex::kResetThreshold + 100);
  EXPECT_EQ(index_->indexed_through(), 0);
  EXPECT_EQ(count(big, "已清洗"), SearchIndex::kResetThreshold + 100);
  EXPECT_EQ(count(kept, "已清洗"), 0);
  index_->update();
  EXPECT_EQ(count(big, "已清洗"), SearchIndex::kResetThreshold + 100);
  EXPECT_TRUE(index_->consistent());
}

TEST_F(SearchIndexTest, ConsistencyCheckNoticesAStaleIndex) {
  const int64_t id = repo_->create_dataset("ds", "");
  repo_->insert_records(id, testing::synthetic_records(20));
  ASSERT_EQ(index_->pending(), 0);
  EXPECT_TRUE(index_->consistent());
  ws_->exec("DROP TRIGGER records_fts_update");  // simulate a bug: an edit the index misses
  ws_->exec("UPDATE records SET output = 'changed behind the index' WHERE id = (SELECT min(id) FROM records)");
  EXPECT_FALSE(index_->consistent());
}

TEST_F(SearchIndexTest, AWorkerThreadIndexesWhileTheMainThreadSearches) {
  const int64_t id = repo_->create_dataset("ds", "");
  repo_->insert_records(id, testing::synthetic_records(6000));
  std::atomic<bool> finished{false};
  std::string worker_error;
  std::thread worker([&] {
    try {
      auto own = Workspace::open_for_this_thread(ws_->path());
      SearchIndex(*own).update({}, 500);
    } catch (const std::exception& e) {
      worker_error = e.what();
    }
    finished = true;
  });
  int searches = 0;
  bool always_complete = true;
  while (!finished) {
    always_complete = always_complete && count(id, "小儿发烧") == 3000;
    ++searches;
  }
  worker.join();
  EXPECT_TRUE(worker_error.empty()) << worker_error;
  EXPECT_TRUE(always_complete) << "after " << searches << " searches";
  EXPECT_EQ(index_->pending(), 0);
  EXPECT_EQ(count(id, "小儿发烧"), 3000);
}

}  // namespace
}  // namespace medlora::store
