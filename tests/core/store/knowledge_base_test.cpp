#include "core/store/knowledge_base.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>
#include <filesystem>

#include "core/data/dataset_importer.h"
#include "core/store/dataset_repository.h"
#include "core/store/store_error.h"
#include "store_test_support.h"

namespace medlora::store {
namespace {

class KnowledgeBaseTest : public testing::TempWorkspaceTest {
 protected:
  void SetUp() override {
    TempWorkspaceTest::SetUp();
    ws_ = std::make_unique<Workspace>(file());
    kb_ = std::make_unique<KnowledgeBase>(*ws_);
  }
  int64_t add(const std::string& title, const std::string& text) {
    return kb_->import_document(title, "/docs/" + title + ".md", text).document_id;
  }
  void add_corpus() {
    headache_ = add("头痛", "头痛是常见症状。紧张性头痛可以通过休息和放松缓解，偏头痛发作时应避免强光。");
    fever_ = add("小儿发烧", "儿童发烧时要多喝水。体温超过38.5度可以服用退烧药，持续高烧请及时就医。");
    hypertension_ = add("高血压饮食", "高血压患者应低盐饮食，每日食盐少于5克，多吃蔬菜水果，戒烟限酒。");
    diabetes_ = add("Diabetes", "Diabetes is a chronic disease in which blood glucose is too high. "
                                "Symptoms include thirst, frequent urination and tiredness.");
    chest_ = add("Chest pain", "Chest pain can be a sign of a heart attack. Call an ambulance if it lasts "
                               "more than a few minutes or spreads to the arm.");
  }
  int64_t top_document(const std::string& query) const {
    const std::vector<Passage> hits = kb_->search(query, 3);
    return hits.empty() ? 0 : hits.front().document_id;
  }

  std::unique_ptr<Workspace> ws_;
  std::unique_ptr<KnowledgeBase> kb_;
  int64_t headache_ = 0, fever_ = 0, hypertension_ = 0, diabetes_ = 0, chest_ = 0;
};

TEST_F(KnowledgeBaseTest, QueryTermsHandleShortChineseWordsAndEnglishStopWords) {
  KnowledgeBase::QueryTerms terms = KnowledgeBase::query_terms("头痛怎么办？");
  EXPECT_TRUE(terms.long_terms.empty());
  EXPECT_EQ(terms.short_terms, (std::vector<std::string>{"头痛"}));

  terms = KnowledgeBase::query_terms("高血压患者的饮食");
  EXPECT_EQ(terms.long_terms, (std::vector<std::string>{"高血压"}));
  EXPECT_EQ(terms.short_terms, (std::vector<std::string>{"高血", "血压", "饮食"}));

  terms = KnowledgeBase::query_terms("What are the Symptoms of DIABETES?");
  EXPECT_EQ(terms.long_terms, (std::vector<std::string>{"symptom", "diabete"}));
  EXPECT_TRUE(terms.short_terms.empty());

  terms = KnowledgeBase::query_terms("痔的治疗");
  EXPECT_EQ(terms.short_terms, (std::vector<std::string>{"痔", "治疗"}));

  EXPECT_TRUE(KnowledgeBase::query_terms("what is it? 的了吗").long_terms.empty());
  EXPECT_TRUE(KnowledgeBase::query_terms("what is it? 的了吗").short_terms.empty());
}

TEST_F(KnowledgeBaseTest, FindsChineseAndEnglishPassages) {
  add_corpus();
  EXPECT_EQ(top_document("头痛怎么办"), headache_);  // a 2-character term only
  EXPECT_EQ(top_document("孩子发烧了能吃退烧药吗"), fever_);
  EXPECT_EQ(top_document("高血压患者每天吃多少盐"), hypertension_);
  EXPECT_EQ(top_document("What are the symptoms of diabetes?"), diabetes_);
  EXPECT_EQ(top_document("sudden chest pain"), chest_);
  EXPECT_TRUE(kb_->search("怎么办", 3).empty());  // nothing but a question phrase

  const std::vector<Passage> hits = kb_->search("diabetes blood glucose", 2);
  ASSERT_FALSE(hits.empty());
  EXPECT_LE(hits.size(), 2u);
  EXPECT_EQ(hits[0].title, "Diabetes");
  EXPECT_EQ(hits[0].document_title, "Diabetes");
  EXPECT_GT(hits[0].score, 0);
  EXPECT_NE(hits[0].text.find("blood glucose"), std::string::npos);
  for (size_t i = 1; i < hits.size(); ++i) EXPECT_GE(hits[i - 1].score, hits[i].score);
  EXPECT_TRUE(kb_->search("diabetes", 0).empty());
}

TEST_F(KnowledgeBaseTest, MixedQueriesAddBothScores) {
  add_corpus();
  add("Headache in English", "A headache (头痛) with fever and a stiff neck needs a doctor.");
  const std::vector<Passage> hits = kb_->search("headache 头痛", 3);
  ASSERT_GE(hits.size(), 2u);
  EXPECT_EQ(hits[0].title, "Headache in English");  // matches both the long and the short term
}

TEST_F(KnowledgeBaseTest, DocumentsListAndRemove) {
  add_corpus();
  const std::vector<KnowledgeDocument> documents = kb_->documents();
  ASSERT_EQ(documents.size(), 5u);
  EXPECT_EQ(documents.front().id, chest_);  // newest first
  EXPECT_EQ(documents.front().kind, "document");
  EXPECT_EQ(documents.front().path, "/docs/Chest pain.md");
  EXPECT_EQ(documents.front().chunk_count, 1);
  EXPECT_GT(documents.front().char_count, 50);

  EXPECT_TRUE(kb_->remove_document(headache_));
  EXPECT_FALSE(kb_->remove_document(headache_));
  EXPECT_FALSE(kb_->find_document(headache_).has_value());
  EXPECT_TRUE(kb_->passages(headache_).empty());
  for (const Passage& passage : kb_->search("头痛", 3)) EXPECT_NE(passage.document_id, headache_);
  EXPECT_EQ(kb_->chunk_count(), 4);
  EXPECT_TRUE(kb_->index_consistent());
}

TEST_F(KnowledgeBaseTest, LongDocumentsAreChunkedAndCancelRollsBack) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Paragraph " + std::to_string(i) + " talks about asthma inhalers.\n\n";
  std::vector<int64_t> progress;
  const KnowledgeImportResult result = kb_->import_document("Asthma", "a.txt", text, {200, 40}, [&](int64_t done, int64_t) {
    progress.push_back(done);
    return true;
  });
  EXPECT_GT(result.chunks, 20);
  EXPECT_EQ(progress.back(), result.chunks);
  const std::vector<Passage> passages = kb_->passages(result.document_id);
  ASSERT_EQ(static_cast<int64_t>(passages.size()), result.chunks);
  EXPECT_EQ(passages[1].seq, 1);

  const KnowledgeImportResult cancelled =
      kb_->import_document("Again", "b.txt", text, {200, 40}, [](int64_t, int64_t) { return false; });
  EXPECT_TRUE(cancelled.cancelled);
  EXPECT_EQ(kb_->documents().size(), 1u);
  EXPECT_EQ(kb_->chunk_count(), result.chunks);
  EXPECT_TRUE(kb_->index_consistent());

  EXPECT_THROW(kb_->import_document(" ", "c.txt", "text"), StoreError);
  EXPECT_THROW(kb_->import_document("Empty", "c.txt", "  \n"), StoreError);
}

TEST_F(KnowledgeBaseTest, DatasetAnswersBecomePassagesTitledWithTheirQuestion) {
  DatasetRepository datasets(*ws_);
  const int64_t dataset = datasets.create_dataset("clinic", "");
  std::vector<data::RecordText> records = testing::synthetic_records(6);
  records[5].output.clear();  // no answer: skipped
  datasets.insert_records(dataset, records);
  const KnowledgeImportResult result = kb_->import_dataset_answers(dataset);
  EXPECT_EQ(result.chunks, 5);
  const std::optional<KnowledgeDocument> document = kb_->find_document(result.document_id);
  ASSERT_TRUE(document.has_value());
  EXPECT_EQ(document->title, "dataset: clinic");
  EXPECT_EQ(document->kind, "dataset");
  const std::vector<Passage> hits = kb_->search("小儿发烧", 1);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].title.rfind("小儿发烧怎么办？", 0), 0u);
  EXPECT_EQ(hits[0].document_title, "dataset: clinic");

  EXPECT_THROW(kb_->import_dataset_answers(dataset + 100), StoreError);
  EXPECT_THROW(kb_->import_dataset_answers(dataset, /*approved_only=*/true), StoreError);  // none approved
}

std::filesystem::path shared_datasets() {
  const char* env = std::getenv("MEDLORA_SHARED_DATASETS");
  return std::filesystem::path(env ? env : MEDLORA_SOURCE_DIR "/../shared/datasets");
}

// CMB-Clin in ../shared: 74 Chinese clinical cases. Each case becomes a document titled with its
// disease; a Chinese question about that disease must bring the case into the top 3.
TEST_F(KnowledgeBaseTest, ChineseClinicalCasesAreFoundByDisease) {
  QFile json(QString::fromStdString((shared_datasets() / "zh" / "cmb-clin.json").string()));
  if (!json.open(QIODevice::ReadOnly)) GTEST_SKIP() << "CMB-Clin not found at " << json.fileName().toStdString();
  const QJsonArray cases = QJsonDocument::fromJson(json.readAll()).array();
  ASSERT_GT(cases.size(), 50);
  std::vector<std::pair<std::string, int64_t>> diseases;
  for (const QJsonValue& value : cases) {
    const QJsonObject object = value.toObject();
    const QString title = object.value("title").toString().section("案例分析-", 1);
    std::string text = object.value("description").toString().toStdString();
    for (const QJsonValue& qa : object.value("QA_pairs").toArray()) {
      text += "\n\n" + qa.toObject().value("question").toString().toStdString() + "\n" +
              qa.toObject().value("answer").toString().toStdString();
    }
    diseases.emplace_back(title.toStdString(), add(title.toStdString(), text));
  }
  int found = 0;
  std::string misses;
  for (const auto& [disease, document] : diseases) {
    bool hit = false;
    for (const Passage& passage : kb_->search(disease + "的病人应该怎么治疗？", 3)) {
      hit = hit || passage.document_id == document;
    }
    if (hit) ++found;
    else misses += " [" + disease + "]";
  }
  RecordProperty("found", found);
  RecordProperty("missed", misses);
  EXPECT_GE(found * 10, static_cast<int>(diseases.size()) * 9) << found << " of " << diseases.size() << "; missed:" << misses;
}

// The MedQuAD subset in ../shared: a real English corpus. A question naming a disorder must
// bring that disorder's passages into the top 3.
TEST_F(KnowledgeBaseTest, MedQuadQuestionsRetrieveTheirDisorder) {
  const std::filesystem::path folder = shared_datasets() / "medquad" / "6_NINDS_QA";
  if (!std::filesystem::is_directory(folder)) GTEST_SKIP() << "MedQuAD subset not found at " << folder;

  const data::ImportResult imported = data::import_medquad_folder(folder);
  ASSERT_GT(imported.records.size(), 500u);
  DatasetRepository datasets(*ws_);
  const int64_t dataset = datasets.create_dataset("ninds", "medquad");
  datasets.insert_records(dataset, imported.records);
  const KnowledgeImportResult result = kb_->import_dataset_answers(dataset);
  ASSERT_GT(result.chunks, 1000);

  // Every 10th disorder: "How is <focus> treated and what are its symptoms?"
  std::vector<std::string> focuses;
  for (const data::RecordText& record : imported.records) {
    const auto focus = record.metadata.find("focus");
    if (focus != record.metadata.end() && (focuses.empty() || focuses.back() != focus->second)) {
      focuses.push_back(focus->second);
    }
  }
  int asked = 0;
  int found = 0;
  std::string misses;
  for (size_t i = 0; i < focuses.size(); i += 10) {
    ++asked;
    const std::string& focus = focuses[i];
    bool hit = false;
    for (const Passage& passage : kb_->search("How is " + focus + " treated and what are its symptoms?", 3)) {
      hit = hit || passage.title.find(focus) != std::string::npos;
    }
    if (hit) ++found;
    else misses += " [" + focus + "]";
  }
  RecordProperty("asked", asked);
  RecordProperty("found", found);
  RecordProperty("missed", misses);
  ASSERT_GE(asked, 20);
  EXPECT_GE(found * 10, asked * 9) << found << " of " << asked << "; missed:" << misses;
}

}  // namespace
}  // namespace medlora::store
