#include "core/store/dataset_repository.h"

#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <sstream>

#include "core/store/search_index.h"
#include "core/store/transaction.h"
#include "store_test_support.h"

namespace medlora::store {
namespace {

using data::RecordText;
using data::ReviewStatus;

int64_t code_points(const std::string& text) {
  return std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

// What a search should find, by brute force: every term occurs in instruction, input or output.
int64_t expected_matches(const std::vector<RecordText>& records, const std::vector<std::string>& terms) {
  return std::count_if(records.begin(), records.end(), [&](const RecordText& r) {
    return std::all_of(terms.begin(), terms.end(), [&](const std::string& term) {
      return r.instruction.find(term) != std::string::npos || r.input.find(term) != std::string::npos ||
             r.output.find(term) != std::string::npos;
    });
  });
}

class DatasetRepositoryTest : public testing::TempWorkspaceTest {
 protected:
  void SetUp() override {
    TempWorkspaceTest::SetUp();
    ws_ = std::make_unique<Workspace>(file());
    repo_ = std::make_unique<DatasetRepository>(*ws_);
  }
  int64_t dataset_with(int count, const std::string& name = "ds") {
    const int64_t id = repo_->create_dataset(name, "synthetic");
    const InsertResult result = repo_->insert_records(id, testing::synthetic_records(count));
    EXPECT_FALSE(result.cancelled);
    EXPECT_EQ(result.ids.size(), static_cast<size_t>(count));
    return id;
  }
  int64_t table_rows(const char* table) const {
    return ws_->scalar(QString("SELECT count(*) FROM %1").arg(table)).toLongLong();
  }

  std::unique_ptr<Workspace> ws_;
  std::unique_ptr<DatasetRepository> repo_;
};

TEST_F(DatasetRepositoryTest, DuplicateNamesAreRefusedClearly) {
  const int64_t id = repo_->create_dataset("medquad", "import");
  try {
    repo_->create_dataset("medquad", "again");
    FAIL() << "a duplicate name was accepted";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("a dataset named 'medquad' already exists (id " + std::to_string(id) + ")"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(repo_->create_dataset("", "no name"), StoreError);
  EXPECT_EQ(repo_->list_datasets().size(), 1u);
  ASSERT_TRUE(repo_->find_dataset("medquad"));
  EXPECT_EQ(repo_->find_dataset("medquad")->source, "import");
  EXPECT_FALSE(repo_->find_dataset(id + 1));
}

TEST_F(DatasetRepositoryTest, InsertIntoAnUnknownDatasetFails) {
  EXPECT_THROW(repo_->insert_records(99, testing::synthetic_records(3)), StoreError);
  EXPECT_EQ(table_rows("records"), 0);
}

TEST_F(DatasetRepositoryTest, PagesTenThousandRecordsInOrder) {
  const int64_t id = dataset_with(10000);
  EXPECT_EQ(repo_->record_count(id), 10000);
  const auto first = repo_->page(id, {}, 0, 50);
  ASSERT_EQ(first.size(), 50u);
  EXPECT_EQ(first[0].text.input, "What helps with fever number 0?");
  EXPECT_EQ(first[1].text.input, "小儿发烧怎么办？编号1");
  EXPECT_EQ(first[1].text.category, "儿科");
  EXPECT_EQ(first[0].text.metadata.at("index"), "0");
  EXPECT_EQ(first[0].text.metadata.at("source"), "synthetic");
  EXPECT_EQ(first[0].status, ReviewStatus::Pending);
  EXPECT_EQ(first[0].version, 1);
  EXPECT_EQ(first[0].dataset_id, id);
  EXPECT_EQ(first[0].content_hash, record_content_hash(first[0].text));
  EXPECT_TRUE(first[0].flags.empty());
  const auto last = repo_->page(id, {}, 9990, 50);
  ASSERT_EQ(last.size(), 10u);
  EXPECT_EQ(last.back().text.metadata.at("index"), "9999");
  EXPECT_TRUE(repo_->page(id, {}, 10000, 50).empty());

  const auto summary = repo_->list_datasets();
  ASSERT_EQ(summary.size(), 1u);
  EXPECT_EQ(summary[0].total, 10000);
  EXPECT_EQ(summary[0].pending, 10000);
  EXPECT_EQ(summary[0].approved, 0);
}

TEST_F(DatasetRepositoryTest, FiltersByCategoryLengthAndFlag) {
  const auto records = testing::synthetic_records(3000);
  const int64_t id = dataset_with(3000);
  RecordFilter category;
  category.category = "儿科";
  EXPECT_EQ(repo_->record_count(id, category), 1000);
  for (const StoredRecord& r : repo_->page(id, category, 0, 100)) EXPECT_EQ(r.text.category, "儿科");
  RecordFilter untagged;
  untagged.category = "";
  EXPECT_EQ(repo_->record_count(id, untagged), 0);

  // Lengths count characters, not bytes: the Chinese records are shorter than their UTF-8.
  RecordFilter length;
  length.min_length = 20;
  length.max_length = 100;
  const int64_t expected = std::count_if(records.begin(), records.end(), [](const RecordText& r) {
    const int64_t n = code_points(r.instruction) + code_points(r.input) + code_points(r.output);
    return n >= 20 && n <= 100;
  });
  ASSERT_EQ(expected, 1500);  // the Chinese half: ~45 characters but ~125 bytes
  EXPECT_EQ(repo_->record_count(id, length), expected);

  const auto ids = repo_->record_ids(id);
  EXPECT_EQ(repo_->add_flag({ids[3], ids[4], ids[5]}, "near-dup"), 3);
  EXPECT_EQ(repo_->add_flag({ids[4]}, "near-dup"), 0);  // already there
  EXPECT_EQ(repo_->add_flag({ids[4]}, "pii"), 1);
  RecordFilter flagged;
  flagged.flag = "near-dup";
  EXPECT_EQ(repo_->record_count(id, flagged), 3);
  flagged.flag = "near";  // whole flags only
  EXPECT_EQ(repo_->record_count(id, flagged), 0);
  EXPECT_EQ(repo_->get_record(ids[4])->flags, (std::vector<std::string>{"near-dup", "pii"}));
  EXPECT_EQ(repo_->remove_flag({ids[4], ids[6]}, "near-dup"), 1);
  EXPECT_EQ(repo_->get_record(ids[4])->flags, (std::vector<std::string>{"pii"}));
  repo_->set_flags(ids[7], {"a", "b"});
  EXPECT_EQ(repo_->get_record(ids[7])->flags, (std::vector<std::string>{"a", "b"}));
  EXPECT_THROW(repo_->add_flag({ids[7]}, "bad,flag"), StoreError);
}

TEST_F(DatasetRepositoryTest, SearchesChineseAndEnglishText) {
  const auto records = testing::synthetic_records(10000);
  const int64_t id = dataset_with(10000);
  auto count = [&](const std::string& search) {
    RecordFilter filter;
    filter.search = search;
    return repo_->record_count(id, filter);
  };
  // The same answers whether the records are searched by LIKE (not yet indexed), through the
  // trigram index, or half and half.
  SearchIndex index(*ws_);
  const std::vector<std::pair<std::string, int64_t>> states = {{"unindexed", 0}, {"half indexed", 5000},
                                                               {"indexed", 100000}};
  for (const auto& [state, records_to_index] : states) {
    SCOPED_TRACE(state);
    if (records_to_index > 0) index.update([&](int64_t done, int64_t) { return done < records_to_index; }, 1000);
    EXPECT_EQ(index.pending(), std::max<int64_t>(0, 10000 - records_to_index));
    EXPECT_EQ(count("小儿发烧"), 5000);                                  // trigram, Chinese
    EXPECT_EQ(count("发烧"), 5000);                                      // two characters: LIKE
    EXPECT_EQ(count("儿童"), 0);
    EXPECT_EQ(count("编号777"), expected_matches(records, {"编号777"}));
    EXPECT_EQ(count("编号777"), 6);                                      // 777, 7771, 7773, ..., 7779
    EXPECT_EQ(count("number 1234"), 1);                                  // two terms, both must occur
    EXPECT_EQ(count("fever 12"), expected_matches(records, {"fever", "12"}));
    EXPECT_EQ(count("FEVER"), 5000);                                     // ASCII case-insensitive
    EXPECT_EQ(count("paracetamol 退烧药"), 0);
    // Text that would break naive SQL or FTS syntax is just text.
    EXPECT_EQ(count("50%"), 0);
    EXPECT_EQ(count("38.5"), 5000);
    EXPECT_EQ(count("a\"b OR c*"), 0);
    EXPECT_EQ(count("'; DROP TABLE records; --"), 0);
    EXPECT_EQ(count("_"), 0);
    EXPECT_EQ(repo_->record_count(id), 10000);

    RecordFilter combined;
    combined.search = "发烧 编号99";
    combined.category = "外科";
    const auto page = repo_->page(id, combined, 0, 10);
    ASSERT_EQ(page.size(), 10u);
    for (const StoredRecord& r : page) {
      EXPECT_EQ(r.text.category, "外科");
      EXPECT_NE(r.text.input.find("编号99"), std::string::npos);
    }
  }
  EXPECT_TRUE(index.consistent());
}

TEST_F(DatasetRepositoryTest, SearchFollowsEditsAndDeletes) {
  const int64_t id = dataset_with(10);
  const auto ids = repo_->record_ids(id);
  RecordFilter filter;
  filter.search = "心肌梗死";
  EXPECT_EQ(repo_->record_count(id, filter), 0);
  RecordText text = repo_->get_record(ids[2])->text;
  text.output = "可能是急性心肌梗死，请立即就医。";
  ASSERT_TRUE(repo_->update_record(ids[2], text, "dr.li", "clarify"));
  EXPECT_EQ(repo_->record_count(id, filter), 1);
  repo_->delete_records(id, {ids[2]});
  EXPECT_EQ(repo_->record_count(id, filter), 0);
  EXPECT_EQ(ws_->scalar("SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"立即就医\"'").toInt(), 0);
}

TEST_F(DatasetRepositoryTest, AnEditKeepsThePreviousVersion) {
  const int64_t id = dataset_with(3);
  const int64_t record = repo_->record_ids(id)[1];
  const StoredRecord original = *repo_->get_record(record);

  RecordText edited = original.text;
  EXPECT_FALSE(repo_->update_record(record, edited, "dr.wang", "no change"));
  EXPECT_TRUE(repo_->history(record).empty());

  edited.output = "多喝水，休息；超过38.5度服用对乙酰氨基酚。";
  edited.category = "儿科";
  edited.metadata.clear();  // metadata is not part of an edit
  ASSERT_TRUE(repo_->update_record(record, edited, "dr.wang", "name the drug"));
  edited.input = "婴儿发烧怎么办？";
  ASSERT_TRUE(repo_->update_record(record, edited, "dr.zhao", "infant"));

  const StoredRecord current = *repo_->get_record(record);
  EXPECT_EQ(current.version, 3);
  EXPECT_EQ(current.text.input, "婴儿发烧怎么办？");
  EXPECT_EQ(current.text.metadata, original.text.metadata);
  EXPECT_EQ(current.content_hash, record_content_hash(edited));
  EXPECT_NE(current.content_hash, original.content_hash);

  const auto versions = repo_->history(record);
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].version, 1);
  EXPECT_EQ(versions[0].output, original.text.output);
  EXPECT_EQ(versions[0].edited_by, "dr.wang");
  EXPECT_EQ(versions[0].reason, "name the drug");
  EXPECT_EQ(versions[1].version, 2);
  EXPECT_EQ(versions[1].input, original.text.input);
  EXPECT_EQ(versions[1].output, "多喝水，休息；超过38.5度服用对乙酰氨基酚。");
  EXPECT_EQ(versions[1].edited_by, "dr.zhao");

  EXPECT_THROW(repo_->update_record(999999, edited, "x", "y"), StoreError);
}

TEST_F(DatasetRepositoryTest, BulkApprovalSetsReviewerTimeAndNote) {
  const int64_t id = dataset_with(1000);
  const auto ids = repo_->record_ids(id);
  const std::vector<int64_t> chosen(ids.begin(), ids.begin() + 600);
  EXPECT_EQ(repo_->set_status(chosen, ReviewStatus::Approved, "dr.chen", "checked"), 600);
  EXPECT_EQ(repo_->set_status({ids[700]}, ReviewStatus::NeedsEdit, "dr.chen", "dose missing"), 1);
  EXPECT_EQ(repo_->set_status({ids[701], ids[702]}, ReviewStatus::Rejected, "dr.chen"), 2);
  EXPECT_EQ(repo_->set_status({-5}, ReviewStatus::Approved, "dr.chen"), 0);

  const StoredRecord approved = *repo_->get_record(ids[10]);
  EXPECT_EQ(approved.status, ReviewStatus::Approved);
  EXPECT_EQ(approved.reviewer, "dr.chen");
  EXPECT_EQ(approved.review_note, "checked");
  ASSERT_EQ(approved.reviewed_at.size(), 24u);
  EXPECT_EQ(approved.reviewed_at.back(), 'Z');

  RecordFilter status;
  status.status = ReviewStatus::Approved;
  EXPECT_EQ(repo_->record_count(id, status), 600);
  const DatasetSummary summary = *repo_->find_dataset(id);
  EXPECT_EQ(summary.approved, 600);
  EXPECT_EQ(summary.needs_edit, 1);
  EXPECT_EQ(summary.rejected, 2);
  EXPECT_EQ(summary.pending, 397);

  EXPECT_EQ(repo_->records_for_export(id, true).size(), 600u);
  EXPECT_EQ(repo_->records_for_export(id, false).size(), 1000u);
  for (const StoredRecord& r : repo_->records_for_export(id, true)) EXPECT_EQ(r.status, ReviewStatus::Approved);
  const auto categories = repo_->category_counts(id, true);
  int64_t total = 0;
  for (const auto& [name, n] : categories) total += n;
  EXPECT_EQ(total, 600);
  EXPECT_EQ(categories.size(), 3u);
}

TEST_F(DatasetRepositoryTest, CancellingAnInsertLeavesNoRecords) {
  const int64_t id = repo_->create_dataset("cancelled", "");
  std::vector<std::pair<int64_t, int64_t>> calls;
  const InsertResult result = repo_->insert_records(id, testing::synthetic_records(5000), [&](int64_t done, int64_t total) {
    calls.emplace_back(done, total);
    return done < 3000;
  });
  EXPECT_TRUE(result.cancelled);
  EXPECT_TRUE(result.ids.empty());
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls.back(), (std::pair<int64_t, int64_t>{3000, 5000}));
  EXPECT_EQ(repo_->record_count(id), 0);
  EXPECT_EQ(table_rows("records"), 0);
  EXPECT_EQ(ws_->scalar("SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"fever\"'").toInt(), 0);
  EXPECT_EQ(ws_->transaction_depth(), 0);
  // The workspace is usable afterwards.
  EXPECT_EQ(repo_->insert_records(id, testing::synthetic_records(5)).ids.size(), 5u);
}

TEST_F(DatasetRepositoryTest, AFailureMidInsertLeavesNoRecords) {
  const int64_t id = repo_->create_dataset("failing", "");
  EXPECT_THROW(repo_->insert_records(id, testing::synthetic_records(2500),
                                     [](int64_t done, int64_t) -> bool {
                                       if (done == 2000) throw std::runtime_error("disk full (simulated)");
                                       return true;
                                     }),
               std::runtime_error);
  EXPECT_EQ(repo_->record_count(id), 0);
}

TEST_F(DatasetRepositoryTest, DeletingADatasetCascades) {
  const int64_t kept = dataset_with(20, "kept");
  const int64_t gone = dataset_with(30, "gone");
  const auto ids = repo_->record_ids(gone);
  RecordText text = repo_->get_record(ids[0])->text;
  text.output = "edited";
  repo_->update_record(ids[0], text, "dr", "why");
  repo_->record_maskings({{ids[1], "input", "phone", "13812345678", "[PHONE]"}});
  repo_->log_operation(gone, "clean", R"({"rule":"trim"})", R"({"changed":3})");

  EXPECT_TRUE(repo_->delete_dataset(gone));
  EXPECT_FALSE(repo_->delete_dataset(gone));
  EXPECT_EQ(table_rows("records"), 20);
  EXPECT_EQ(table_rows("record_versions"), 0);
  EXPECT_EQ(table_rows("record_maskings"), 0);
  EXPECT_EQ(table_rows("dataset_operations"), 0);
  EXPECT_EQ(repo_->record_count(kept), 20);
  RecordFilter filter;
  filter.search = "fever";
  EXPECT_EQ(repo_->record_count(kept, filter), 10);
  EXPECT_EQ(ws_->scalar("SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"fever\"'").toInt(), 10);
  QSqlQuery orphans = ws_->prepare("PRAGMA foreign_key_check");
  ws_->exec(orphans);
  EXPECT_FALSE(orphans.next());
}

TEST_F(DatasetRepositoryTest, ReplaceAllTextsVersionsOnlyChangedRows) {
  const int64_t id = dataset_with(100);
  const int64_t other = dataset_with(2, "other");
  std::vector<std::pair<int64_t, RecordText>> texts;
  for (const StoredRecord& r : repo_->records_for_export(id, false)) {
    RecordText text = r.text;
    if (r.id % 4 == 0) text.output += " ";  // pretend cleaning trimmed a quarter
    texts.emplace_back(r.id, text);
  }
  const int64_t expected = std::count_if(texts.begin(), texts.end(), [](const auto& t) { return t.first % 4 == 0; });
  EXPECT_EQ(repo_->replace_all_texts(id, texts, "clean", "trim whitespace"), expected);
  EXPECT_EQ(table_rows("record_versions"), expected);
  EXPECT_EQ(repo_->replace_all_texts(id, texts, "clean", "again"), 0);

  // An id of another dataset rolls the whole call back.
  texts[0].second.output = "changed again";
  texts.emplace_back(repo_->record_ids(other)[0], RecordText{"x", "y", "z", "", {}, false});
  EXPECT_THROW(repo_->replace_all_texts(id, texts, "clean", "bad"), StoreError);
  EXPECT_NE(repo_->get_record(texts[0].first)->text.output, "changed again");
  EXPECT_EQ(table_rows("record_versions"), expected);
}

TEST_F(DatasetRepositoryTest, DeleteRecordsLogsTheOperation) {
  const int64_t id = dataset_with(10);
  const int64_t other = dataset_with(3, "other");
  const auto ids = repo_->record_ids(id);
  const auto foreign = repo_->record_ids(other);
  EXPECT_EQ(repo_->delete_records(id, {ids[1], ids[2], foreign[0]}, "dedup", R"({"threshold":0.8})"), 2);
  EXPECT_EQ(repo_->record_count(id), 8);
  EXPECT_EQ(repo_->record_count(other), 3);
  const auto operations = repo_->operations(id);
  ASSERT_EQ(operations.size(), 1u);
  EXPECT_EQ(operations[0].kind, "dedup");
  EXPECT_EQ(operations[0].parameters_json, R"({"threshold":0.8})");
  EXPECT_EQ(operations[0].counts_json, R"({"deleted":2})");
  EXPECT_THROW(repo_->log_operation(id, "clean", "not json", "{}"), StoreError);
  EXPECT_THROW(repo_->log_operation(id, "clean", "[1]", "{}"), StoreError);
  EXPECT_THROW(repo_->log_operation(other + 100, "clean", "{}", "{}"), StoreError);
}

TEST_F(DatasetRepositoryTest, MaskingsStoreAHashNeverThePii) {
  const int64_t id = dataset_with(5);
  const auto ids = repo_->record_ids(id);
  repo_->record_maskings({{ids[0], "input", "phone", "13812345678", "[PHONE]"},
                          {ids[0], "output", "email", "li@example.com", "[EMAIL]"},
                          {ids[1], "input", "phone", "+44 20 7946 0958", "[PHONE]"}});
  const auto maskings = repo_->maskings(ids[0]);
  ASSERT_EQ(maskings.size(), 2u);
  EXPECT_EQ(maskings[0].kind, "phone");
  EXPECT_EQ(maskings[0].replacement, "[PHONE]");
  EXPECT_EQ(maskings[0].original_hash,
            QCryptographicHash::hash("13812345678", QCryptographicHash::Sha256).toHex().toStdString());
  const auto counts = repo_->masking_counts(id);
  EXPECT_EQ(counts.at("phone"), 2);
  EXPECT_EQ(counts.at("email"), 1);
  EXPECT_EQ(ws_->scalar("SELECT count(*) FROM record_maskings WHERE original_hash LIKE '%1381234%' "
                        "OR replacement LIKE '%1381234%'").toInt(), 0);
  EXPECT_THROW(repo_->record_maskings({{999999, "input", "phone", "1", "[PHONE]"}}), StoreError);
  EXPECT_EQ(repo_->maskings(ids[0]).size(), 2u);
}

}  // namespace
}  // namespace medlora::store
