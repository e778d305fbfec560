// Conversation records in the workspace: the messages column (schema 4) through insert, read,
// edit with history, search, length filter, PII scrub, export, and the migration of a
// schema-3 workspace.
#include <gtest/gtest.h>

#include <QSqlQuery>
#include <QVariant>

#include <fstream>
#include <sstream>

#include "core/data/conversation_record.h"
#include "core/store/dataset_curation.h"
#include "core/store/dataset_repository.h"
#include "core/store/dataset_transfer.h"
#include "core/store/search_index.h"
#include "core/store/store_error.h"
#include "store_test_support.h"

namespace medlora::store {
namespace {

using data::RecordText;
using tokenizer::Conversation;

RecordText chat(Conversation turns, std::string category = "") {
  RecordText record;
  record.messages = std::move(turns);
  record.category = std::move(category);
  record.metadata["source"] = "test";
  return record;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const Conversation kFever{{"system", "You are a careful clinician."},
                          {"user", "My son has a fever."},
                          {"assistant", "How old is he?"},
                          {"user", "Four years old, 39.5 degrees, and a stiff neck."},
                          {"assistant", "A stiff neck with fever needs the emergency department now."}};

class ConversationRecordsTest : public testing::TempWorkspaceTest {
 protected:
  void SetUp() override {
    TempWorkspaceTest::SetUp();
    ws_ = std::make_unique<Workspace>(file());
    repo_ = std::make_unique<DatasetRepository>(*ws_);
    dataset_ = repo_->create_dataset("chats", "test");
    auto records = testing::synthetic_records(2);
    records.push_back(chat(kFever, "儿科"));
    records.push_back(chat({{"user", "Is 120/80 normal?"}, {"assistant", "Yes, that is a normal blood pressure."}}));
    ids_ = repo_->insert_records(dataset_, records).ids;
    ASSERT_EQ(ids_.size(), 4u);
  }
  std::unique_ptr<Workspace> ws_;
  std::unique_ptr<DatasetRepository> repo_;
  int64_t dataset_ = 0;
  std::vector<int64_t> ids_;
};

TEST_F(ConversationRecordsTest, TurnsRoundTripAndInstructionRecordsStayAsTheyWere) {
  const auto stored = repo_->get_record(ids_[2]);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->text.messages, kFever);
  EXPECT_EQ(stored->text.category, "儿科");
  EXPECT_TRUE(stored->text.input.empty());
  const auto plain = repo_->get_record(ids_[0]);
  EXPECT_TRUE(plain->text.messages.empty());
  EXPECT_FALSE(plain->text.input.empty());
  EXPECT_EQ(ws_->scalar(QString("SELECT messages FROM records WHERE id = %1").arg(ids_[0])).toString(), "[]");
  // The content hash sees the turns: two conversations that differ in one turn differ.
  EXPECT_NE(repo_->get_record(ids_[2])->content_hash, repo_->get_record(ids_[3])->content_hash);
  auto changed = kFever;
  changed[4].content += " Call 120.";
  EXPECT_NE(record_content_hash(chat(changed)), record_content_hash(chat(kFever)));
}

TEST_F(ConversationRecordsTest, EditingTurnsKeepsTheOldVersionAndRefusesABrokenConversation) {
  RecordText edited = repo_->get_record(ids_[2])->text;
  edited.messages[4].content = "Go to the emergency department now: fever and a stiff neck can be meningitis.";
  edited.messages.push_back({"user", "Thank you."});
  edited.messages.push_back({"assistant", "You are welcome; go now."});
  EXPECT_TRUE(repo_->update_record(ids_[2], edited, "dr.chen", "clearer"));
  const auto after = repo_->get_record(ids_[2]);
  EXPECT_EQ(after->version, 2);
  EXPECT_EQ(after->text.messages, edited.messages);
  EXPECT_EQ(after->text.metadata.at("source"), "test");
  const auto history = repo_->history(ids_[2]);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].messages, kFever);
  EXPECT_EQ(history[0].reason, "clearer");

  RecordText broken = edited;
  broken.messages[1].content = "  ";
  try {
    repo_->update_record(ids_[2], broken, "dr.chen", "oops");
    FAIL() << "an empty turn was saved";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("turn 2 (user): empty content"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("record " + std::to_string(ids_[2])), std::string::npos) << e.what();
  }
  RecordText no_answer = edited;
  no_answer.messages = {{"user", "only a question"}};
  EXPECT_THROW(repo_->update_record(ids_[2], no_answer, "dr.chen", "oops"), StoreError);
  RecordText emptied = edited;
  emptied.messages.clear();
  EXPECT_THROW(repo_->update_record(ids_[2], emptied, "dr.chen", "oops"), StoreError);
  EXPECT_EQ(repo_->get_record(ids_[2])->version, 2);
}

TEST_F(ConversationRecordsTest, SearchAndLengthFilterSeeEveryTurn) {
  RecordFilter filter;
  filter.search = "stiff neck";
  SearchIndex index(*ws_);
  index.reset();
  EXPECT_EQ(repo_->record_count(dataset_, filter), 1);  // not indexed: LIKE over the turns
  index.update();
  EXPECT_EQ(index.pending(), 0);
  EXPECT_EQ(repo_->record_count(dataset_, filter), 1);  // indexed: FTS5
  EXPECT_EQ(repo_->record_ids(dataset_, filter), std::vector<int64_t>{ids_[2]});
  filter.search = "meningitis";
  EXPECT_EQ(repo_->record_count(dataset_, filter), 0);
  RecordText edited = repo_->get_record(ids_[2])->text;
  edited.messages[4].content = "This may be meningitis: go now.";
  repo_->update_record(ids_[2], edited, "dr.chen", "");
  EXPECT_EQ(repo_->record_count(dataset_, filter), 1);  // the trigger re-indexed the turns
  EXPECT_TRUE(index.consistent());

  // Length = the turns' characters (no JSON syntax): "Is 120/80 normal?" + the answer.
  const int64_t short_chat = 17 + 37;
  RecordFilter by_length;
  by_length.min_length = short_chat;
  by_length.max_length = short_chat;
  EXPECT_EQ(repo_->record_ids(dataset_, by_length), std::vector<int64_t>{ids_[3]});
}

TEST_F(ConversationRecordsTest, PiiScrubMasksEveryTurnAndLogsTheTurn) {
  RecordText text = repo_->get_record(ids_[3])->text;
  text.messages[0].content = "Is 120/80 normal? Call me on 13812345678.";
  text.messages[1].content = "Yes. Or mail li.wei@example.com.";
  repo_->update_record(ids_[3], text, "dr.chen", "");
  const ScrubOutcome outcome = scrub_dataset(*ws_, dataset_, data::PiiRules{}, true, "scrubber");
  EXPECT_EQ(outcome.changed, 1);
  const auto after = repo_->get_record(ids_[3]);
  EXPECT_EQ(after->text.messages[0].content.find("13812345678"), std::string::npos) << after->text.messages[0].content;
  EXPECT_EQ(after->text.messages[1].content.find("li.wei@example.com"), std::string::npos) << after->text.messages[1].content;
  EXPECT_EQ(after->flags, std::vector<std::string>{"pii"});
  const auto maskings = repo_->maskings(ids_[3]);
  ASSERT_EQ(maskings.size(), 2u);
  EXPECT_EQ(maskings[0].field, "messages[0]");
  EXPECT_EQ(maskings[1].field, "messages[1]");
}

TEST_F(ConversationRecordsTest, ExportWritesMessagesAndCountsThemInTheManifest) {
  repo_->set_status(ids_, data::ReviewStatus::Approved, "dr.chen");
  const std::string out = file("train.jsonl");
  const auto manifest = export_dataset(*ws_, dataset_, out, data::ExportFormat::TrainerJsonl, true);
  EXPECT_EQ(manifest.records, 4);
  EXPECT_EQ(manifest.per_category.at("儿科"), 2);  // one synthetic record and the fever chat
  std::istringstream lines(read_file(out));
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(line);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].rfind("{\"instruction\": ", 0), 0u) << rows[0];
  EXPECT_EQ(rows[2], "{\"messages\": " + data::conversation_to_json(kFever) + ", \"category\": \"儿科\"}");
  EXPECT_EQ(rows[3].rfind("{\"messages\": [{\"role\": \"user\"", 0), 0u) << rows[3];
}

TEST(ConversationSchema, AVersion3WorkspaceMigratesAndKeepsItsRecordsSearchable) {
  QTemporaryDir dir;
  const std::string path = dir.filePath("old.mlw").toStdString();
  {
    std::vector<Migration> up_to_3(workspace_migrations().begin(), workspace_migrations().begin() + 3);
    ASSERT_EQ(up_to_3.back().version, 3);
    Workspace old(path, up_to_3);
    ASSERT_EQ(old.schema_version(), 3);
    old.exec("INSERT INTO datasets (name, source, created_at) VALUES ('old', 'test', '2026-01-01T00:00:00Z')");
    old.exec("INSERT INTO records (dataset_id, instruction, input, output, created_at, updated_at) "
             "VALUES (1, '', 'What causes gout?', 'Uric acid crystals.', 'now', 'now')");
    old.exec("INSERT INTO record_versions (record_id, version, instruction, input, output, category, edited_at) "
             "VALUES (1, 1, '', 'What causes gout', 'Uric acid.', '', 'now')");
    old.exec("INSERT INTO records_fts(rowid, instruction, input, output) SELECT id, instruction, input, output FROM records");
    old.exec("UPDATE search_index_state SET indexed_through = 1");
  }
  Workspace ws(path);
  EXPECT_EQ(ws.schema_version(), latest_schema_version());  // migrated through 4 and on
  DatasetRepository repo(ws);
  const auto old_record = repo.get_record(1);
  ASSERT_TRUE(old_record);
  EXPECT_EQ(old_record->text.input, "What causes gout?");
  EXPECT_TRUE(old_record->text.messages.empty());
  ASSERT_EQ(repo.history(1).size(), 1u);
  EXPECT_TRUE(repo.history(1)[0].messages.empty());

  RecordFilter gout;
  gout.search = "gout";
  EXPECT_EQ(repo.record_count(1, gout), 1);  // the rebuilt index starts empty: LIKE finds it
  const auto ids = repo.insert_records(1, {chat({{"user", "Does gout hurt?"}, {"assistant", "Yes, badly."}})}).ids;
  SearchIndex index(ws);
  index.update();
  EXPECT_EQ(repo.record_count(1, gout), 2);
  EXPECT_EQ(repo.get_record(ids[0])->text.messages.size(), 2u);
  EXPECT_TRUE(index.consistent());
}

}  // namespace
}  // namespace medlora::store
